import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketRecipients } from '../../src/store/ticket-recipients.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('ticket recipients on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    for (const id of ['acc_a', 'acc_b']) {
      await database.prisma.account.create({ data: { id, name: id, kind: 'brand' } });
    }
    const user = (id: string, accountId: string, email: string | null) =>
      database.prisma.user.create({
        data: { id, accountId, email, displayName: id, role: 'requester', kind: 'brand' },
      });
    await user('bob', 'acc_a', 'Bob@Acme.com');
    await user('eve', 'acc_a', 'eve@acme.com');
    await user('nomail', 'acc_a', null);
    await user('bob-elsewhere', 'acc_b', 'BOB@acme.com');
  });
  afterAll(() => database.drop());

  it('finds CC colleagues whatever the letter case of their stored e-mail, only in the same account', async () => {
    const recipients = createTicketRecipients(database.prisma);
    const found = await recipients.usersByEmail('acc_a', ['bob@acme.com', 'EVE@acme.com', 'nobody@acme.com']);
    expect(found.sort()).toEqual(['bob', 'eve']);
    expect(await recipients.usersByEmail('acc_b', ['bob@acme.com'])).toEqual(['bob-elsewhere']);
    expect(await recipients.usersByEmail('acc_a', [])).toEqual([]);
  });

  it('finds the user’s DM with the bot among their channel threads, on Slack and Teams', async () => {
    const recipients = createTicketRecipients(database.prisma);
    const conversation = (id: string, channel: string, externalId: string, reference: unknown = null) =>
      database.prisma.conversation.create({
        data: {
          id,
          channel,
          externalId,
          userId: 'bob',
          reference: reference === null ? null : JSON.stringify(reference),
        },
      });
    const teams = (conversationType: string) => ({ conversation: { id: 'x', conversationType } });
    await conversation('slack-dm', 'slack', 'D0BOB');
    await conversation('teams-personal', 'teams', 'a:1bob', teams('personal'));
    // Threads and group chats used since then come first by recency.
    for (let i = 0; i < 25; i++)
      await conversation(`slack-thread-${i}`, 'slack', `C0GENERAL:1717000000.${i}`);
    await conversation('teams-channel', 'teams', '19:abc@thread.tacv2;messageid=1', teams('channel'));
    await conversation('teams-group', 'teams', '19:def@thread.v2', teams('groupChat'));

    expect(await recipients.directConversation('bob', 'slack')).toBe('slack-dm');
    expect(await recipients.directConversation('bob', 'teams')).toBe('teams-personal');
    expect(await recipients.directConversation('eve', 'slack')).toBeNull();
    expect(await recipients.isDirect('slack-dm')).toBe(true);
    expect(await recipients.isDirect('slack-thread-3')).toBe(false);
    expect(await recipients.isDirect('teams-channel')).toBe(false);
    expect(await recipients.isDirect('teams-group')).toBe(false);
    expect(await recipients.isDirect('missing')).toBe(false);
  });
});
