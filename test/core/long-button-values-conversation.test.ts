import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppModule } from '../../src/app-module.js';
import { appModules } from '../../src/app-modules.js';
import type { InboundMessage } from '../../src/core/inbound-message.js';
import { MAX_ACTION_VALUE_CHARS } from '../../src/core/parked-action-values.js';
import type { Chat } from '../support/conversation.js';
import { startTestBot, type TestBot } from '../support/conversation.js';
import { testProviders } from '../support/test-database.js';

/**
 * Buttons that carry what the user wrote (Reopen with a complaint, File a ticket with the
 * message it starts from, "Also: …?" with a second request) stay short on every channel, and
 * a press still hands the skills the whole text: the whole bot, the trained intent engine and
 * the web channel, with the conversation's state stored in the database between turns.
 */
describe.each(testProviders())('buttons that carry a long text (%s)', (provider) => {
  let bot: TestBot;
  /** What the middleware and skills saw of each message. */
  const seen: InboundMessage[] = [];
  const capture: AppModule = {
    name: 'capture',
    create: () => ({
      middleware: [
        async (ctx, next) => {
          seen.push(ctx.message);
          await next();
        },
      ],
    }),
  };
  beforeAll(async () => {
    bot = await startTestBot(provider, { modules: [capture, ...appModules] });
  });
  afterAll(() => bot.close());

  /** A complaint about `id` of about `length` characters: every order it names is a new sentence. */
  function longComplaint(id: number, length: number, tag = ''): string {
    let text = `${id} still doesn't work.`;
    for (let n = 1; text.length < length; n++) {
      text += ` Order ${tag}${n} was rejected at checkout with the spring coupon code again.`;
    }
    return text.slice(0, length);
  }

  /** A closed ticket of a user who has said hello. */
  async function closedTicketOf(chat: Chat, subject: string): Promise<number> {
    await chat.say('hello');
    const desk = bot.app.services.shared.tickets!;
    const { id } = await desk.create({
      requester: chat.last!.user,
      subject,
      issueType: 'other',
      description: `${subject}, every time since Monday.`,
      channel: 'web',
      conversationId: chat.last!.conversationId,
      idempotencyKey: `${chat.user}-${subject}`,
    });
    await desk.setStatus(chat.last!.user, id, 'closed');
    return id;
  }

  const comments = async (id: number) =>
    (await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } })).map((c) => c.body);
  const longestValue = (chat: Chat) =>
    Math.max(...chat.actions().map((a) => JSON.stringify(a.value ?? {}).length));

  it('a 3,000-character complaint on a closed ticket: Reopen stays short and reopens with the whole complaint', async () => {
    const carla = bot.chat('carla');
    const id = await closedTicketOf(carla, 'Coupon codes rejected at checkout');
    const complaint = longComplaint(id, 3000);

    await carla.say(complaint);
    expect(carla.text()).toContain(`**#${id}** is closed.`);
    expect(carla.actions().map((a) => a.label)).toEqual(['Reopen', 'File a ticket']);
    expect(longestValue(carla)).toBeLessThanOrEqual(MAX_ACTION_VALUE_CHARS);

    const reopen = carla.actions().find((a) => a.label === 'Reopen')!;
    await carla.click('Reopen');
    expect(carla.text()).toContain(`**#${id}** is reopened`);
    expect(await comments(id)).toEqual([complaint]);
    // The skill got the button's whole value, as if it had never been parked.
    expect(seen.at(-1)?.value).toMatchObject({
      skill: 'tickets',
      action: 'apply-update',
      id,
      request: { kind: 'reopen', body: complaint },
    });
    expect(seen.at(-1)?.value).not.toHaveProperty('parked');

    // Pressed again: the same value, and the skill says the ticket is open with the comment kept.
    await carla.send({ text: '', value: { ...reopen.value } });
    expect(carla.text()).toContain(`**#${id}**`);
    expect(carla.text()).not.toContain('too old');
    expect(await comments(id)).toEqual([complaint]);
  });

  it('"File a ticket" from a long complaint starts the form from the whole message', async () => {
    const hana = bot.chat('hana');
    const id = await closedTicketOf(hana, 'Spring coupon codes rejected at checkout');
    const complaint = longComplaint(id, 3000);

    await hana.say(complaint);
    expect(hana.actions().map((a) => a.label)).toEqual(['Reopen', 'File a ticket']);
    expect(longestValue(hana)).toBeLessThanOrEqual(MAX_ACTION_VALUE_CHARS);
    await hana.click('File a ticket');
    expect(seen.at(-1)?.value).toMatchObject({ skill: 'tickets', action: 'start-create', text: complaint });
    expect(hana.text()).not.toContain('too old');
    await hana.say('cancel');
    expect(await comments(id)).toEqual([]);
  });

  it('"Also: …?" for a long second request stays short and runs the whole request as typed', async () => {
    const alice = bot.chat('alice');
    const second =
      `how do I invite a partner ${'from another company, step by step for a new team member '.repeat(40)}`.trim();
    expect(second.length).toBeGreaterThan(2000);
    await alice.say(`show my tickets and ${second}`);
    expect(alice.intent()).toBe('ticket.list');
    const also = alice.actions().filter((a) => a.label.startsWith('Also:'));
    expect(also).toHaveLength(1);
    expect(longestValue(alice)).toBeLessThanOrEqual(MAX_ACTION_VALUE_CHARS);

    const typed = bot.chat('alice');
    await typed.say(second);
    await alice.click(/^Also:/);
    expect(seen.at(-1)?.value).toEqual({ typed: second });
    expect(alice.intent()).toBe(typed.intent());
    expect(alice.text().replace(/da_[\w-]+/g, '')).toBe(typed.text().replace(/da_[\w-]+/g, ''));
  });

  it('a button whose value has fallen off gets a clear answer, not an error', async () => {
    const ivy = bot.chat('ivy');
    const id = await closedTicketOf(ivy, 'Banner images missing in the feed');
    await ivy.say(longComplaint(id, 2500, 'A'));
    const oldReopen = ivy.actions().find((a) => a.label === 'Reopen')!;
    // Ten more prompts of two long buttons each: the first prompt's values are the oldest of 21.
    for (let n = 0; n < 10; n++) await ivy.say(longComplaint(id, 2500, `B${n}-`));
    const newestReopen = ivy.actions().find((a) => a.label === 'Reopen')!;
    await ivy.send({ text: '', value: { ...oldReopen.value } });
    expect(ivy.text()).toBe(
      'That button is too old and I no longer have what it carried. Please send your request again.',
    );
    expect(ivy.text()).not.toMatch(/went wrong/);
    expect(await comments(id)).toEqual([]);
    expect((await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe('closed');

    // The newest prompt's buttons still work.
    await ivy.send({ text: '', value: { ...newestReopen.value } });
    expect(ivy.text()).toContain(`**#${id}** is reopened`);
    expect(await comments(id)).toEqual([longComplaint(id, 2500, 'B9-')]);
  });
});
