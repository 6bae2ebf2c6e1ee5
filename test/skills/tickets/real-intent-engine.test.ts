import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { startTestBot, type TestBot } from '../../support/conversation.js';

/**
 * The same stories routed by the trained intent engine from intents/, not by test rules.
 * Routing does not depend on the database, so this runs on SQLite only; every database
 * path of these stories runs on both databases in the other ticket transcripts.
 */
describe('tickets with the real intent engine', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot('sqlite', { modules: [ticketsModule] });
  });
  afterAll(() => bot.close());

  /** A ticket of `name`'s, filed outside the chat (the user has said hello, so they exist). */
  async function ticketFiledBy(name: string, subject: string, description: string) {
    const chat = bot.chat(name);
    await chat.say('hello');
    const { id } = await bot.app.services.shared.tickets!.create({
      requester: chat.last!.user,
      subject,
      issueType: 'other',
      description,
      channel: 'web',
      conversationId: chat.last!.conversationId,
      idempotencyKey: `${name}-${subject}`,
    });
    return { chat, id };
  }

  const statusOf = async (id: number) =>
    (await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } })).status;

  it('files, finds, answers and closes a ticket in plain words', async () => {
    const alice = bot.chat('alice');
    await alice.say('open a ticket: the tracking pixel stopped firing on campaign 48213');
    expect(alice.intent()).toBe('ticket.create');
    await alice.say('yes');
    await alice.say('Since Monday the pixel on the thank-you page does not fire, no conversions recorded.');
    await alice.say('no, only me');
    await alice.say('confirm');
    const id = Number(alice.text().match(/Ticket #(\d+) filed/)?.[1]);
    expect(id).toBeGreaterThanOrEqual(1000);

    await alice.say(`what's the status of ticket ${id}?`);
    expect(alice.intent()).toBe('ticket.status');
    expect(alice.text()).toContain(`#${id} · The tracking pixel stopped firing on campaign 48213`);

    await alice.say('show my open tickets');
    expect(alice.intent()).toBe('ticket.list');
    expect(alice.text()).toContain(`#${id} ·`);

    await alice.say(`close ticket ${id}`);
    expect(alice.intent()).toBe('ticket.update');
    expect(alice.text()).toContain(`**#${id}** is closed`);
  });

  it('"<number> is still broken" on a ticket that is still open is kept as a comment; a status question only shows the status', async () => {
    const { chat: bob, id } = await ticketFiledBy(
      'bob',
      'Payout report export times out',
      'The payout report export times out after two minutes every time.',
    );

    await bob.say(`${id} is still broken`);
    expect(bob.text()).toContain(`Added what you wrote to **#${id}** as a comment`);
    expect(bob.text()).toContain('still open (**Open**)');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments.map((c) => c.body)).toEqual([`${id} is still broken`]);

    await bob.say(`what's the status of ${id}`);
    expect(bob.intent()).toBe('ticket.status');
    expect(bob.text()).toContain(`#${id} · Payout report export times out`);
    expect(bob.text()).not.toContain('Added what you wrote');
    const ticket = await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket.status).toBe('open');
  });

  it('a complaint on a closed ticket offers Reopen with the complaint kept as the reason; a status question only shows the status', async () => {
    const { chat: carla, id } = await ticketFiledBy(
      'carla',
      'Coupon codes rejected at checkout',
      'Every coupon code of the spring campaign is rejected at checkout.',
    );
    const desk = bot.app.services.shared.tickets!;
    await desk.setStatus(carla.last!.user, id, 'closed');

    for (const complaint of [`${id} still doesn't work`, `ticket ${id} is broken again`]) {
      await carla.say(complaint);
      expect(carla.text()).not.toContain("hasn't offered a solution");
      expect(carla.text()).toContain(`**#${id}** is closed.`);
      expect(carla.actions().map((a) => a.label)).toEqual(['Reopen', 'File a ticket']);
    }
    await carla.click('Reopen');
    expect(carla.text()).toContain(`**#${id}** is reopened`);
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments.map((c) => c.body)).toEqual([`ticket ${id} is broken again`]);

    await desk.setStatus(carla.last!.user, id, 'closed');
    await carla.say(`what's the status of ${id}`);
    expect(carla.intent()).toBe('ticket.status');
    expect(carla.text()).toContain(`#${id} · Coupon codes rejected at checkout`);
    expect(carla.actions().map((a) => a.label)).not.toContain('File a ticket');
  });

  it('a complaint on a closed ticket read as a new ticket offers Reopen or File a ticket; File a ticket starts the form as before', async () => {
    const hana = bot.chat('hana');
    await hana.say('hello');
    const desk = bot.app.services.shared.tickets!;
    const file = async (subject: string) =>
      (
        await desk.create({
          requester: hana.last!.user,
          subject,
          issueType: 'other',
          description: `${subject}, every time since Monday.`,
          channel: 'web',
          conversationId: hana.last!.conversationId,
          idempotencyKey: `hana-${subject}`,
        })
      ).id;
    const id = await file('Spring coupon codes rejected at checkout');
    await desk.setStatus(hana.last!.user, id, 'closed');
    const comments = async () =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => c.body);

    const complaint = `${id} still doesnt work the codes are rejected again at checkout since yesterday`;
    for (const said of [`${id} is broken again`, complaint]) {
      await hana.say(said);
      expect(hana.intent()).toBe('ticket.create');
      expect(hana.text()).toContain(`**#${id}** is closed.`);
      expect(hana.actions().map((a) => a.label)).toEqual(['Reopen', 'File a ticket']);
    }
    expect(await comments()).toEqual([]);
    expect((await desk.get(hana.last!.user, id))?.status).toBe('closed');

    // File a ticket: the form started from the message, as before; nothing added to the closed ticket.
    await hana.click('File a ticket');
    expect(hana.text()).toContain(
      'This sounds like a **Promotional Content (ads, codes and products)** issue.',
    );
    await hana.say('cancel');
    expect(await comments()).toEqual([]);

    await hana.say(complaint);
    await hana.click('Reopen');
    expect(hana.text()).toContain(`**#${id}** is reopened`);
    expect(await comments()).toEqual([complaint]);

    // A ticket that is still open, or no ticket at all: a new ticket's form, as before.
    await hana.say(`${id} is broken again`);
    expect(hana.intent()).toBe('ticket.create');
    expect(hana.text()).not.toContain(`**#${id}** is closed.`);
    expect(hana.actions().map((a) => a.label)).not.toContain('Reopen');
    await hana.say('cancel');
    await hana.say('the coupon codes are broken again');
    expect(hana.intent()).toBe('ticket.create');
    expect(hana.actions().map((a) => a.label)).not.toContain('Reopen');
    await hana.say('cancel');
  });

  it('"didn\'t help" on a closed ticket offers Reopen or File a ticket, however it is routed to tickets', async () => {
    const { chat: ivy, id } = await ticketFiledBy(
      'ivy',
      'Partner feed import fails',
      'The partner feed import fails every night with a timeout.',
    );
    const desk = bot.app.services.shared.tickets!;
    await desk.setStatus(ivy.last!.user, id, 'closed');
    for (const said of [
      `ticket ${id} didnt help`,
      `the fix for ${id} didnt help`,
      `${id} did not help at all`,
    ]) {
      await ivy.say(said);
      expect(ivy.text()).toContain(`**#${id}** is closed.`);
      expect(ivy.actions().map((a) => a.label)).toEqual(['Reopen', 'File a ticket']);
    }
    expect((await desk.get(ivy.last!.user, id))?.status).toBe('closed');
  });

  it('an agent typing Solution Offered without the solution is asked for it', async () => {
    const { id } = await ticketFiledBy(
      'dana',
      'Partner payouts stuck in pending',
      'Partner payouts stay in pending for three weeks now.',
    );
    const sam = bot.chat('sam');
    for (const typed of [`solution offered ${id}`, `set ${id} to solution offered`]) {
      await sam.say(typed);
      expect(sam.intent()).toBe('ticket.update');
      expect(sam.text()).toContain(`What's the solution for **#${id}**?`);
      await sam.say('cancel');
    }
    const ticket = await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket.status).toBe('open');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments).toEqual([]);
  });

  it('an agent asking why a ticket is on Solution Offered gets its status; nothing changes or reaches the requester', async () => {
    const { id } = await ticketFiledBy(
      'erin',
      'Payout export times out again',
      'The payout report export times out after two minutes.',
    );
    const sam = bot.chat('sam');
    await sam.say(`why is ${id} on solution offered: the customer says it is still broken`);
    expect(sam.text()).toContain(`#${id} · Payout export times out again`);
    expect(sam.text()).not.toContain('The requester has been sent your solution');
    await sam.say(`is ${id} solution offered? the customer says it is still broken`);
    expect(sam.text()).toContain(`#${id} · Payout export times out again`);
    expect(sam.text()).not.toContain('was sent to the requester');
    const ticket = await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket.status).toBe('open');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments).toEqual([]);
  });

  it('an agent typing a ticket number and a status sets it; the requester typing the same sees the status', async () => {
    const { chat: fay, id } = await ticketFiledBy(
      'fay',
      'Coupon feed not refreshing',
      'The coupon feed has not refreshed since yesterday morning.',
    );
    const status = () => statusOf(id);
    const sam = bot.chat('sam');
    await sam.say(`${id} in progress`);
    expect(sam.text()).toContain(`**#${id}** is now **In Progress**`);
    expect(await status()).toBe('in_progress');
    await sam.say(`${id} to waiting on customer`);
    expect(sam.text()).toContain(`**#${id}** is now **Awaiting your response**`);
    expect(await status()).toBe('awaiting_response');
    await sam.say(`${id} to awaiting response`);
    expect(sam.text()).not.toContain('was sent to the requester');

    await fay.say(`${id} in progress`);
    expect(fay.text()).toContain(`#${id} · Coupon feed not refreshing`);
    expect(await status()).toBe('awaiting_response');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments).toEqual([]);
  });

  it('an agent typing a list of tickets and a status sets each as "set … to …" does; none of it reaches a requester as a reply', async () => {
    const desk = bot.app.services.shared.tickets!;
    const { chat: jo, id: a } = await ticketFiledBy(
      'jo',
      'Postback URL rejected',
      'The postback URL is rejected.',
    );
    const b = (await ticketFiledBy('jo', 'Postback URL rejected again', 'Rejected again today.')).id;
    const c = (await ticketFiledBy('jo', 'Coupon export empty', 'The coupon export is empty.')).id;
    const d = (await ticketFiledBy('jo', 'Coupon export empty again', 'Empty again today.')).id;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((x) => [x.body, x.internal]);
    const sam = bot.chat('sam');

    // Solution Offered without the solution: one question naming every ticket; cancel leaves them.
    await sam.say(`${a} and ${b} solution offered`);
    expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${b}**?`);
    expect(sam.text()).not.toContain('was sent to the requester');
    await sam.say('cancel');
    await sam.say(`${a} solution offered`);
    expect(sam.text()).toContain(`What's the solution for **#${a}**?`);
    await sam.say('cancel');
    for (const id of [a, b]) {
      expect(await statusOf(id)).toBe('open');
      expect(await comments(id)).toEqual([]);
    }
    for (const typed of [`solution offered ${a} and ${b}`, `both ${a} and ${b} solution offered`]) {
      await sam.say(typed);
      expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${b}**?`);
      await sam.say('cancel');
    }
    for (const id of [a, b]) expect(await comments(id)).toEqual([]);
    // A remark after the command is no solution: it is asked for, as "set A and B to solution offered, …"
    // does, and the remark is kept on each ticket as an internal note, as an agent's close reason is.
    await sam.say(`${a} and ${b} solution offered, clear the cache`);
    expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${b}**?`);
    for (const id of [a, b])
      expect(sam.text()).toContain(`Your note is kept on **#${id}** as an internal note`);
    await sam.say('cancel');
    for (const id of [a, b]) {
      expect(await statusOf(id)).toBe('open');
      expect(await comments(id)).toEqual([['clear the cache', true]]);
    }

    // With the solution: offered on each ticket, the solution alone sent to each requester.
    await sam.say(`${a} and ${b} solution offered: clear the cache`);
    for (const id of [a, b]) {
      expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
      expect(await statusOf(id)).toBe('solution_offered');
      expect((await comments(id)).at(-1)).toEqual(['clear the cache', false]);
    }

    // Other statuses: each ticket set, as "set C and D to …" does.
    await sam.say(`${c} and ${d} in progress`);
    for (const id of [c, d]) {
      expect(sam.text()).toContain(`**#${id}** is now **In Progress**`);
      expect(await statusOf(id)).toBe('in_progress');
    }
    await sam.say(`${c}, ${d} closed`);
    for (const id of [c, d]) {
      expect(sam.text()).toContain(`**#${id}**`);
      expect(await statusOf(id)).toBe('closed');
      expect(await comments(id)).toEqual([]);
    }

    // A remark after the command: kept on each ticket as an internal note, never sent.
    await desk.setStatus(sam.last!.user, c, 'open');
    await desk.setStatus(sam.last!.user, d, 'open');
    await sam.say(`${c} and ${d} in progress, the customer sent logs`);
    for (const id of [c, d]) {
      expect(sam.text()).toContain(`**#${id}** is now **In Progress**`);
      expect(sam.text()).toContain(`Your note is kept on **#${id}** as an internal note`);
      expect(await statusOf(id)).toBe('in_progress');
      expect(await comments(id)).toEqual([['the customer sent logs', true]]);
    }
    await sam.say(`${c}, ${d} closed - duplicates of ${a}`);
    for (const id of [c, d]) {
      expect(sam.text()).toContain(`Your reason is kept on **#${id}** as an internal note`);
      expect(await statusOf(id)).toBe('closed');
      expect((await comments(id)).at(-1)).toEqual([`duplicates of ${a}`, true]);
    }

    // The requester typing the same changes no status.
    await desk.setStatus(sam.last!.user, c, 'open');
    await desk.setStatus(sam.last!.user, d, 'open');
    for (const typed of [
      `${c} and ${d} in progress`,
      `${c} and ${d} solution offered`,
      `${c}, ${d} closed`,
    ]) {
      await jo.say(typed);
      expect(jo.text()).not.toContain('is now');
      for (const id of [c, d]) expect(await statusOf(id)).toBe('open');
    }
  });

  it('an agent\'s typed status: no ticket named is the ticket talked about; a second command or "B too" in the remark is run; a colon starts the remark', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((x) => [x.body, x.internal]);
    const other = (await ticketFiledBy('lee', 'Postback rejected', 'The postback is rejected.')).id;
    const current = (await ticketFiledBy('lee', 'Coupon export empty', 'The coupon export is empty.')).id;
    const third = (await ticketFiledBy('lee', 'Banner rejected', 'The banner is rejected.')).id;
    const sam = bot.chat('sam');
    await sam.say('cancel');

    await sam.say(`${current} in progress`);
    expect(await statusOf(current)).toBe('in_progress');
    await sam.say(`solution offered, same fix as ${other}`);
    expect(sam.text()).toContain(`What's the solution for **#${current}**?`);
    expect(await comments(other)).toEqual([]);
    await sam.say('cancel');

    await sam.say(`${other} closed, ${third} too`);
    for (const id of [other, third]) expect(await statusOf(id)).toBe('closed');
    await sam.say(`${other} in progress, ${third} open`);
    expect(await statusOf(other)).toBe('in_progress');
    expect(await statusOf(third)).toBe('open');

    await sam.say(`${third} closed: duplicate of ${other}`);
    expect(sam.text()).toContain(`Your reason is kept on **#${third}** as an internal note`);
    expect(await statusOf(third)).toBe('closed');
    expect(await comments(third)).toEqual([[`duplicate of ${other}`, true]]);
    expect(await statusOf(other)).toBe('in_progress');
  });

  it('"waiting on customer, please send …" sends the requester what is asked of them with the status', async () => {
    const { id } = await ticketFiledBy('mo', 'Checkout pixel silent', 'The checkout pixel is silent.');
    const sam = bot.chat('sam');
    await sam.say('cancel');
    const asked = 'please send us the HAR file from the checkout page';
    await sam.say(`${id} waiting on customer, ${asked}`);
    expect(sam.text()).toContain('The requester has been told, with your message.');
    expect(await statusOf(id)).toBe('awaiting_response');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments.map((x) => [x.body, x.internal])).toEqual([[asked, false]]);
  });

  it('"close tickets A and B, …": the plural leaves nothing of the list in the reason', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((x) => [x.body, x.internal]);
    const { chat: ned, id: a } = await ticketFiledBy('ned', 'Postback 401', 'The postback gets 401.');
    const b = (await ticketFiledBy('ned', 'Postback 403', 'The postback gets 403.')).id;
    await ned.say(`close tickets ${a} and ${b}, errors 401 and 403 are gone`);
    for (const id of [a, b]) {
      expect(await statusOf(id)).toBe('closed');
      expect(await comments(id)).toEqual([['errors 401 and 403 are gone', false]]);
    }
  });

  it("an agent's status command typed while a reply or a solution is asked for is neither", async () => {
    const a = (await ticketFiledBy('kim', 'Banner sizes rejected', 'Every banner size is rejected.')).id;
    const b = (await ticketFiledBy('kim', 'Banner sizes rejected again', 'Rejected again today.')).id;
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((x) => x.body);
    const sam = bot.chat('sam');
    const typedCommands = [
      `${a} and ${b} in progress`,
      `tickets ${a} and ${b} in progress`,
      `${a}, ${b} closed`,
      `${b} in progress`,
      `${a} and ${b} solution offered`,
    ];
    await sam.say(`reply to ${a}`);
    expect(sam.text()).toContain(`**#${a}**`);
    for (const typed of typedCommands) {
      await sam.say(typed);
      expect(sam.text()).not.toContain('sent to the requester');
      if (sam.actions().some((x) => x.label === 'No, continue')) await sam.click('No, continue');
    }
    await sam.say('cancel');
    await sam.say(`set ${a} to solution offered`);
    expect(sam.text()).toContain(`What's the solution for **#${a}**?`);
    for (const typed of typedCommands) {
      await sam.say(typed);
      expect(sam.text()).not.toContain('is now **Solution Offered**');
      if (sam.actions().some((x) => x.label === 'No, continue')) await sam.click('No, continue');
    }
    await sam.say('cancel');
    for (const id of [a, b]) {
      expect(await statusOf(id)).toBe('open');
      expect(await comments(id)).toEqual([]);
    }

    // What reads like a command for no ticket may be the answer asked for: the agent says which.
    const solutionText = 'Set it to open, then reload the dashboard and share the link with your team again';
    await sam.say(`set ${a} to solution offered`);
    await sam.say(solutionText);
    expect(sam.text()).toContain(`Send this as the solution, or set **#${a}** to **Open**?`);
    expect(await comments(a)).toEqual([]);
    await sam.click('Send as the solution');
    expect(await statusOf(a)).toBe('solution_offered');
    expect(await comments(a)).toEqual([solutionText]);
    const replyText = 'Switch it to open, then share the link with your team again please';
    await sam.say(`reply to ${b}`);
    await sam.say(replyText);
    expect(sam.text()).toContain(`Send this as your reply, or set **#${b}** to **Open**?`);
    expect(await comments(b)).toEqual([]);
    await sam.click('Send as the reply');
    expect(await comments(b)).toEqual([replyText]);
    expect(await statusOf(b)).toBe('open');
  });

  it('a typed status for no ticket while a reply or a solution is asked for sends nothing before the agent chooses', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((x) => [x.body, x.internal]);
    const payout = (await ticketFiledBy('pia', 'Payout export slow', 'The payout export takes ten minutes.'))
      .id;
    const logs = (await ticketFiledBy('pia', 'Clicks missing', 'Clicks are missing since Friday.')).id;
    const sam = bot.chat('sam');
    await sam.say('hello');
    await sam.say(`reply to ${payout}`);
    await sam.say('set it to closed, duplicate of the payout ticket from Monday');
    expect(sam.text()).toContain(`Send this as your reply, or set **#${payout}** to **Closed**?`);
    expect(await comments(payout)).toEqual([]);
    await sam.click('Set Closed');
    expect(await statusOf(payout)).toBe('closed');
    expect(await comments(payout)).toEqual([['duplicate of the payout ticket from Monday', true]]);

    await sam.say(`set ${logs} to solution offered`);
    await sam.say('set it to in progress, the customer sent new logs this morning');
    expect(sam.text()).toContain(`Send this as the solution, or set **#${logs}** to **In Progress**?`);
    await sam.click('Set In Progress');
    expect(await statusOf(logs)).toBe('in_progress');
    expect(await comments(logs)).toEqual([['the customer sent new logs this morning', true]]);
  });

  it('the answer-or-status question answered by typing: nothing reaches the requester without a choice', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((x) => [x.body, x.internal]);
    const words = 'set it to closed, duplicate of the payout ticket from Monday';
    const sam = bot.chat('sam');
    await sam.say('hello');
    let n = 0;
    const ask = async () => {
      const { id } = await ticketFiledBy('pia', `Payout export typed choice ${++n}`, 'The export is slow.');
      await sam.say(`reply to ${id}`);
      await sam.say(words);
      expect(sam.text()).toContain(`Send this as your reply, or set **#${id}** to **Closed**?`);
      return id;
    };
    // No choice ("yes", another reply): asked again, nothing sent or set.
    const open = await ask();
    for (const typed of ['yes', 'We are looking into the payout export today']) {
      await sam.say(typed);
      if (sam.actions().some((x) => x.label === 'No, continue')) await sam.click('No, continue');
      expect(sam.text()).toContain(`Send this as your reply, or set **#${open}** to **Closed**?`);
      expect(await comments(open)).toEqual([]);
      expect(await statusOf(open)).toBe('open');
    }
    await sam.say('cancel');
    expect(await comments(open)).toEqual([]);
    // The answer.
    for (const typed of ['1', 'the first', 'send it']) {
      const id = await ask();
      await sam.say(typed);
      expect(await comments(id)).toEqual([[words, false]]);
      expect(await statusOf(id)).toBe('open');
    }
    // The status.
    for (const typed of ['close it', 'set closed', '2']) {
      const id = await ask();
      await sam.say(typed);
      expect(await statusOf(id)).toBe('closed');
      expect(await comments(id)).toEqual([['duplicate of the payout ticket from Monday', true]]);
    }
    // Neither.
    for (const typed of ['neither, never mind', 'neither']) {
      const id = await ask();
      await sam.say(typed);
      expect(sam.text()).toContain(`I didn't send anything or change **#${id}**`);
      expect(await comments(id)).toEqual([]);
      expect(await statusOf(id)).toBe('open');
    }
  });

  it('"N waiting on customer, could you send …?" sets the status and sends the question, though the engine reads a problem', async () => {
    const { id } = await ticketFiledBy(
      'bo',
      'Checkout pixel missing',
      'The checkout pixel does not fire at all.',
    );
    const sam = bot.chat('sam');
    await sam.say('hello');
    const ask = 'could you send us the HAR file from the checkout page?';
    await sam.say(`${id} waiting on customer, ${ask}`);
    expect(sam.text()).toContain('The requester has been told, with your message.');
    expect(await statusOf(id)).toBe('awaiting_response');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments.map((x) => [x.body, x.internal])).toEqual([[ask, false]]);
  });

  it('"set it to closed, B too" closes the ticket talked about and B', async () => {
    const current = (await ticketFiledBy('cy', 'Voucher codes rejected', 'Voucher codes are rejected.')).id;
    const other = (await ticketFiledBy('cy', 'Voucher codes rejected twice', 'Rejected again.')).id;
    const sam = bot.chat('sam');
    await sam.say('hello');
    await sam.say(`status of ${current}`);
    await sam.say(`set it to closed, ${other} too`);
    expect(await statusOf(current)).toBe('closed');
    expect(await statusOf(other)).toBe('closed');
  });

  it('"reply to N: still broken, …" on a Solution Offered ticket rejects the solution and keeps the words', async () => {
    const { chat: gus, id } = await ticketFiledBy(
      'gus',
      'Pixel fires twice on checkout',
      'The tracking pixel fires twice on the checkout page.',
    );
    const sam = bot.chat('sam');
    await sam.say(`solution offered ${id}: remove the old pixel from the thank-you page`);
    expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
    await gus.say(`reply to ${id}: still broken, the pixel fires twice`);
    expect(gus.text()).toContain(`Sorry it didn't help. **#${id}** is back with support (**In Progress**).`);
    expect(gus.text()).not.toContain("Tell me what's still wrong");
    const ticket = await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket.status).toBe('in_progress');
    const comments = await bot.app.services.db.ticketComment.findMany({
      where: { ticketId: id },
      orderBy: { id: 'asc' },
    });
    expect(comments.map((c) => c.body)).toEqual([
      'remove the old pixel from the thank-you page',
      'still broken, the pixel fires twice',
    ]);
  });

  it('an agent asking politely sets the status; an agent asking whether to reopen a closed ticket gets its status', async () => {
    const { id } = await ticketFiledBy(
      'hal',
      'Coupon feed stuck on old codes',
      'The coupon feed still shows the codes from last month.',
    );
    const status = () => statusOf(id);
    const sam = bot.chat('sam');
    await sam.say(`can you set ${id} to in progress`);
    expect(sam.text()).toContain(`**#${id}** is now **In Progress**`);
    expect(await status()).toBe('in_progress');
    await sam.say(`could you mark ${id} as waiting on customer please`);
    expect(sam.text()).toContain(`**#${id}** is now **Awaiting your response**`);
    expect(await status()).toBe('awaiting_response');

    await sam.say(`close ${id}`);
    expect(await status()).toBe('closed');
    await sam.say(`should i reopen ${id}? the customer says it works`);
    expect(sam.text()).toContain(`#${id} · Coupon feed stuck on old codes`);
    expect(sam.text()).not.toContain('was sent to the requester');
    expect(await status()).toBe('closed');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments).toEqual([]);
  });
});

describe('ticket lists for two named days with the real intent engine', () => {
  const DAY = 86_400_000;
  let now = new Date('2026-05-05T09:00:00Z');
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot('sqlite', { modules: [ticketsModule], clock: () => now });
  });
  afterAll(() => bot.close());

  it('"show my tickets from may 3 to may 10" lists only the tickets filed then, however it is routed', async () => {
    const ann = bot.chat('ann');
    await ann.say('hello');
    const desk = bot.app.services.shared.tickets!;
    const ticket = (subject: string, idempotencyKey: string) =>
      desk.create({
        requester: ann.last!.user,
        subject,
        issueType: 'other',
        description: `${subject}: details for support.`,
        channel: 'web',
        conversationId: null,
        idempotencyKey,
      });
    await ticket('May pixel problem', 'ann-may');
    now = new Date(now.getTime() + 45 * DAY); // 19 June
    await ticket('June payout question', 'ann-june');
    for (const asked of [
      'show my tickets from may 3 to may 10',
      'show my tickets created between may 3 and may 10',
    ]) {
      await ann.say(asked);
      expect(ann.text()).not.toContain('Which one?');
      expect(ann.text()).toContain('May pixel problem');
      expect(ann.text()).not.toContain('June payout question');
    }
  });
});
