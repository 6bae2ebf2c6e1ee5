import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../../src/domain/user.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { startTicketBot, type TicketBot } from './ticket-test-bot.js';

/** A Slack channel thread where the bot was @mentioned: every member of the channel reads it. */
const THREAD = 'C0GENERAL:1717000000.000100';

describe.each(testProviders())('where ticket notifications go on %s', (provider) => {
  let bot: TicketBot;
  let desk: TicketDesk;
  let sam: Chat;
  let n = 0;

  /** A Slack user who asked in a channel thread, and their DM with the bot when they have one. */
  async function slackUser(
    withDm: boolean,
  ): Promise<{ slackId: string; thread: Chat; dm: Chat | null; profile: UserProfile }> {
    const id = `U${provider.slice(0, 2).toUpperCase()}${++n}`;
    const thread = bot.chat(id, { channel: 'slack', conversationKey: `${THREAD}${n}` });
    await thread.say('hello');
    let dm: Chat | null = null;
    if (withDm) {
      dm = bot.chat(id, { channel: 'slack', conversationKey: `D0${id}` });
      await dm.say('hello');
    }
    return { slackId: id, thread, dm, profile: thread.last!.user };
  }

  async function fileIn(
    chat: Chat,
    who: UserProfile,
    subject: string,
    shared: boolean,
    ccEmails: readonly string[] = [],
  ): Promise<number> {
    const ticket = await desk.create({
      requester: who,
      subject,
      issueType: 'other',
      description: `${subject}: details for support.`,
      shared,
      ccEmails: [...ccEmails],
      channel: 'slack',
      conversationId: chat.last!.conversationId,
      idempotencyKey: `${provider}-${subject}`,
    });
    return ticket.id;
  }

  beforeAll(async () => {
    bot = await startTicketBot(provider);
    desk = bot.app.services.shared.tickets as TicketDesk;
    sam = bot.chat('sam');
    await sam.say('hello');
  });
  afterAll(() => bot.close());

  it('a private ticket filed in a channel thread is answered in the requester’s DM, never in the thread', async () => {
    const { thread, dm, profile } = await slackUser(true);
    const id = await fileIn(thread, profile, 'Private: payout bank details rejected', false);
    await sam.say(`reply to #${id}: Please confirm the IBAN ending 4411.`);
    await sam.say(`set #${id} to awaiting your response`);

    expect(await bot.notifications(thread)).toEqual([]);
    const toDm = (await bot.notifications(dm!)).join('\n');
    expect(toDm).toContain(`New reply on #${id}: Private: payout bank details rejected`);
    expect(toDm).toContain('Please confirm the IBAN ending 4411.');
    expect(toDm).toContain(`#${id} is now Awaiting your response`);
  });

  it('without a DM, the thread only hears that a private ticket changed, not what changed', async () => {
    const { thread, profile } = await slackUser(false);
    const id = await fileIn(thread, profile, 'Private: contract terms question', false);
    await sam.say(`reply to #${id}: Your commission rate is 12%.`);

    const inThread = (await bot.notifications(thread)).join('\n');
    expect(inThread).toBe(
      `Your private ticket **#${id}** was updated. To read it, send me “status ${id}” in a direct message.`,
    );
    expect(inThread).not.toContain('commission');
    expect(inThread).not.toContain('contract terms');
  });

  it('a shared ticket goes to the DM when there is one, else it may be told in its thread', async () => {
    const withDm = await slackUser(true);
    const first = await fileIn(withDm.thread, withDm.profile, 'Shared: feed import slow', true);
    await sam.say(`reply to #${first}: The import is queued behind a large feed.`);
    expect(await bot.notifications(withDm.thread)).toEqual([]);
    expect((await bot.notifications(withDm.dm!)).join('\n')).toContain(`New reply on #${first}`);

    const noDm = await slackUser(false);
    const second = await fileIn(noDm.thread, noDm.profile, 'Shared: banner sizes', true);
    await sam.say(`reply to #${second}: 300x250 and 728x90 are supported.`);
    expect((await bot.notifications(noDm.thread)).join('\n')).toContain('300x250 and 728x90 are supported.');
  });

  it('a CC’d colleague hears in their DM, never in a channel thread of theirs, even their latest', async () => {
    const requester = await slackUser(true);
    const colleague = await slackUser(true);
    const noDm = await slackUser(false);
    // After writing in the DM, the colleague @mentions the bot in a channel about something else.
    const laterThread = bot.chat(colleague.slackId, { channel: 'slack', conversationKey: `${THREAD}${n}b` });
    await laterThread.say('hello');
    expect(laterThread.last!.user.id).toBe(colleague.profile.id);
    expect(colleague.profile.accountId).toBe(requester.profile.accountId);
    const emails: string[] = [];
    for (const { slackId, profile } of [colleague, noDm]) {
      const email = `${slackId.toLowerCase()}@acme.example`;
      await bot.app.services.db.user.update({ where: { id: profile.id }, data: { email } });
      emails.push(email);
    }

    const id = await fileIn(requester.dm!, requester.profile, 'Shared: commission for spring', true, emails);
    await sam.say(`reply to #${id}: Your commission rate is 12% until August.`);

    expect((await bot.notifications(requester.dm!)).join('\n')).toContain('12% until August');
    expect((await bot.notifications(colleague.dm!)).join('\n')).toContain('12% until August');
    expect(await bot.notifications(laterThread)).toEqual([]);
    expect(await bot.notifications(colleague.thread)).toEqual([]);
    expect(await bot.notifications(noDm.thread)).toEqual([]);
  });
});
