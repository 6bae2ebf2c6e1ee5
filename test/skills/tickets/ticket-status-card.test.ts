import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardReply } from '../../../src/core/reply.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { addRequester, startTicketBot, type TicketBot } from './ticket-test-bot.js';

const statusCard = (chat: Chat) => chat.replies.find((r): r is CardReply => r.type === 'card');

describe.each(testProviders())('the ticket status card on %s', (provider) => {
  let bot: TicketBot;
  let nora: Chat;
  let nick: Chat;
  let ticketId: number;
  beforeAll(async () => {
    bot = await startTicketBot(provider);
    await addRequester(bot, 'nick', 'acc_northpeak', 'nick@northpeak.example');
    await addRequester(bot, 'n_[x](https://evil.example)', 'acc_northpeak', 'odd@northpeak.example');
    nora = bot.chat('nora');
    nick = bot.chat('nick');
    await nora.say('hello');
    await nick.say('hello');
    const desk = bot.app.services.shared.tickets as TicketDesk;
    ticketId = (
      await desk.create({
        requester: nora.last!.user,
        subject: 'Tracking domain certificate expired',
        issueType: 'other',
        description: 'The certificate of track.northpeak.example expired today.',
        shared: true,
        ccEmails: [],
        channel: 'web',
        conversationId: nora.last!.conversationId,
        idempotencyKey: `${provider}-status-card`,
      })
    ).id;
  });
  afterAll(() => bot.close());

  it("a colleague's comment is quoted as typed: its markdown is escaped, so no channel makes it a link or bold", async () => {
    await nick.say(
      `comment on ticket ${ticketId}: Same here since **Monday**, logs in [the shared folder](https://evil.example/login) \\o/ _x_`,
    );
    expect(nick.text()).toContain(`Added your comment to **#${ticketId}**`);

    await nora.say(`status of ${ticketId}`);
    expect(statusCard(nora)?.body).toContain(
      'Latest from Nick: “Same here since \\*\\*Monday\\*\\*, logs in \\[the shared folder\\](https://evil.example/login) \\\\o/ \\_x\\_”',
    );
  });

  it('a long comment is cut before it is escaped, so no escape is cut in half', async () => {
    await nick.say(`comment on ticket ${ticketId}: ${'a'.repeat(278)}*b*`);
    await nora.say(`status of ${ticketId}`);
    expect(statusCard(nora)?.body).toContain(`“${'a'.repeat(278)}\\*…”`);
  });

  it("the comment's author's name is escaped too (names come from Slack and Teams profiles)", async () => {
    const odd = bot.chat('n_[x](https://evil.example)');
    await odd.say(`comment on ticket ${ticketId}: me too`);
    await nora.say(`status of ${ticketId}`);
    expect(statusCard(nora)?.body).toContain('Latest from N\\_\\[x\\](https://evil.example): “me too”');
  });
});
