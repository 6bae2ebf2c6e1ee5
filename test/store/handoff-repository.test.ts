import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandoffRepository, type NewHandoff } from '../../src/store/handoff-repository.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('live chats stored on %s', (provider) => {
  let database: TestDatabase;
  let ticketId: number;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await database.prisma.account.create({ data: { id: 'acme', name: 'Acme', kind: 'brand' } });
    const ticket = await database.prisma.ticket.create({
      data: {
        accountId: 'acme',
        creatorId: 'alice',
        subject: 'Pixel',
        issueType: 'other',
        description: 'Pixel',
        searchText: 'pixel',
        channel: 'web',
      },
    });
    ticketId = ticket.id;
  });
  afterAll(() => database.drop());

  const chat = (conversationId: string): NewHandoff => ({
    conversationId,
    ticketId,
    userId: 'alice',
    accountId: 'acme',
    teamId: null,
    reason: 'talk to a person',
    summary: '',
    now: new Date(),
  });

  it('keeps one live chat per conversation, even when two are opened at once', async () => {
    const handoffs = createHandoffRepository(database.prisma, database.sql);
    const both = await Promise.all([handoffs.create(chat('c1')), handoffs.create(chat('c1'))]);
    expect(both.filter((h) => h !== null)).toHaveLength(1);
    expect(await database.prisma.handoff.count({ where: { conversationId: 'c1' } })).toBe(1);
    // Another conversation is not held up.
    expect(await handoffs.create(chat('c2'))).not.toBeNull();
  });

  it('opens a new chat once the previous one has ended', async () => {
    const handoffs = createHandoffRepository(database.prisma, database.sql);
    const first = await handoffs.create(chat('c3'));
    expect(first).not.toBeNull();
    expect(await handoffs.transition(first!, 'abandoned', { resolvedAt: new Date() })).not.toBeNull();
    const second = await handoffs.create(chat('c3'));
    expect(second).not.toBeNull();
    expect((await handoffs.activeFor('c3'))?.id).toBe(second!.id);
  });
});
