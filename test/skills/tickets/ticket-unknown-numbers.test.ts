import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { startTicketBot, type TicketBot } from './ticket-test-bot.js';

const NOT_FOUND = "I couldn't find ticket";

/**
 * A ticket number that was clearly given but cannot be a ticket ("ticket 5", "#0", "ticket -5",
 * twenty digits) is not found: never the ticket talked about before, never an apology for a
 * database error. Buttons carry ids from the client, so theirs are checked before any query.
 */
describe.each(testProviders())('ticket numbers that cannot be tickets on %s', (provider) => {
  let bot: TicketBot;
  let alice: Chat;
  let id = 0;

  beforeAll(async () => {
    bot = await startTicketBot(provider);
    alice = bot.chat('alice');
    await alice.say('hello');
    const desk = bot.app.services.shared.tickets as TicketDesk;
    ({ id } = await desk.create({
      requester: alice.last!.user,
      subject: 'Payout for May missing',
      issueType: 'other',
      description: 'The May payout never arrived.',
      shared: false,
      ccEmails: [],
      channel: 'web',
      conversationId: null,
      idempotencyKey: `${provider}-payout`,
    }));
  });
  afterAll(() => bot.close());

  const statusOf = async () => (await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } })).status;

  for (const [asked, shown] of [
    ['#0', '#0'],
    ['ticket 5', '#5'],
    ['ticket 1234567890', '#1234567890'],
    ['ticket 99999999999999999999', '#99999999999999999999'],
    ['ticket -5', '-5'],
    ['ticket 1e3', '1e3'],
  ]) {
    it(`"status of ${asked}" after another ticket's card: not found`, async () => {
      await alice.say(`status of #${id}`);
      expect(alice.text()).toContain('Payout for May missing');

      await alice.say(`status of ${asked}`);
      expect(alice.text()).toContain(`${NOT_FOUND} **${shown}**`);
      expect(alice.text()).not.toContain('Payout for May missing');
    });
  }

  it('"close ticket 5" after another ticket\'s card: not found, and that ticket stays open', async () => {
    await alice.say(`status of #${id}`);
    await alice.say('close ticket 5');
    expect(alice.text()).toContain(`${NOT_FOUND} **#5**`);
    expect(await statusOf()).toBe('open');
  });

  it('"reply to #0: …" puts nothing on the ticket talked about before', async () => {
    await alice.say(`status of #${id}`);
    await alice.say('reply to #0: please ignore, wrong ticket, the feed import is what fails');
    expect(alice.text()).toContain(`${NOT_FOUND} **#0**`);
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments).toEqual([]);
  });

  it('"where is ticket 5? it still doesn\'t work" keeps no comment on the ticket talked about before', async () => {
    await alice.say(`status of #${id}`);
    await alice.say("where is ticket 5? it still doesn't work");
    expect(alice.text()).toContain(`${NOT_FOUND} **#5**`);
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments).toEqual([]);
  });

  for (const badId of [1e20, 2_147_483_648, 0, -3, 1.5]) {
    for (const action of ['status', 'comment', 'close', 'reopen', 'pick-status', 'assign-me']) {
      it(`a "${action}" button with id ${badId}: not found`, async () => {
        await alice.send({ text: '', value: { skill: 'tickets', action, id: badId } });
        expect(alice.text()).toContain(NOT_FOUND);
      });
    }
  }

  it('a "More" button whose filter or cursor carries an id out of range lists as if it had none', async () => {
    await alice.send({
      text: '',
      value: { skill: 'tickets', action: 'list', filter: { createdBy: 'me', ids: [2_147_483_648] } },
    });
    expect(alice.text()).not.toContain('something went wrong');
    await alice.send({
      text: '',
      value: {
        skill: 'tickets',
        action: 'list',
        filter: { createdBy: 'me' },
        after: { lastActivityAt: new Date().toISOString(), id: 1e20 },
        offset: 5,
      },
    });
    expect(alice.text()).not.toContain('something went wrong');
  });

  it('"close it, ticket 2 was the duplicate": the number is the reason\'s, the ticket talked about closes', async () => {
    await alice.say(`status of #${id}`);
    await alice.say('close it, ticket 2 was the duplicate');
    expect(alice.text()).toContain(`**#${id}** is closed`);
    expect(await statusOf()).toBe('closed');
  });
});
