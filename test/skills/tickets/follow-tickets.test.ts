import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListReply } from '../../../src/core/reply.js';
import type { UserProfile } from '../../../src/domain/user.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { addRequester, listTitle, startTicketBot, type TicketBot, testClock } from './ticket-test-bot.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe.each(testProviders())('following tickets on %s', (provider) => {
  let bot: TicketBot;
  let desk: TicketDesk;
  const clock = testClock();
  let nora: Chat;
  let nick: Chat;
  let sam: Chat;
  let noraProfile: UserProfile;
  let nickProfile: UserProfile;

  /** A ticket filed as if through the chat `chat` (so notifications go there). */
  async function file(
    who: UserProfile,
    chat: Chat,
    subject: string,
    options: { shared?: boolean; cc?: string[]; description?: string } = {},
  ): Promise<number> {
    clock.advance(MINUTE);
    const ticket = await desk.create({
      requester: who,
      subject,
      issueType: 'other',
      description: options.description ?? `${subject}: details for support.`,
      shared: options.shared ?? false,
      ccEmails: options.cc ?? [],
      channel: 'web',
      conversationId: chat.last?.conversationId ?? null,
      idempotencyKey: `${provider}-${subject}`,
    });
    return ticket.id;
  }

  const listed = (chat: Chat) =>
    chat.replies.filter((r): r is ListReply => r.type === 'list').flatMap((r) => r.items.map((i) => i.title));

  beforeAll(async () => {
    bot = await startTicketBot(provider, { clock: clock.now, env: { TICKET_REOPEN_DAYS: '14' } });
    desk = bot.app.services.shared.tickets as TicketDesk;
    // Northpeak has Nora; Nick joins her account, so shared and private tickets can be told apart.
    await addRequester(bot, 'nick', 'acc_northpeak', 'nick@northpeak.example');
    nora = bot.chat('nora');
    nick = bot.chat('nick');
    sam = bot.chat('sam');
    await nora.say('hello');
    await nick.say('hello');
    await sam.say('hello');
    noraProfile = nora.last!.user;
    nickProfile = nick.last!.user;
  });
  afterAll(() => bot.close());

  it('status by number: what the status means now, last update, who is on it', async () => {
    const id = await file(noraProfile, nora, 'Conversions missing since 3 June');
    clock.advance(5 * MINUTE);
    await nora.say(`status of #${id}`);
    expect(nora.text()).toContain(`#${id} · Conversions missing since 3 June`);
    expect(nora.text()).toMatch(/waiting for a support agent to pick it up/);
    expect(nora.text()).toContain('Last update: 5 min ago');
    expect(nora.text()).toContain('Handled by: Not picked up yet');
    expect(nora.actions().map((a) => a.label)).toEqual([
      'Add a comment',
      'Close ticket',
      'Open in the help center',
    ]);
  });

  it('an unknown ticket number and someone else’s ticket get the same "not found"', async () => {
    await nora.say('status of ticket 99999');
    expect(nora.text()).toMatch(/couldn't find ticket \*\*#99999\*\* among the tickets you can see/);

    const privateOfNick = await file(nickProfile, nick, 'Nick private question about invoices');
    await nora.say(`status of #${privateOfNick}`);
    expect(nora.text()).toMatch(new RegExp(`couldn't find ticket \\*\\*#${privateOfNick}\\*\\*`));

    const sharedOfNick = await file(nickProfile, nick, 'Shared: tracking domain certificate', {
      shared: true,
    });
    const alice = bot.chat('alice');
    await alice.say(`status of #${sharedOfNick}`);
    expect(alice.text()).toMatch(/couldn't find ticket/);
    await nora.say(`status of #${sharedOfNick}`);
    expect(nora.text()).toContain('Requester: Nick');
    await alice.say(`close ticket ${privateOfNick}`);
    expect(alice.text()).toMatch(/couldn't find ticket/);
  });

  it('"any news on my ticket?" picks the only open ticket, or asks which one', async () => {
    await addRequester(bot, 'olga', 'acc_northpeak', 'olga@northpeak.example');
    const olga = bot.chat('olga');
    await olga.say('any news on my ticket?');
    expect(olga.text()).toMatch(/no open tickets/);
    await olga.say('hi');
    const first = await file(olga.last!.user, olga, 'Olga: partner import stuck');
    const fresh = bot.chat('olga');
    await fresh.say('any news on my ticket?');
    expect(fresh.text()).toContain(`#${first} · Olga: partner import stuck`);
    const second = await file(olga.last!.user, olga, 'Olga: API key rejected');
    const another = bot.chat('olga');
    await another.say('any news on my ticket?');
    expect(another.text()).toMatch(/several open tickets. Which one\?/);
    await another.click(new RegExp(`#${second}`));
    expect(another.text()).toContain(`#${second} · Olga: API key rejected`);
  });

  it('lists: mine and open by default, paginated with More; account-wide keyword search never shows colleagues’ private tickets', async () => {
    await addRequester(bot, 'pia', 'acc_northpeak', 'pia@northpeak.example');
    const pia = bot.chat('pia');
    await pia.say('hi');
    const me = pia.last!.user;
    const ids: number[] = [];
    for (const subject of [
      'Banner sizes',
      'Payout to partner delayed',
      'Deep link 404',
      'SSO login loop',
      'Payouts missing in report',
      'Feed import',
    ]) {
      ids.push(await file(me, pia, `Pia: ${subject}`));
    }
    const closed = await file(me, pia, 'Pia: old payout question');
    await desk.setStatus(me, closed, 'closed');

    await pia.say('my open tickets');
    expect(listTitle(pia)).toBe('Your tickets (open): 5 of 6');
    expect(listed(pia)[0]).toContain(`#${ids[5]} · Pia: Feed import`);
    await pia.click('More');
    expect(listTitle(pia)).toBe('Your tickets (open): 6 of 6');
    expect(listed(pia)).toEqual([`#${ids[0]} · Pia: Banner sizes`]);
    expect(pia.actions().map((a) => a.label)).not.toContain('More');

    const nickShared = await file(nickProfile, nick, 'Nick: payout export for finance team', {
      shared: true,
    });
    const nickPrivate = await file(nickProfile, nick, 'Nick: payout of my own agency');
    await pia.say('all tickets of my account about payouts');
    const titles = listed(pia).join('\n');
    expect(titles).toContain(`#${nickShared} ·`);
    expect(titles).toContain(`#${ids[1]} ·`);
    expect(titles).toContain(`#${ids[4]} ·`);
    expect(titles).toContain(`#${closed} ·`);
    expect(titles).not.toContain(`#${nickPrivate} ·`);

    const quiet = bot.chat('nick');
    await quiet.say('tickets created last month');
    expect(quiet.text()).toMatch(
      /^No tickets found \(created last month\)\. Try “my tickets” or “closed tickets”\./,
    );

    await pia.say(`find ticket #${ids[2]}`);
    expect(listed(pia)).toEqual([`#${ids[2]} · Pia: Deep link 404`]);
  });

  it('agent reply and status changes notify the requester where the ticket was filed, and CC’d users of the bot', async () => {
    const id = await file(nickProfile, nick, 'Nick: postback 500 errors', {
      shared: true,
      cc: ['nora@northpeak.example', 'outsider@agency.example'],
    });
    await sam.say(`reply to #${id}: Could you send us one failing click ID?`);
    expect(sam.text()).toContain(`Your reply on **#${id}** was sent to the requester.`);
    await sam.say(`set #${id} to awaiting your response`);
    expect(sam.text()).toContain(`**#${id}** is now **Awaiting your response**`);

    const toNick = (await bot.notifications(nick)).join('\n---\n');
    expect(toNick).toContain(`New reply on #${id}: Nick: postback 500 errors`);
    expect(toNick).toContain('**Sam Agent** wrote: Could you send us one failing click ID?');
    expect(toNick).toContain(`#${id} is now Awaiting your response`);
    const toNora = (await bot.notifications(nora)).join('\n');
    expect(toNora).toContain(`New reply on #${id}`);
    const events = await bot.app.services.db.ticketEvent.findMany({
      where: { ticketId: id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ['created', nickProfile.id],
      ['comment', 'usr_sam'],
      // Replying to an unassigned ticket makes Sam the one handling it.
      ['assign', 'usr_sam'],
      ['status', 'usr_sam'],
    ]);

    // The requester answers: the ticket goes back to support.
    await nick.say(`reply to #${id}: the click ID is abc-123`, [
      {
        name: 'postback-log.txt',
        mimeType: 'text/plain',
        size: 12,
        content: new TextEncoder().encode('HTTP 500 abc'),
      },
    ]);
    expect(nick.text()).toContain(`it's back with support (**In Progress**)`);
    const files = await bot.app.services.db.attachment.findMany({ where: { ticketId: id } });
    expect(files.map((f) => f.name)).toEqual(['postback-log.txt']);
  });

  it('unread: an agent reply makes a ticket unread; a shared ticket is read once anyone in the account saw it', async () => {
    const own = await file(noraProfile, nora, 'Nora: unread story private');
    const shared = await file(nickProfile, nick, 'Nick: unread story shared', { shared: true });
    await sam.say(`reply to #${own}: We are looking into it.`);
    await sam.say(`reply to #${shared}: We are looking into it too.`);

    await nora.say('my unread tickets');
    expect(listed(nora)).toEqual([`● #${own} · Nora: unread story private`]);
    await nora.say('unread tickets of my account');
    expect(listed(nora).join('\n')).toContain(`● #${shared} ·`);

    await nora.say(`status of #${own}`);
    await nick.say(`status of #${shared}`);
    await nora.say('unread tickets of my account');
    const still = listed(nora).join('\n');
    expect(still).not.toContain(`#${own} ·`);
    expect(still).not.toContain(`#${shared} ·`);
  });

  it('solution offered: "it didn’t help" goes back to In Progress and asks what is wrong; "it’s solved" closes', async () => {
    const id = await file(noraProfile, nora, 'Nora: attribution window wrong');
    await sam.say(`set #${id} to solution offered`);
    await sam.say('Change the attribution window to 30 days under Program › Tracking.');
    const note = (await bot.notifications(nora)).at(-1) ?? '';
    expect(note).toContain(`#${id} is now Solution Offered`);

    await nora.say(`status of #${id}`);
    expect(nora.actions().map((a) => a.label)).toContain("It's solved");
    await nora.click("It didn't help");
    expect(nora.text()).toContain(`**#${id}** is back with support (**In Progress**)`);
    await nora.say('The window is still 7 days instead of 30.');
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);

    await sam.say(`set #${id} to solution offered`);
    await sam.say('The window is 30 days now; please check the next report.');
    await nora.say(`ticket ${id} is solved, thanks`);
    expect(nora.text()).toContain(`**#${id}** is closed as solved`);
    await nora.say(`it's solved #${id}`);
    expect(nora.text()).toMatch(/hasn't offered a solution|already closed/);
  });

  it('close, reopen within the window, and no reopening after it', async () => {
    const id = await file(noraProfile, nora, 'Nora: report export slow');
    await nora.say(`close ticket ${id}`);
    expect(nora.text()).toMatch(
      new RegExp(`\\*\\*#${id}\\*\\* is closed. If the problem comes back, you can reopen it until`),
    );
    await nora.say(`reply to #${id}: one more thing`);
    expect(nora.text()).toContain(`**#${id}** is closed. Reopen it first`);
    await nora.click('Reopen');
    expect(nora.text()).toContain(`**#${id}** is reopened`);
    await nora.say(`close ticket ${id}`);
    clock.advance(15 * DAY);
    await nora.say(`reopen ticket ${id}`);
    expect(nora.text()).toContain(`closed more than 14 days ago, so it can't be reopened`);
    const ticket = await desk.get(noraProfile, id);
    expect(ticket?.status).toBe('closed');
  });

  it('"reopen #N still broken" reopens a closed ticket and keeps "still broken" as a comment', async () => {
    const id = await file(noraProfile, nora, 'Nora: payout report still broken');
    await nora.say(`close ${id} pls`);
    await nora.say(`reopen #${id} still broken`);
    expect(nora.text()).toContain(`**#${id}** is reopened`);
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments.map((c) => c.body)).toContain('still broken');

    await nora.say(`close ticket ${id}`);
    await nora.say(`can you reopen ${id} its still broken`);
    expect(nora.text()).toContain(`**#${id}** is reopened`);
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
  });

  it('"reopen #N still broken" on a Solution Offered ticket rejects the solution and keeps the reason', async () => {
    const id = await file(noraProfile, nora, 'Nora: payout totals off');
    await sam.say(`set #${id} to solution offered`);
    await sam.say('Re-run the payout totals report for June.');
    await nora.say(`reopen #${id} still broken`);
    expect(nora.text()).not.toContain("isn't closed");
    expect(nora.text()).toContain(`**#${id}** is back with support (**In Progress**)`);
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('in_progress');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments.map((c) => c.body)).toContain('still broken');

    // Without a reason it asks for one, as "It didn't help" does.
    await sam.say(`set #${id} to solution offered`);
    await sam.say('The EUR partners are in the June totals now.');
    await nora.say(`please reopen ${id}`);
    expect(nora.text()).toContain(
      `**#${id}** is back with support (**In Progress**). Tell me what's still wrong`,
    );
    await nora.say('The totals still miss the EUR partners.');
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('in_progress');

    // Neither closed nor offered a solution: nothing to reopen, the reason is kept as a comment.
    await nora.say(`reopen #${id} still broken`);
    expect(nora.text()).toContain(`**#${id}** is already open (**In Progress**)`);
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    await nora.say(`please reopen ${id}`);
    expect(nora.text()).toContain(`**#${id}** isn't closed, so there's nothing to reopen.`);
  });

  it('"close N and M" handles every ticket named by the same rules, in one reply; so does "reopen N and M"', async () => {
    const first = await file(noraProfile, nora, 'Nora: batch close first');
    const second = await file(noraProfile, nora, 'Nora: batch close second');
    const nicks = await file(nickProfile, nick, 'Nick: batch close shared', { shared: true });
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;

    await nora.say(`close ${first} and ${second}`);
    expect(nora.replies).toHaveLength(1);
    expect(nora.text()).toContain(
      `**#${first}** is closed. If the problem comes back, you can reopen it until`,
    );
    expect(nora.text()).toContain(
      `**#${second}** is closed. If the problem comes back, you can reopen it until`,
    );
    expect(nora.actions().map((a) => a.label)).toEqual([`Reopen #${first}`, `Reopen #${second}`]);
    expect(await status(first)).toBe('closed');
    expect(await status(second)).toBe('closed');

    // A colleague's shared ticket: only its creator closes it; the others are still answered.
    await nora.say(`close #${first}, #${second} and #${nicks}`);
    expect(nora.replies).toHaveLength(1);
    expect(nora.text()).toContain(`**#${first}** is already closed.`);
    expect(nora.text()).toContain(`**#${second}** is already closed.`);
    expect(nora.text()).toContain(`Only the person who filed **#${nicks}** can do that`);
    expect(await status(nicks)).toBe('open');

    await nora.say(`reopen ${first} and ${second}`);
    expect(nora.replies).toHaveLength(1);
    expect(nora.text()).toContain(`**#${first}** is reopened`);
    expect(nora.text()).toContain(`**#${second}** is reopened`);
    expect(await status(first)).toBe('open');
    expect(await status(second)).toBe('open');

    await nora.say(`close ${first} and ${second}, it works now`);
    expect(await status(second)).toBe('closed');
    const closing = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: second } });
    expect(closing.map((c) => c.body)).toEqual(['it works now']);
    await nora.click(`Reopen #${second}`);
    expect(nora.text()).toContain(`**#${second}** is reopened`);
    expect(await status(first)).toBe('closed');

    const many = [first, second, nicks, first + 100, first + 101, first + 102].join(', ');
    await nora.say(`close ${many}`);
    expect(nora.text()).toContain('6 tickets');
    expect(nora.text()).toContain('at most 5');
    expect(await status(second)).toBe('open');
  });

  it('a ticket number after the command\'s list is part of the reason: "close B its a duplicate of A" closes B only', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const a = await file(noraProfile, nora, 'Nora: payouts missing');
    const b = await file(noraProfile, nora, 'Nora: payouts missing again');
    await nora.say(`close ${b} its a duplicate of ${a}`);
    expect(await status(b)).toBe('closed');
    expect(await status(a)).toBe('open');
    const closing = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: b } });
    expect(closing.map((c) => c.body)).toEqual([`its a duplicate of ${a}`]);

    const c = await file(noraProfile, nora, 'Nora: pixel not firing');
    await sam.say(`close ${c}, duplicate of ${a}`);
    expect(await status(c)).toBe('closed');
    expect(await status(a)).toBe('open');

    await nora.say(`close ${a}`);
    await nora.say(`reopen ${b} same problem as ${a}`);
    expect(await status(b)).toBe('open');
    expect(await status(a)).toBe('closed');

    await nora.say(`reopen ${a} still getting error 404 on checkout`);
    expect(await status(a)).toBe('open');
    expect(nora.text()).not.toContain('#404');
    expect(nora.text()).toContain(`**#${a}** is reopened`);

    // A list right after the command still names several tickets.
    await nora.say(`close #${a}, #${b} & #${c}`);
    expect(await status(a)).toBe('closed');
    expect(await status(b)).toBe('closed');
    await nora.say(`reopen ${a} ${b}`);
    expect(await status(a)).toBe('open');
    expect(await status(b)).toBe('open');
  });

  it('"close B, A is the original" closes B only; "set A and B to …" changes both', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const a = await file(noraProfile, nora, 'Nora: coupon report empty');
    const b = await file(noraProfile, nora, 'Nora: coupon report empty again');
    await nora.say(`close ${b}, ${a} is the original`);
    expect(await status(b)).toBe('closed');
    expect(await status(a)).toBe('open');

    await nora.say(`reopen ${b}`);
    await nora.say(`set ${a} and ${b} to closed`);
    expect(await status(a)).toBe('closed');
    expect(await status(b)).toBe('closed');
    await nora.say(`reopen ${a} and ${b}`);
    await sam.say(`set ${a} and ${b} to in progress`);
    expect(await status(a)).toBe('in_progress');
    expect(await status(b)).toBe('in_progress');
    expect(sam.text()).toContain(`**#${a}**`);
    expect(sam.text()).toContain(`**#${b}**`);
  });

  it('"close A and B are duplicates" closes both; an agent\'s "set A and B to solution offered: …" offers the solution on both', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const a = await file(noraProfile, nora, 'Nora: tracking link broken');
    const b = await file(noraProfile, nora, 'Nora: tracking link broken again');
    await nora.say(`close ${a} and ${b} are duplicates`);
    expect(await status(a)).toBe('closed');
    expect(await status(b)).toBe('closed');
    await nora.say(`reopen ${a} and ${b} were closed by mistake`);
    expect(await status(a)).toBe('open');
    expect(await status(b)).toBe('open');

    await sam.say(`set ${a} and ${b} to solution offered: regenerate the link under Tracking`);
    expect(await status(a)).toBe('solution_offered');
    expect(await status(b)).toBe('solution_offered');
    for (const id of [a, b]) {
      const replies = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
      expect(replies.map((c) => c.body)).toContain('regenerate the link under Tracking');
    }
  });

  it('for a list of tickets, numbers listed in a typed solution or a close or reopen reason are kept as typed', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const bodies = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => c.body);
    const a = await file(noraProfile, nora, 'Nora: webhook calls blocked');
    const b = await file(noraProfile, nora, 'Nora: webhook calls blocked again');
    const solutionText = 'allow ports 8080 and 8443 in the firewall';
    await sam.say(`set ${a} and ${b} to solution offered: ${solutionText}`);
    expect(await status(a)).toBe('solution_offered');
    expect(await status(b)).toBe('solution_offered');
    expect(await bodies(a)).toEqual([solutionText]);
    expect(await bodies(b)).toEqual([solutionText]);
    expect((await bot.notifications(nora)).some((n) => n.includes(solutionText))).toBe(true);
    expect((await bot.notifications(nora)).some((n) => n.includes('allow ports 8080 in'))).toBe(false);

    await nora.say(`close ${a} and ${b}, errors 401 and 403 are gone now`);
    expect(await status(a)).toBe('closed');
    expect(await status(b)).toBe('closed');
    expect((await bodies(a)).at(-1)).toBe('errors 401 and 403 are gone now');
    expect((await bodies(b)).at(-1)).toBe('errors 401 and 403 are gone now');

    await nora.say(`reopen ${a} and ${b} still getting errors 502, 503 and 504 on checkout`);
    expect(await status(a)).toBe('open');
    expect(await status(b)).toBe('open');
    expect((await bodies(a)).at(-1)).toBe('still getting errors 502, 503 and 504 on checkout');
    expect((await bodies(b)).at(-1)).toBe('still getting errors 502, 503 and 504 on checkout');

    await sam.say(`close ${a} and ${b}: ports 8080, 8443 and 9000 are open now`);
    expect(await status(a)).toBe('closed');
    expect((await bodies(b)).at(-1)).toBe('ports 8080, 8443 and 9000 are open now');

    // A number the reason speaks of after the list is the reason's, not a ticket, and stays in it.
    await nora.say(`reopen ${a} and ${b}`);
    const c = await file(noraProfile, nora, 'Nora: webhook calls blocked, first report');
    await nora.say(`close ${a} and ${b}, ${c} is the original`);
    expect(await status(a)).toBe('closed');
    expect(await status(b)).toBe('closed');
    expect(await status(c)).toBe('open');
    expect((await bodies(b)).at(-1)).toBe(`${c} is the original`);
  });

  it('an agent\'s "set A and B to solution offered" without the solution asks once, naming both; cancel leaves both; the answer is offered on each', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => [
        c.body,
        c.internal,
      ]);
    const a = await file(noraProfile, nora, 'Nora: typed list solution A');
    const b = await file(noraProfile, nora, 'Nora: typed list solution B');
    const toldBefore = (await bot.notifications(nora)).length;

    await sam.say(`set ${a} and ${b} to solution offered`);
    expect(sam.replies).toHaveLength(1);
    expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${b}**?`);
    expect(sam.text()).not.toContain(`What's the solution for **#${a}**?`);
    for (const id of [a, b]) expect(await status(id)).toBe('open');

    // "cancel" leaves every ticket of the list as it was, and nothing reaches the requester.
    await sam.say('cancel');
    for (const id of [a, b]) {
      expect(await status(id)).toBe('open');
      expect(await comments(id)).toEqual([]);
    }
    expect(await bot.notifications(nora)).toHaveLength(toldBefore);

    await sam.say(`set ${a} and ${b} to solution offered`);
    expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${b}**?`);
    await sam.say('Regenerate the tracking link under Settings › Tracking.');
    expect(sam.replies).toHaveLength(1);
    for (const id of [a, b]) {
      expect(sam.text()).toContain(
        `**#${id}** is now **Solution Offered**. The requester has been sent your solution.`,
      );
      expect(await status(id)).toBe('solution_offered');
      expect(await comments(id)).toEqual([
        ['Regenerate the tracking link under Settings › Tracking.', false],
      ]);
    }
    const told = (await bot.notifications(nora)).slice(toldBefore);
    expect(told).toHaveLength(2);
    for (const id of [a, b]) {
      const note = told.find((n) => n.includes(`#${id} is now Solution Offered`)) ?? '';
      expect(note).toContain('Regenerate the tracking link under Settings › Tracking.');
    }
  });

  it('"set A, B and C to solution offered" with one ticket already on Solution Offered asks for the others only', async () => {
    const a = await file(noraProfile, nora, 'Nora: typed list solution C');
    const b = await file(noraProfile, nora, 'Nora: typed list solution D');
    const c = await file(noraProfile, nora, 'Nora: typed list solution E');
    await sam.say(`set ${b} to solution offered: already answered`);
    await sam.say(`set ${a}, ${b} and ${c} to solution offered`);
    expect(sam.replies).toHaveLength(1);
    expect(sam.text()).toContain(`**#${b}** already has that status.`);
    expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${c}**?`);
    await sam.say('Clear the cache.');
    expect((await desk.get(noraProfile, a))?.status).toBe('solution_offered');
    expect((await desk.get(noraProfile, c))?.status).toBe('solution_offered');
    const bodies = (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: b } })).map(
      (x) => x.body,
    );
    expect(bodies).toEqual(['already answered']);
  });

  it('"reopen A and B" on two Solution Offered tickets asks once; the answer goes on both', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => c.body);
    const a = await file(noraProfile, nora, 'Nora: export A');
    const b = await file(noraProfile, nora, 'Nora: export B');
    for (const id of [a, b]) await sam.say(`solution offered ${id}: re-run the export from Reports`);
    await nora.say(`reopen ${a} and ${b}`);
    expect(nora.replies).toHaveLength(1);
    expect((await desk.get(noraProfile, a))?.status).toBe('in_progress');
    expect((await desk.get(noraProfile, b))?.status).toBe('in_progress');
    expect(nora.text()).toContain(`**#${a}** is back with support (**In Progress**).`);
    expect(nora.text()).toContain(`**#${b}** is back with support (**In Progress**).`);
    expect(nora.text()).toContain(`I'll add your answer to each of **#${a}**, **#${b}**.`);
    expect(nora.text()).not.toContain('What would you like to add');
    await nora.say('the export still times out after 30 seconds');
    expect(nora.text()).toContain(`**#${a}**`);
    expect(nora.text()).toContain(`**#${b}**`);
    for (const id of [a, b]) {
      expect(await comments(id)).toEqual([
        're-run the export from Reports',
        'the export still times out after 30 seconds',
      ]);
    }
  });

  it('an agent\'s "can u reopen N" and "pls reopen N?" reopen the ticket', async () => {
    const id = await file(noraProfile, nora, 'Nora: agent reopens politely');
    for (const ask of [`can u reopen ${id}`, `pls reopen ${id}?`]) {
      await nora.say(`close ${id}`);
      expect((await desk.get(noraProfile, id))?.status).toBe('closed');
      await sam.say(ask);
      expect(sam.text()).toContain(`**#${id}** is reopened`);
      expect((await desk.get(noraProfile, id))?.status).toBe('open');
    }
  });

  it('only the creator closes a shared ticket; colleagues may still comment', async () => {
    const id = await file(nickProfile, nick, 'Nick: shared creator rule', { shared: true });
    await nora.say(`close ticket ${id}`);
    expect(nora.text()).toContain(`Only the person who filed **#${id}** can do that`);
    await nora.say(`comment on ticket ${id}: I can reproduce this too`);
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
  });

  it('"close #N, it works now" closes and keeps the rest as a closing comment; "it works now" closes a ticket without a solution offered', async () => {
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => c.body);
    const first = await file(noraProfile, nora, 'Nora: close with a reason');
    await nora.say(`close ${first}, it works now`);
    expect(nora.text()).toContain(`**#${first}** is closed`);
    expect((await desk.get(noraProfile, first))?.status).toBe('closed');
    expect(await comments(first)).toEqual(['it works now']);

    const second = await file(noraProfile, nora, 'Nora: close it is fixed');
    await nora.say(`please close ${second}, resolved on our side`);
    expect((await desk.get(noraProfile, second))?.status).toBe('closed');
    expect(await comments(second)).toEqual(['resolved on our side']);

    const third = await file(noraProfile, nora, 'Nora: fixed without a solution offered');
    await nora.say(`ticket ${third} is solved, it works now`);
    expect(nora.text()).not.toContain("hasn't offered a solution");
    expect(nora.text()).toContain(`**#${third}** is closed`);
    expect((await desk.get(noraProfile, third))?.status).toBe('closed');

    // Only the creator closes: a colleague saying it works on a shared ticket is refused.
    const shared = await file(nickProfile, nick, 'Nick: shared, fixed for Nora', { shared: true });
    await nora.say(`ticket ${shared} is solved`);
    expect(nora.text()).toContain(`Only the person who filed **#${shared}** can do that`);
    await nora.say(`close ${shared}, it is fixed`);
    expect(nora.text()).toContain(`Only the person who filed **#${shared}** can do that`);
    expect((await desk.get(nickProfile, shared))?.status).toBe('open');
    expect(await comments(shared)).toEqual([]);
  });

  it('"reopen #N <reason>" on a ticket that is still open keeps the reason as a comment', async () => {
    const id = await file(noraProfile, nora, 'Nora: blank page');
    await nora.say(`reopen ${id} the blank page is back for me`);
    expect(nora.text()).toContain(`**#${id}** is already open`);
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments.map((c) => c.body)).toEqual(['the blank page is back for me']);
  });

  it('an agent replying to or changing the status of an unassigned ticket takes it', async () => {
    const replied = await file(noraProfile, nora, 'Nora: payout batch late');
    await sam.say(`reply to #${replied}: we checked the payout batch, it is scheduled for Friday`);
    await nora.say(`status of #${replied}`);
    expect(nora.text()).toContain('Handled by: Sam Agent');

    const moved = await file(noraProfile, nora, 'Nora: status moved by an agent');
    await sam.say(`status of #${moved}`);
    await sam.click('Change status');
    await sam.click('Solution Offered');
    // Solution Offered asks the agent for the solution first; the answer makes the change.
    await sam.say('Please re-run the payout export from Reports › Payouts.');
    await nora.say(`status of #${moved}`);
    expect(nora.text()).toContain('Handled by: Sam Agent');

    // Someone already on it stays on it; an internal note takes nothing.
    await sam.say(`assign ticket ${moved} to Riley`);
    await sam.say(`reply to #${moved}: adding detail`);
    await nora.say(`status of #${moved}`);
    expect(nora.text()).toContain('Handled by: Riley Agent');
    const noted = await file(noraProfile, nora, 'Nora: only a note');
    await sam.say(`internal note on #${noted}: legacy plan`);
    await nora.say(`status of #${noted}`);
    expect(nora.text()).toContain('Handled by: Not picked up yet');
  });

  it('a complaint that mentions closing keeps the ticket open: only "close …" as a command closes', async () => {
    const id = await file(noraProfile, nora, 'Nora: close is mentioned in a complaint');
    await nora.say(`ticket ${id} still doesn't work, why did you close it?`);
    await nora.say(`reply to ${id}: the close button does not work`);
    await nora.say(`I can't close the popup on ${id}, still broken`);
    await nora.say(`it still does not work, are you going to close ${id}?`);
    expect((await desk.get(noraProfile, id))?.status).not.toBe('closed');
    expect(nora.text()).not.toContain(`**#${id}** is closed`);
  });

  it('a message that says more than "it works now" is kept as a comment and leaves the ticket open', async () => {
    const id = await file(noraProfile, nora, 'Nora: pixel and payouts');
    await nora.say(`reply to ${id}: we fixed the pixel on our side, but payouts are still wrong`);
    expect((await desk.get(noraProfile, id))?.status).not.toBe('closed');
    const bodies = (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map(
      (c) => c.body,
    );
    expect(bodies).toEqual(['we fixed the pixel on our side, but payouts are still wrong']);
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
  });

  it("an agent's reason for closing stays an internal note: hidden from the requester and from search", async () => {
    const id = await file(noraProfile, nora, 'Nora: spam duplicate');
    await nora.say(`status of ${id}`);
    await sam.say(`close ${id}, duplicate spam from this customer again`);
    expect(sam.text()).toContain('internal');
    expect((await desk.get(noraProfile, id))?.status).toBe('closed');
    const rows = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(rows.map((c) => [c.body, c.internal])).toEqual([
      ['duplicate spam from this customer again', true],
    ]);
    const search = await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(search.searchText).not.toContain('customer');
  });

  it('a complaint on a ticket that is still open is kept as a comment, and the ticket keeps its status', async () => {
    const bodies = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => c.body);
    const id = await file(noraProfile, nora, 'Nora: widget still blank');
    await nora.say(`ticket ${id} still doesn't work, why did you close it?`);
    expect(nora.text()).not.toContain("hasn't offered a solution");
    expect(nora.text()).toContain(`Added what you wrote to **#${id}** as a comment`);
    expect(nora.text()).toContain('still open (**Open**)');
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    expect(await bodies(id)).toEqual([`ticket ${id} still doesn't work, why did you close it?`]);

    // Asked like a status question, on a ticket an agent is working on.
    await sam.say(`set #${id} to in progress`);
    await nora.say(`${id} is still broken, any news?`);
    expect(nora.text()).toContain(`Added what you wrote to **#${id}** as a comment`);
    expect(nora.text()).toContain('still open (**In Progress**)');
    expect((await desk.get(noraProfile, id))?.status).toBe('in_progress');
    expect(await bodies(id)).toHaveLength(2);

    // A question that only asks for the status still only gets the status.
    await nora.say(`status of #${id}`);
    expect(nora.text()).toContain(`#${id} · Nora: widget still blank`);
    expect(nora.text()).not.toContain('Added what you wrote');
    expect(await bodies(id)).toHaveLength(2);
  });

  it('an agent closing a ticket hears it in agent words: for whom, and that the reason stayed internal', async () => {
    const id = await file(noraProfile, nora, 'Nora: duplicate of an earlier ticket');
    await sam.say(`close ${id}, duplicate`);
    expect(sam.text()).toContain(`Closed **#${id}** for **Nora Northpeak**.`);
    expect(sam.text()).not.toMatch(/\byou can reopen\b/i);
    expect(sam.text()).toContain('internal note');
    expect((await desk.get(noraProfile, id))?.status).toBe('closed');

    // The requester closing her own ticket still hears the requester wording.
    const own = await file(noraProfile, nora, 'Nora: closes her own');
    await nora.say(`close ticket ${own}`);
    expect(nora.text()).toContain(
      `**#${own}** is closed. If the problem comes back, you can reopen it until`,
    );
  });

  it('Solution Offered from the status buttons asks the agent for the solution, which reaches the requester', async () => {
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => [
        c.body,
        c.internal,
      ]);
    const id = await file(noraProfile, nora, 'Nora: pixel not firing after update');
    await sam.say(`status of #${id}`);
    await sam.click('Change status');
    await sam.click('Solution Offered');
    expect(sam.text()).toContain(`What's the solution for **#${id}**?`);
    expect((await desk.get(noraProfile, id))?.status).toBe('open');

    // "cancel" leaves the status as it was.
    await sam.say('cancel');
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    expect(await comments(id)).toEqual([]);

    await sam.say(`status of #${id}`);
    await sam.click('Change status');
    await sam.click('Solution Offered');
    await sam.say('Clear the browser cache and re-install the pixel from Settings › Tracking.');
    expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('solution_offered');
    expect(await comments(id)).toEqual([
      ['Clear the browser cache and re-install the pixel from Settings › Tracking.', false],
    ]);
    const told = (await bot.notifications(nora)).at(-1) ?? '';
    expect(told).toContain(`#${id} is now Solution Offered`);
    expect(told).toContain('Clear the browser cache and re-install the pixel');

    // Typed with the solution: used directly, nothing asked.
    const typed = await file(noraProfile, nora, 'Nora: pixel typed solution');
    await sam.say(`solution offered ${typed}: clear the cache and re-install the pixel`);
    expect(sam.text()).toContain(`**#${typed}** is now **Solution Offered**`);
    expect((await desk.get(noraProfile, typed))?.status).toBe('solution_offered');
    expect(await comments(typed)).toEqual([['clear the cache and re-install the pixel', false]]);
    expect((await bot.notifications(nora)).at(-1)).toContain('clear the cache and re-install the pixel');
    await nora.say(`status of #${typed}`);
    expect(nora.actions().map((a) => a.label)).toContain("It's solved");
  });

  it('typed Solution Offered without a solution asks the agent for it, as the status buttons do; cancel leaves the status', async () => {
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => [
        c.body,
        c.internal,
      ]);
    const id = await file(noraProfile, nora, 'Nora: typed solution offered without text');
    const toldBefore = (await bot.notifications(nora)).length;
    await sam.say(`set #${id} to solution offered`);
    expect(sam.text()).toContain(`What's the solution for **#${id}**?`);
    expect(sam.text()).not.toContain('The requester has been told');
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    expect(await bot.notifications(nora)).toHaveLength(toldBefore);

    // "cancel" leaves the status as it was, and nothing reaches the requester.
    await sam.say('cancel');
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    expect(await comments(id)).toEqual([]);
    expect(await bot.notifications(nora)).toHaveLength(toldBefore);

    // "solution offered <N>" is not a reply saying "solution offered": it asks too.
    await sam.say(`solution offered ${id}`);
    expect(sam.text()).toContain(`What's the solution for **#${id}**?`);
    expect(sam.text()).not.toContain('was sent to the requester');
    expect(await comments(id)).toEqual([]);
    await sam.say('Re-run the coupon import from Promotions › Codes.');
    expect(sam.text()).toContain(
      `**#${id}** is now **Solution Offered**. The requester has been sent your solution.`,
    );
    expect((await desk.get(noraProfile, id))?.status).toBe('solution_offered');
    expect(await comments(id)).toEqual([['Re-run the coupon import from Promotions › Codes.', false]]);
    const told = (await bot.notifications(nora)).at(-1) ?? '';
    expect(told).toContain(`#${id} is now Solution Offered`);
    expect(told).toContain('Re-run the coupon import from Promotions › Codes.');
  });

  it('a complaint on a closed ticket offers Reopen, which keeps the complaint as the reason, or a new ticket; after the reopen window it gets the expired answer', async () => {
    const bodies = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => c.body);
    const id = await file(noraProfile, nora, 'Nora: coupon feed closed too early');
    await nora.say(`close ticket ${id}`);
    const complaint = `ticket ${id} still doesn't work, why did you close it?`;
    await nora.say(complaint);
    expect(nora.text()).not.toContain("hasn't offered a solution");
    expect(nora.text()).toContain(`**#${id}** is closed.`);
    expect(nora.text()).toMatch(/reopen it until \d+ \w+ \d{4}/);
    expect(nora.actions().map((a) => a.label)).toEqual(['Reopen', 'File a ticket']);
    // Nothing is kept or changed until the requester chooses.
    expect((await desk.get(noraProfile, id))?.status).toBe('closed');
    expect(await bodies(id)).toEqual([]);

    await nora.click('Reopen');
    expect(nora.text()).toContain(`**#${id}** is reopened`);
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    expect(await bodies(id)).toEqual([complaint]);

    // Asked like a status question: the same offer; "File a ticket" starts a new one.
    await nora.say(`close ticket ${id}`);
    await nora.say(`${id} is still broken, any news?`);
    expect(nora.text()).toContain(`**#${id}** is closed.`);
    expect(nora.actions().map((a) => a.label)).toEqual(['Reopen', 'File a ticket']);
    expect(await bodies(id)).toEqual([complaint]);

    // A status question that says nothing more keeps today's status answer.
    await nora.say(`status of #${id}`);
    expect(nora.text()).toContain(`#${id} · Nora: coupon feed closed too early`);
    expect(nora.text()).toContain('This ticket is closed. You can reopen it until');

    // After the reopen window: closed for good, a new ticket instead.
    clock.advance(15 * DAY);
    await nora.say(complaint);
    expect(nora.text()).toContain(`**#${id}** closed more than 14 days ago, so it can't be reopened.`);
    expect(nora.actions().map((a) => a.label)).toEqual(['File a ticket']);
    expect((await desk.get(noraProfile, id))?.status).toBe('closed');
    expect(await bodies(id)).toEqual([complaint]);
  });

  it('a complaint on a closed ticket asked as a new ticket offers Reopen or File a ticket; "new ticket" in so many words goes straight to the form', async () => {
    const id = await file(noraProfile, nora, 'Nora: banner clicks lost');
    await nora.say(`close ticket ${id}`);
    const before = (await bot.tickets()).length;
    await nora.say(`ticket: ${id} is broken again, clicks are lost`);
    expect(nora.text()).toContain(`**#${id}** is closed.`);
    expect(nora.actions().map((a) => a.label)).toEqual(['Reopen', 'File a ticket']);
    // The form starts from the message, as it did before.
    await nora.click('File a ticket');
    expect(nora.text()).toContain('This sounds like a **Tracking, Reporting and Technical Settings** issue.');
    await nora.say('cancel');
    expect((await bot.tickets()).length).toBe(before);
    expect((await desk.get(noraProfile, id))?.status).toBe('closed');

    await nora.say(`open a new ticket: ${id} is broken again, clicks are lost`);
    expect(nora.text()).toContain('This sounds like a **Tracking, Reporting and Technical Settings** issue.');
    await nora.say('cancel');
  });

  it('Reopen from a closed-ticket complaint adds the complaint once: pressed again, or an older prompt pressed later, it says the ticket is already open and adds nothing', async () => {
    const bodies = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => c.body);
    const reopenButton = (chat: Chat) => chat.actions().find((a) => a.label === 'Reopen')!.value!;
    const id = await file(noraProfile, nora, 'Nora: coupon codes rejected again');
    await nora.say(`close ticket ${id}`);
    const first = `ticket ${id} is broken again`;
    await nora.say(first);
    const older = reopenButton(nora);
    const second = `${id} still doesn't work, the spring codes fail too`;
    await nora.say(second);
    const newer = reopenButton(nora);

    await nora.send({ text: '', value: newer });
    expect(nora.text()).toContain(`**#${id}** is reopened`);
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    expect(await bodies(id)).toEqual([second]);

    // The same Reopen pressed again: already open, its comment already there, nothing added.
    await nora.send({ text: '', value: newer });
    expect(nora.text()).toContain(`**#${id}** is already open (**Open**)`);
    expect(nora.text()).toContain('your comment is already on it');
    expect(nora.text()).not.toContain("I'll add what you said as a comment");
    expect(await bodies(id)).toEqual([second]);

    // The older prompt's Reopen after the ticket is open again: nothing to reopen, nothing added.
    await nora.send({ text: '', value: older });
    expect(nora.text()).toContain(`**#${id}** is already open (**Open**)`);
    expect(nora.text()).not.toContain("I'll add what you said as a comment");
    expect(await bodies(id)).toEqual([second]);

    // Typed on the open ticket, a reopen with a reason still keeps the reason as a comment.
    await nora.say(`reopen ${id} still broken`);
    expect(nora.text()).toContain(`**#${id}** is already open (**Open**)`);
    expect(await bodies(id)).toEqual([second, 'still broken']);

    // Closed again, the used Reopen reopens it; its complaint is on the ticket already.
    await nora.say(`close ticket ${id}`);
    await nora.send({ text: '', value: newer });
    expect(nora.text()).toContain(`**#${id}** is reopened`);
    expect(nora.text()).not.toContain('Added your comment');
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    expect(await bodies(id)).toEqual([second, 'still broken']);
  });

  it('an agent asking why a ticket is on Solution Offered gets its status; nothing changes or reaches the requester', async () => {
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => c.body);
    const id = await file(noraProfile, nora, 'Nora: question is not a command');
    const toldBefore = (await bot.notifications(nora)).length;
    for (const asked of [
      `why is ${id} on solution offered: the customer says it is still broken`,
      `is ${id} solution offered? the customer says it is still broken`,
      `should I set ${id} to solution offered: the customer says it is still broken`,
    ]) {
      await sam.say(asked);
      expect(sam.text()).toContain(`#${id} · Nora: question is not a command`);
      expect(sam.text()).not.toContain('Solution Offered**');
      expect(sam.text()).not.toContain("What's the solution");
    }
    expect((await desk.get(noraProfile, id))?.status).toBe('open');
    expect(await comments(id)).toEqual([]);
    expect(await bot.notifications(nora)).toHaveLength(toldBefore);

    // The command form still offers the solution.
    await sam.say(`set ${id} to solution offered: re-run the export from Reports`);
    expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
    expect(await comments(id)).toEqual(['re-run the export from Reports']);
  });

  it('an agent asking politely ("can you set N to …") sets the status; asking whether to reopen or close changes nothing', async () => {
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => c.body);
    const id = await file(noraProfile, nora, 'Nora: polite commands');
    await sam.say(`can you set ${id} to in progress`);
    expect(sam.text()).toContain(`**#${id}** is now **In Progress**`);
    await sam.say(`could you set ${id} to waiting on customer please`);
    expect(sam.text()).toContain(`**#${id}** is now **Awaiting your response**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('awaiting_response');
    await sam.say(`can you set ${id} to solution offered: re-run the export from Reports`);
    expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
    expect(await comments(id)).toEqual(['re-run the export from Reports']);

    // Questions: the status, nothing changes, nothing reaches the requester.
    const toldBefore = (await bot.notifications(nora)).length;
    await sam.say(`should I close ${id}?`);
    expect(sam.text()).toContain(`#${id} · Nora: polite commands`);
    expect((await desk.get(noraProfile, id))?.status).toBe('solution_offered');
    await sam.say(`can you close ${id}`);
    expect((await desk.get(noraProfile, id))?.status).toBe('closed');
    const toldClosed = (await bot.notifications(nora)).length;
    expect(toldClosed).toBeGreaterThan(toldBefore);
    await sam.say(`should i reopen ${id}? the customer says it works`);
    expect(sam.text()).toContain(`#${id} · Nora: polite commands`);
    expect(sam.text()).not.toContain('reopened');
    expect((await desk.get(noraProfile, id))?.status).toBe('closed');
    expect(await comments(id)).toEqual(['re-run the export from Reports']);
    expect(await bot.notifications(nora)).toHaveLength(toldClosed);
  });

  it('an agent typing a ticket number and a status sets it; the requester typing the same only sees the status', async () => {
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => c.body);
    const id = await file(noraProfile, nora, 'Nora: bare status names');
    await sam.say(`${id} in progress`);
    expect(sam.text()).toContain(`**#${id}** is now **In Progress**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('in_progress');
    await sam.say(`${id} to waiting on customer`);
    expect(sam.text()).toContain(`**#${id}** is now **Awaiting your response**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('awaiting_response');
    // Solution Offered asks for the solution, as "set N to solution offered" does.
    await sam.say(`#${id} now solution offered`);
    expect(sam.text()).toContain(`What's the solution for **#${id}**?`);
    await sam.say('cancel');
    expect((await desk.get(noraProfile, id))?.status).toBe('awaiting_response');
    expect(await comments(id)).toEqual([]);

    // The requester: today's answer (the status), nothing changes or is kept.
    await nora.say(`${id} in progress`);
    expect(nora.text()).toContain(`#${id} · Nora: bare status names`);
    expect((await desk.get(noraProfile, id))?.status).toBe('awaiting_response');
    expect(await comments(id)).toEqual([]);
  });

  it('an agent typing a list of tickets and a status sets each as "set … to …" does; nothing of it is sent to a requester', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const a = await file(noraProfile, nora, 'Nora: bare list A');
    const b = await file(noraProfile, nora, 'Nora: bare list B');
    const c = await file(noraProfile, nora, 'Nora: bare list C');
    const toldBefore = (await bot.notifications(nora)).length;

    await sam.say(`${a} and ${b} solution offered`);
    expect(sam.replies).toHaveLength(1);
    expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${b}**?`);
    await sam.say('cancel');
    await sam.say(`solution offered for tickets ${a} & ${b}`);
    expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${b}**?`);
    await sam.say('cancel');
    for (const id of [a, b]) {
      expect(await status(id)).toBe('open');
      expect(await comments(id)).toEqual([]);
    }
    expect(await bot.notifications(nora)).toHaveLength(toldBefore);

    await sam.say(`${a} and ${b} solution offered: clear the cache`);
    for (const id of [a, b]) {
      expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
      expect(await status(id)).toBe('solution_offered');
      expect(await comments(id)).toEqual([['clear the cache', false]]);
    }

    await sam.say(`${a}, ${b} and ${c} in progress`);
    for (const id of [a, b, c]) {
      expect(sam.text()).toContain(`**#${id}** is now **In Progress**`);
      expect(await status(id)).toBe('in_progress');
    }
    await sam.say(`#${b} #${c} to waiting on customer`);
    for (const id of [b, c]) expect(await status(id)).toBe('awaiting_response');
    await sam.say(`${a}, ${b} closed`);
    for (const id of [a, b]) expect(await status(id)).toBe('closed');
    expect(await status(c)).toBe('awaiting_response');
    expect(await comments(a)).toEqual([['clear the cache', false]]);
    expect(await comments(c)).toEqual([]);

    // The requester typing the same: no status changes.
    await sam.say(`${a} and ${b} open`);
    for (const id of [a, b]) expect(await status(id)).toBe('open');
    for (const typed of [
      `${a} and ${b} in progress`,
      `${a} and ${b} solution offered`,
      `${a}, ${b} closed`,
    ]) {
      await nora.say(typed);
      expect(nora.text()).not.toContain('is now');
      for (const id of [a, b]) expect(await status(id)).toBe('open');
    }
  });

  it("an agent's remark after a typed status is kept as an internal note on each ticket changed; only Awaiting your response's reaches the requester", async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const kept = (id: number) => `Your note is kept on **#${id}** as an internal note`;
    const keptReason = (id: number) => `Your reason is kept on **#${id}** as an internal note`;
    const a = await file(noraProfile, nora, 'Nora: remark A');
    const b = await file(noraProfile, nora, 'Nora: remark B');
    const c = await file(noraProfile, nora, 'Nora: remark C');
    const toldBefore = (await bot.notifications(nora)).length;

    await sam.say(`${a} in progress, the customer sent logs`);
    expect(sam.text()).toContain(`**#${a}** is now **In Progress**`);
    expect(sam.text()).toContain(kept(a));
    expect(await status(a)).toBe('in_progress');
    expect(await comments(a)).toEqual([['the customer sent logs', true]]);

    // A list of tickets in the remark is kept as typed; the customer says it "thanks" and all.
    const logs = `customer said thanks, close ${c} and ${b} if none comes`;
    await sam.say(`${a} and ${b} to in progress - ${logs}`);
    for (const id of [a, b]) {
      expect(sam.text()).toContain(kept(id));
      expect((await comments(id)).at(-1)).toEqual([logs, true]);
    }

    // Awaiting your response: the remark is what the requester is asked for, sent with the status.
    const harFile = 'please send us the HAR file from the checkout page';
    await sam.say(`${a} and ${b} to waiting on customer - ${harFile}`);
    for (const id of [a, b]) {
      expect(sam.text()).toContain(
        `**#${id}** is now **Awaiting your response**. The requester has been told, with your message.`,
      );
      expect(sam.text()).not.toContain(kept(id));
      expect(await status(id)).toBe('awaiting_response');
      expect((await comments(id)).at(-1)).toEqual([harFile, false]);
    }
    const toldHar = (await bot.notifications(nora)).slice(toldBefore).join('\n');
    expect(toldHar).toContain(`#${a} is now Awaiting your response`);
    expect(toldHar).toContain(harFile);

    await sam.say(`${a} and ${b} closed, duplicates of ${c}`);
    for (const id of [a, b]) {
      expect(sam.text()).toContain(`Closed **#${id}** for **Nora Northpeak**`);
      expect(sam.text()).toContain(keptReason(id));
      expect(await status(id)).toBe('closed');
      expect((await comments(id)).at(-1)).toEqual([`duplicates of ${c}`, true]);
    }
    expect(await status(c)).toBe('open');
    expect(await comments(c)).toEqual([]);

    // Solution Offered: the solution is still asked for; the remark is kept as a note, never sent.
    await sam.say(`${a} and ${b} open, she wrote again`);
    for (const id of [a, b]) expect(await status(id)).toBe('open');
    await sam.say(`${a} and ${b} solution offered, waiting for them to test`);
    expect(sam.text()).toContain(`What's the solution for **#${a}** and **#${b}**?`);
    for (const id of [a, b]) {
      expect(sam.text()).toContain(kept(id));
      expect(await status(id)).toBe('open');
      expect((await comments(id)).at(-1)).toEqual(['waiting for them to test', true]);
    }
    await sam.say('clear the cache');
    for (const id of [a, b]) {
      expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
      expect(await status(id)).toBe('solution_offered');
      expect((await comments(id)).slice(-2)).toEqual([
        ['waiting for them to test', true],
        ['clear the cache', false],
      ]);
    }
    await sam.say(`${c} solution offered, the customer is testing it`);
    expect(sam.text()).toContain(`What's the solution for **#${c}**?`);
    expect(sam.text()).toContain(kept(c));
    await sam.say('cancel');
    expect(await status(c)).toBe('open');
    expect(await comments(c)).toEqual([['the customer is testing it', true]]);

    const told = (await bot.notifications(nora)).slice(toldBefore).join('\n');
    expect(told).toContain('clear the cache');
    expect(told).toContain('HAR file');
    for (const remark of [
      'sent logs',
      'customer said thanks',
      'duplicates of',
      'she wrote again',
      'waiting for them',
      'testing it',
    ]) {
      expect(told).not.toContain(remark);
    }
  });

  it('a typed status naming no ticket works on the ticket talked about, never on a number in its remark', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const original = await file(noraProfile, nora, 'Nora: untargeted original');
    const dup = await file(noraProfile, nora, 'Nora: untargeted duplicate');
    await sam.say(`status of #${dup}`);
    await sam.say(`set it to closed, duplicate of ${original}`);
    expect(sam.text()).toContain(`Closed **#${dup}** for **Nora Northpeak**`);
    expect(await status(dup)).toBe('closed');
    expect(await comments(dup)).toEqual([[`duplicate of ${original}`, true]]);
    expect(await status(original)).toBe('open');
    expect(await comments(original)).toEqual([]);

    const current = await file(noraProfile, nora, 'Nora: untargeted current');
    await sam.say(`status of #${current}`);
    await sam.say(`solution offered, same fix as ${original}`);
    expect(sam.text()).toContain(`What's the solution for **#${current}**?`);
    expect(await comments(current)).toEqual([[`same fix as ${original}`, true]]);
    expect(await comments(original)).toEqual([]);
    await sam.say('cancel');
    expect(await status(current)).toBe('open');
  });

  it('a remark that is a status command for other tickets runs after the first, in the same reply; "…, B too" sets B as well', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const a = await file(noraProfile, nora, 'Nora: two commands A');
    const b = await file(noraProfile, nora, 'Nora: two commands B');
    const c = await file(noraProfile, nora, 'Nora: two commands C');

    await sam.say(`${a} in progress, ${b} closed`);
    expect(sam.replies).toHaveLength(1);
    expect(sam.text()).toContain(`**#${a}** is now **In Progress**`);
    expect(sam.text()).toContain(`Closed **#${b}** for **Nora Northpeak**`);
    expect(await status(a)).toBe('in_progress');
    expect(await status(b)).toBe('closed');
    for (const id of [a, b]) expect(await comments(id)).toEqual([]);

    await sam.say(`${a} closed, ${c} too`);
    for (const id of [a, c]) {
      expect(sam.text()).toContain(`Closed **#${id}** for **Nora Northpeak**`);
      expect(await status(id)).toBe('closed');
    }

    // A solution asked for is asked once, at the end.
    await sam.say(`${a} and ${b} open`);
    await sam.say(`${a} solution offered, ${b} in progress`);
    expect(sam.text()).toContain(`**#${b}** is now **In Progress**`);
    expect(sam.text().trim().split('\n').at(-1)).toContain(`What's the solution for **#${a}**?`);
    expect(await comments(b)).toEqual([]);
    await sam.say('clear the cache');
    expect(await status(a)).toBe('solution_offered');
    expect((await comments(a)).at(-1)).toEqual(['clear the cache', false]);

    // A command with more words after it is no command: the whole remark is the first command's note.
    await sam.say(`${a} in progress, ${b} open, customer sent logs`);
    expect(sam.text()).toContain(`Your note is kept on **#${a}** as an internal note`);
    expect(await status(a)).toBe('in_progress');
    expect((await comments(a)).at(-1)).toEqual([`${b} open, customer sent logs`, true]);
    expect(await status(b)).toBe('in_progress');
    expect(await comments(b)).toEqual([]);

    // A colon after the status starts the remark as a comma does: "A closed: duplicate of B".
    await sam.say(`${c} open`);
    await sam.say(`${c} closed: duplicate of ${a}`);
    expect(sam.text()).toContain(`Closed **#${c}** for **Nora Northpeak**`);
    expect(sam.text()).toContain(`Your reason is kept on **#${c}** as an internal note`);
    expect(await status(c)).toBe('closed');
    expect((await comments(c)).at(-1)).toEqual([`duplicate of ${a}`, true]);
  });

  it('a remark on a ticket already in that status is kept, and the agent told', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const id = await file(noraProfile, nora, 'Nora: same status remark');
    const toldBefore = (await bot.notifications(nora)).length;
    await sam.say(`${id} in progress`);
    await sam.say(`${id} in progress, customer sent a second log`);
    expect(sam.text()).toContain(`**#${id}** already has that status.`);
    expect(sam.text()).toContain(`Your note is kept on **#${id}** as an internal note`);
    expect(await comments(id)).toEqual([['customer sent a second log', true]]);

    await sam.say(`${id} waiting on customer`);
    await sam.say(`${id} waiting on customer: please send us the HAR file too`);
    expect(sam.text()).toContain(`**#${id}** already has that status.`);
    expect(sam.text()).toContain(`Your reply on **#${id}** was sent to the requester.`);
    expect((await comments(id)).at(-1)).toEqual(['please send us the HAR file too', false]);

    await sam.say(`set ${id} to solution offered: clear the cache`);
    await sam.say(`${id} solution offered, she is testing it`);
    expect(sam.text()).toContain(`**#${id}** already has that status.`);
    expect(sam.text()).toContain(`Your note is kept on **#${id}** as an internal note`);
    expect(sam.text()).not.toContain("What's the solution");
    expect((await comments(id)).at(-1)).toEqual(['she is testing it', true]);

    await sam.say(`${id} closed`);
    await sam.say(`${id} closed, duplicate of an older ticket`);
    expect(sam.text()).toContain(`**#${id}** is already closed.`);
    expect(sam.text()).toContain(`Your reason is kept on **#${id}** as an internal note`);
    expect((await comments(id)).at(-1)).toEqual(['duplicate of an older ticket', true]);

    const told = (await bot.notifications(nora)).slice(toldBefore).join('\n');
    expect(told).toContain('HAR file too');
    for (const note of ['second log', 'testing it', 'older ticket']) expect(told).not.toContain(note);
  });

  it('a typed status naming no ticket, with "B too", works on the ticket talked about and on B', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const current = await file(noraProfile, nora, 'Nora: it too current');
    const other = await file(noraProfile, nora, 'Nora: it too other');
    await sam.say(`status of #${current}`);
    await sam.say(`set it to closed, ${other} too`);
    expect(sam.replies).toHaveLength(1);
    for (const id of [current, other]) {
      expect(sam.text()).toContain(`Closed **#${id}** for **Nora Northpeak**`);
      expect(await status(id)).toBe('closed');
      expect(await comments(id)).toEqual([]);
    }

    await sam.say(`${current} and ${other} open`);
    await sam.say(`status of #${current}`);
    await sam.say(`solution offered, ${other} too`);
    expect(sam.text()).toContain(`What's the solution for **#${current}** and **#${other}**?`);
    await sam.say('clear the cache');
    for (const id of [current, other]) {
      expect(await status(id)).toBe('solution_offered');
      expect(await comments(id)).toEqual([['clear the cache', false]]);
    }
  });

  it('"N waiting on customer, could you send …?" sets the status and asks the requester: the remark\'s question is no question to the bot', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const id = await file(noraProfile, nora, 'Nora: checkout HAR');
    const toldBefore = (await bot.notifications(nora)).length;
    const ask = 'could you send us the HAR file from the checkout page?';
    await sam.say(`${id} waiting on customer, ${ask}`);
    expect(sam.text()).toContain(
      `**#${id}** is now **Awaiting your response**. The requester has been told, with your message.`,
    );
    expect(await status(id)).toBe('awaiting_response');
    expect(await comments(id)).toEqual([[ask, false]]);
    expect((await bot.notifications(nora)).slice(toldBefore).join('\n')).toContain(ask);

    // The command itself asked: nothing is set.
    await sam.say(`${id} in progress?`);
    expect(await status(id)).toBe('awaiting_response');
  });

  it('a number in a remark is never a ticket to change', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const id = await file(noraProfile, nora, 'Nora: remark numbers');
    const other = await file(noraProfile, nora, 'Nora: remark numbers other');
    await sam.say(`${id} waiting on customer, ticket ${other} solved, please try the same fix`);
    expect(await status(id)).toBe('awaiting_response');
    expect(await comments(id)).toEqual([[`ticket ${other} solved, please try the same fix`, false]]);
    expect(await status(other)).toBe('open');

    await sam.say(`${id} closed, ${other}.`);
    expect(await status(id)).toBe('closed');
    expect(sam.text()).toContain(`Your reason is kept on **#${id}** as an internal note`);
    expect((await comments(id)).at(-1)).toEqual([`${other}.`, true]);
    expect(await status(other)).toBe('open');
    expect(await comments(other)).toEqual([]);
  });

  it('a typed status for no ticket while a solution or a reply is asked for: the agent chooses, nothing is sent before', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const labels = () => sam.actions().map((a) => a.label);
    const toldBefore = (await bot.notifications(nora)).length;

    // The solution asked for: "Set it to open, then reload …" is the solution once the agent says so.
    const id = await file(noraProfile, nora, 'Nora: dashboard sharing');
    const solutionText = 'Set it to open, then reload the dashboard and share the link with your team again';
    await sam.say(`set ${id} to solution offered`);
    expect(sam.text()).toContain(`What's the solution for **#${id}**?`);
    await sam.say(solutionText);
    expect(sam.text()).toContain(`Send this as the solution, or set **#${id}** to **Open**?`);
    expect(labels()).toEqual(['Send as the solution', 'Set Open', 'Cancel']);
    expect(await status(id)).toBe('open');
    expect(await comments(id)).toEqual([]);
    const setOpen = sam.actions().find((a) => a.label === 'Set Open')?.value;
    await sam.click('Send as the solution');
    expect(sam.text()).toContain(`**#${id}** is now **Solution Offered**`);
    expect(await status(id)).toBe('solution_offered');
    expect(await comments(id)).toEqual([[solutionText, false]]);
    // The question is answered: its buttons do nothing more.
    await sam.send({ text: '', value: setOpen });
    expect(sam.text()).toContain("That question isn't open anymore");
    expect(await status(id)).toBe('solution_offered');

    // … or the status it names, with the remark kept as the status keeps it: an internal note.
    const logs = await file(noraProfile, nora, 'Nora: new logs');
    await sam.say(`set ${logs} to solution offered`);
    await sam.say('set it to in progress, the customer sent new logs this morning');
    expect(labels()).toEqual(['Send as the solution', 'Set In Progress', 'Cancel']);
    await sam.click('Set In Progress');
    expect(sam.text()).toContain(`**#${logs}** is now **In Progress**`);
    expect(sam.text()).toContain(`Your note is kept on **#${logs}** as an internal note`);
    expect(await status(logs)).toBe('in_progress');
    expect(await comments(logs)).toEqual([['the customer sent new logs this morning', true]]);
    await sam.say('thanks');
    expect(await comments(logs)).toHaveLength(1);

    // The reply asked for: "Set Closed" closes with the reason kept internal.
    const dup = await file(noraProfile, nora, 'Nora: billing export duplicate');
    await sam.say(`reply to ${dup}`);
    await sam.say('set it to closed, duplicate of the billing export ticket from Monday');
    expect(sam.text()).toContain(`Send this as your reply, or set **#${dup}** to **Closed**?`);
    expect(labels()).toEqual(['Send as the reply', 'Set Closed', 'Cancel']);
    expect(await comments(dup)).toEqual([]);
    await sam.click('Set Closed');
    expect(sam.text()).toContain(`Closed **#${dup}** for **Nora Northpeak**`);
    expect(await status(dup)).toBe('closed');
    expect(await comments(dup)).toEqual([['duplicate of the billing export ticket from Monday', true]]);

    // "Send as the reply" sends it as typed; "Cancel" sends and sets nothing, and ends the question.
    const other = await file(noraProfile, nora, 'Nora: link sharing');
    const replyText = 'Switch it to open, then share the link with your team again please';
    await sam.say(`reply to ${other}`);
    await sam.say(replyText);
    expect(await comments(other)).toEqual([]);
    await sam.click('Send as the reply');
    expect(sam.text()).toContain(`Your reply on **#${other}** was sent to the requester.`);
    expect(await comments(other)).toEqual([[replyText, false]]);
    expect(await status(other)).toBe('open');
    await sam.say(`reply to ${other}`);
    await sam.say('set it to in progress, she is checking');
    await sam.click('Cancel');
    expect(sam.text()).toContain(`I didn't send anything or change **#${other}**`);
    expect(await status(other)).toBe('open');
    expect(await comments(other)).toHaveLength(1);

    // Something else typed instead of choosing is no choice: the question is asked again, nothing is
    // sent; a button then still answers it, once.
    await sam.say(`reply to ${other}`);
    await sam.say('set it to closed, she found the answer herself');
    const setClosed = sam.actions().find((a) => a.label === 'Set Closed')?.value;
    await sam.say('Glad to hear it works now, we keep an eye on the export');
    expect(sam.text()).toContain('I kept your words and sent nothing');
    expect(sam.text()).toContain(`Send this as your reply, or set **#${other}** to **Closed**?`);
    expect(labels()).toEqual(['Send as the reply', 'Set Closed', 'Cancel']);
    expect(await comments(other)).toHaveLength(1);
    await sam.click('Send as the reply');
    expect(sam.text()).toContain(`Your reply on **#${other}** was sent to the requester.`);
    expect((await comments(other)).at(-1)).toEqual(['set it to closed, she found the answer herself', false]);
    await sam.send({ text: '', value: setClosed });
    expect(sam.text()).toContain("That question isn't open anymore");
    expect(await status(other)).toBe('open');

    // Several tickets waiting for one solution: the status is for each of them.
    const a = await file(noraProfile, nora, 'Nora: several A');
    const b = await file(noraProfile, nora, 'Nora: several B');
    await sam.say(`set ${a} and ${b} to solution offered`);
    await sam.say('set it to closed, duplicates of the export ticket');
    expect(sam.text()).toContain(`set **#${a}**, **#${b}** to **Closed**?`);
    await sam.click('Set Closed');
    for (const t of [a, b]) {
      expect(await status(t)).toBe('closed');
      expect(await comments(t)).toEqual([['duplicates of the export ticket', true]]);
    }

    const told = (await bot.notifications(nora)).slice(toldBefore).join('\n');
    for (const kept of ['new logs', 'billing export ticket', 'she is checking', 'export ticket']) {
      expect(told).not.toContain(kept);
    }
  });

  it('the answer-or-status question: "Set <status>" runs the status named, whatever the remark mentions', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const id = await file(noraProfile, nora, 'Nora: remark mentions a note');
    await sam.say(`reply to ${id}`);
    await sam.say('set it to closed, I left a note on the billing export ticket');
    expect(sam.text()).toContain(`Send this as your reply, or set **#${id}** to **Closed**?`);
    await sam.click('Set Closed');
    expect(sam.text()).toContain(`Closed **#${id}** for **Nora Northpeak**`);
    expect(await status(id)).toBe('closed');
    expect(await comments(id)).toEqual([['I left a note on the billing export ticket', true]]);

    const logs = await file(noraProfile, nora, 'Nora: note remark in progress');
    await sam.say(`set ${logs} to solution offered`);
    await sam.say('set it to in progress, added an internal note with the logs');
    await sam.click('Set In Progress');
    expect(await status(logs)).toBe('in_progress');
    expect(await comments(logs)).toEqual([['added an internal note with the logs', true]]);
  });

  it('the answer-or-status question is answered only by the agent who typed the words (anyone else is told whose it is)', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal, c.authorId]);
    const id = await file(noraProfile, nora, 'Nora: shared thread question');
    const key = `${provider}-shared-thread-question`;
    const agent = bot.chat('sam', { conversationKey: key });
    const requester = bot.chat('nora', { conversationKey: key });
    const riley = bot.chat('riley', { conversationKey: key });
    const words = 'set it to in progress, then reload the dashboard and share it again';
    await agent.say(`reply to ${id}`);
    await agent.say(words);
    const value = (label: string) => agent.actions().find((a) => a.label === label)?.value;
    const [send, setInProgress, cancel] = [
      value('Send as the reply'),
      value('Set In Progress'),
      value('Cancel'),
    ];
    for (const [chat, pressed] of [
      [requester, send],
      [requester, setInProgress],
      [requester, cancel],
      [riley, send],
    ] as const) {
      await chat.send({ text: '', value: pressed });
      expect(chat.text()).toContain('Sam Agent is in the middle of a request here, so I left it as it is.');
    }
    // Typed, the choice is refused as well.
    await requester.say('1');
    expect(requester.text()).toContain(
      'Sam Agent is in the middle of a request here, so I left it as it is.',
    );
    expect(await status(id)).toBe('open');
    expect(await comments(id)).toEqual([]);
    // The agent's question is still open, with the words.
    await agent.send({ text: '', value: send });
    expect(agent.text()).toContain(`Your reply on **#${id}** was sent to the requester.`);
    expect(await comments(id)).toEqual([[words, false, 'usr_sam']]);
  });

  it('the answer-or-status question answered by typing: a choice picks, anything else asks again', async () => {
    const status = async (id: number) => (await desk.get(noraProfile, id))?.status;
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const words = 'set it to closed, duplicate of the billing export ticket';
    const ask = async (flow: 'reply' | 'note' | 'solution', subject: string) => {
      const id = await file(noraProfile, nora, subject);
      await sam.say(
        flow === 'solution'
          ? `set ${id} to solution offered`
          : flow === 'note'
            ? `add a note to ${id}`
            : `reply to ${id}`,
      );
      if (flow === 'note') expect(sam.text()).toContain(`**#${id}**`);
      await sam.say(words);
      expect(sam.actions().map((a) => a.label)).toContain('Set Closed');
      return id;
    };
    // The answer: "send it", "1", "the first one", "as the reply".
    for (const typed of ['send it', '1', 'the first one', 'as the reply']) {
      const id = await ask('reply', `Nora: typed answer ${typed}`);
      await sam.say(typed);
      expect(sam.text()).toContain(`Your reply on **#${id}** was sent to the requester.`);
      expect(await comments(id)).toEqual([[words, false]]);
      expect(await status(id)).toBe('open');
    }
    const solved = await ask('solution', 'Nora: typed solution');
    await sam.say('send it as the solution');
    expect(await status(solved)).toBe('solution_offered');
    expect(await comments(solved)).toEqual([[words, false]]);
    // The status: "2", "set it", "closed", "the status".
    for (const typed of ['2', 'set it', 'closed', 'the status']) {
      const id = await ask('reply', `Nora: typed status ${typed}`);
      await sam.say(typed);
      expect(sam.text()).toContain(`Closed **#${id}**`);
      expect(await status(id)).toBe('closed');
      expect(await comments(id)).toEqual([['duplicate of the billing export ticket', true]]);
    }
    // Neither: "neither", "no", "3", "neither, never mind".
    for (const typed of ['neither', 'no', '3', 'neither, never mind']) {
      const id = await ask('reply', `Nora: typed neither ${typed}`);
      await sam.say(typed);
      expect(sam.text()).toContain(`I didn't send anything or change **#${id}**`);
      expect(await status(id)).toBe('open');
      expect(await comments(id)).toEqual([]);
      await sam.say('thanks');
      expect(await comments(id)).toEqual([]);
    }
    // "yes" picks neither; a status other than the one asked about, or another reply, is no choice:
    // the question is asked again and nothing is sent or set.
    const id = await ask('reply', 'Nora: typed no choice');
    for (const typed of ['yes', 'set it to in progress', 'please reply when the export finishes']) {
      await sam.say(typed);
      // Another request is offered as one; going on asks the question again.
      if (sam.actions().some((a) => a.label === 'No, continue')) await sam.click('No, continue');
      expect(sam.text()).toContain(`Send this as your reply, or set **#${id}** to **Closed**?`);
      expect(await status(id)).toBe('open');
      expect(await comments(id)).toEqual([]);
    }
    await sam.say('set it');
    expect(await status(id)).toBe('closed');
    // An internal note asked for: "add it" adds the note.
    const noted = await ask('note', 'Nora: typed note');
    await sam.say('add it');
    expect(await comments(noted)).toEqual([[words, true]]);
    expect(await status(noted)).toBe('open');
  });

  it('"Which ticket?" for a status with a message: pressed twice, the requester is told once', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => [c.body, c.internal]);
    const riley = bot.chat('riley');
    await riley.say('hello');
    const rileyProfile = riley.last!.user;
    const a = await file(noraProfile, nora, 'Nora: which ticket A');
    const b = await file(noraProfile, nora, 'Nora: which ticket B');
    await desk.assignTo(rileyProfile, a, rileyProfile.id);
    await desk.assignTo(rileyProfile, b, rileyProfile.id);
    const toldBefore = (await bot.notifications(nora)).length;
    const fresh = bot.chat('riley');
    const ask = 'could you send us the HAR file?';
    await fresh.say(`set it to waiting on customer, ${ask}`);
    expect(fresh.text()).toContain('Which one?');
    const pick = fresh.actions().find((x) => x.label.startsWith(`#${a}`))?.value;
    await fresh.send({ text: '', value: pick });
    expect(fresh.text()).toContain(`**#${a}** is now **Awaiting your response**`);
    await fresh.send({ text: '', value: pick });
    expect(fresh.text()).toContain(`I already did that for **#${a}**`);
    expect(await comments(a)).toEqual([[ask, false]]);
    expect((await bot.notifications(nora)).slice(toldBefore).join('\n').split(ask)).toHaveLength(2);
    // A reason to close, pressed twice, is kept once.
    const again = bot.chat('riley');
    await again.say('set it to closed, duplicate of the export ticket');
    const close = again.actions().find((x) => x.label.startsWith(`#${b}`))?.value;
    await again.send({ text: '', value: close });
    expect(await desk.get(noraProfile, b).then((x) => x?.status)).toBe('closed');
    await again.send({ text: '', value: close });
    expect(again.text()).toContain(`I already did that for **#${b}**`);
    expect(await comments(b)).toEqual([['duplicate of the export ticket', true]]);
  });

  it("an agent's status command typed while a reply is asked for is no reply", async () => {
    const comments = async (id: number) =>
      (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => c.body);
    const a = await file(noraProfile, nora, 'Nora: reply interrupted A');
    const b = await file(noraProfile, nora, 'Nora: reply interrupted B');
    await sam.say(`reply to ${a}`);
    expect(sam.text()).toContain(`**#${a}**`);
    for (const typed of [`${a} and ${b} in progress`, `${a} in progress`]) {
      await sam.say(typed);
      expect(sam.text()).not.toContain('sent to the requester');
      expect(await comments(a)).toEqual([]);
    }
    await sam.say('cancel');
    await sam.say(`set ${a} to solution offered`);
    expect(sam.text()).toContain(`What's the solution for **#${a}**?`);
    await sam.say(`${b} in progress`);
    expect(sam.text()).not.toContain('Solution Offered');
    expect((await desk.get(noraProfile, a))?.status).toBe('open');
    expect(await comments(a)).toEqual([]);
    await sam.say('cancel');
  });

  it('"no that didnt help at all" on a Solution Offered ticket asks what is still wrong; the filler is not kept', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => c.body);
    const id = await file(noraProfile, nora, 'Nora: export still times out');
    await sam.say(`solution offered ${id}: export one month at a time`);
    await nora.say(`no that didnt help at all ${id}`);
    expect(nora.text()).toContain(`Sorry it didn't help. **#${id}** is back with support (**In Progress**).`);
    expect(nora.text()).toContain("Tell me what's still wrong");
    expect((await desk.get(noraProfile, id))?.status).toBe('in_progress');
    expect(await comments(id)).toEqual(['export one month at a time']);
    await nora.say('A single month times out too, after two minutes.');
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    expect(await comments(id)).toEqual([
      'export one month at a time',
      'A single month times out too, after two minutes.',
    ]);
  });

  it('"reply to N: still broken, …" on a Solution Offered ticket rejects the solution with those words as the comment', async () => {
    const comments = async (id: number) =>
      (
        await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } })
      ).map((c) => c.body);
    const id = await file(noraProfile, nora, 'Nora: pixel fires twice');
    await sam.say(`solution offered ${id}: remove the old pixel from the thank-you page`);
    await nora.say(`reply to ${id}: still broken, the pixel fires twice`);
    expect(nora.text()).toContain(`Sorry it didn't help. **#${id}** is back with support (**In Progress**).`);
    expect(nora.text()).not.toContain("Tell me what's still wrong");
    expect(nora.text()).toContain(`Added your comment to **#${id}**`);
    expect((await desk.get(noraProfile, id))?.status).toBe('in_progress');
    expect(await comments(id)).toEqual([
      'remove the old pixel from the thank-you page',
      'still broken, the pixel fires twice',
    ]);
  });

  it('agents assign, change status with buttons and keep internal notes away from the requester', async () => {
    const id = await file(noraProfile, nora, 'Nora: coupon codes rejected');
    await sam.say(`assign #${id} to me`);
    expect(sam.text()).toContain(`**#${id}** is now assigned to **Sam Agent**`);
    await sam.say(`assign ticket ${id} to Riley`);
    expect(sam.text()).toContain(`**#${id}** is now assigned to **Riley Agent**`);
    await sam.say(`status of #${id}`);
    await sam.click('Change status');
    await sam.click('In Progress');
    expect(sam.text()).toContain(`**#${id}** is now **In Progress**`);
    await sam.say(`internal note on #${id}: customer is on the legacy plan`);
    expect(sam.text()).toContain('Internal note added');
    await nora.say(`status of #${id}`);
    expect(nora.text()).toContain('Handled by: Riley Agent');
    expect(nora.text()).not.toContain('legacy plan');
    await nora.say(`assign ticket ${id} to me`);
    expect(nora.text()).not.toMatch(/assigned to/);
  });
});
