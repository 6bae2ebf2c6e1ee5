import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationRepository } from '../../src/store/conversation-repository.js';
import { createWebConversationLookup } from '../../src/store/web-conversation-lookup.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('web conversation lookup on %s', (provider) => {
  let database: TestDatabase;
  let conversationId: string;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
    await database.prisma.account.create({ data: { id: 'acc_x', name: 'X', kind: 'brand' } });
    const user = await database.prisma.user.create({
      data: {
        accountId: 'acc_x',
        displayName: 'Alice',
        role: 'requester',
        kind: 'brand',
        identities: { create: { channel: 'web', workspace: '', externalId: 'alice' } },
      },
    });
    const conversations = createConversationRepository(database.prisma, database.sql);
    conversationId = (
      await conversations.open({ channel: 'web', workspace: '', externalKey: 'web-1', userId: user.id })
    ).id;
  });
  afterEach(() => database.drop());

  it("names a conversation's owner, remembers it for a while, and knows no owner for an unknown key", async () => {
    let clock = 0;
    const lookup = createWebConversationLookup(database.sql, () => clock);
    expect(await lookup.ownerOf('web', 'web-1')).toBe('alice');
    expect(await lookup.ownerOf('web', 'nope')).toBeNull();

    // The identity moves to another name: the remembered owner holds until it expires.
    await database.prisma.channelIdentity.updateMany({
      where: { externalId: 'alice' },
      data: { externalId: 'alice2' },
    });
    expect(await lookup.ownerOf('web', 'web-1')).toBe('alice');
    clock += 11 * 60_000;
    expect(await lookup.ownerOf('web', 'web-1')).toBe('alice2');
  });

  it('gives the agent and system messages after an id, not the bot turn replies or notes', async () => {
    const conversations = createConversationRepository(database.prisma, database.sql);
    const ids = await conversations.appendMessages(conversationId, [
      { direction: 'out', author: 'bot', text: 'bot answer' },
      {
        direction: 'out',
        author: 'agent',
        text: 'agent says hi',
        payload: { type: 'text', text: 'agent says hi' },
      },
      { direction: 'out', author: 'system', text: 'chat closed' },
    ]);
    // An agent's internal note, as the live chat stores it.
    await database.prisma.message.create({
      data: { conversationId, direction: 'out', author: 'note', text: 'internal note' },
    });
    const lookup = createWebConversationLookup(database.sql);
    const updates = await lookup.updates('web', 'web-1', 0);
    expect(updates.map((u) => [u.author, u.reply])).toEqual([
      ['agent', { type: 'text', text: 'agent says hi' }],
      ['system', { type: 'text', text: 'chat closed' }],
    ]);
    expect((await lookup.updates('web', 'web-1', ids[1]!)).map((u) => u.author)).toEqual(['system']);
    expect(await lookup.updates('web', 'unknown', 0)).toEqual([]);
  });

  it("gives a conversation's latest messages both ways, oldest first, never an agent's note", async () => {
    const conversations = createConversationRepository(database.prisma, database.sql);
    const ids = await conversations.appendMessages(conversationId, [
      { direction: 'in', author: 'user', text: 'hello', payload: { value: { action: 'x' } } },
      { direction: 'out', author: 'bot', text: 'Hi!', payload: { type: 'text', text: 'Hi!' } },
    ]);
    // An agent's internal note, as the live chat stores it.
    await database.prisma.message.create({
      data: { conversationId, direction: 'out', author: 'note', text: 'internal note' },
    });
    ids.push(
      ...(await conversations.appendMessages(conversationId, [
        { direction: 'out', author: 'agent', text: 'Sam here', payload: { type: 'text', text: 'Sam here' } },
        { direction: 'out', author: 'system', text: 'chat closed' },
      ])),
    );
    const lookup = createWebConversationLookup(database.sql);
    const all = await lookup.messages('web', 'web-1', 0, 10);
    expect(all.map((m) => [m.author, m.reply])).toEqual([
      ['user', { type: 'text', text: 'hello' }],
      ['bot', { type: 'text', text: 'Hi!' }],
      ['agent', { type: 'text', text: 'Sam here' }],
      ['system', { type: 'text', text: 'chat closed' }],
    ]);
    expect(all.map((m) => m.id)).toEqual(ids);
    // The latest ones when there are more, still oldest first; and after an id.
    expect((await lookup.messages('web', 'web-1', 0, 2)).map((m) => m.author)).toEqual(['agent', 'system']);
    expect((await lookup.messages('web', 'web-1', ids[1]!, 10)).map((m) => m.author)).toEqual([
      'agent',
      'system',
    ]);
    expect(await lookup.messages('web', 'unknown', 0, 10)).toEqual([]);
  });
});
