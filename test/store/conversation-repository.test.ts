import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationRepository } from '../../src/store/conversation-repository.js';
import { createProcessedEvents } from '../../src/store/processed-events.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('conversations on %s', (provider) => {
  let database: TestDatabase;
  let userId: string;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
    await database.prisma.account.create({ data: { id: 'acc_x', name: 'X', kind: 'brand' } });
    const user = await database.prisma.user.create({
      data: { accountId: 'acc_x', displayName: 'X', role: 'requester', kind: 'brand' },
    });
    userId = user.id;
  });
  afterEach(() => database.drop());

  const repo = () => createConversationRepository(database.prisma, database.sql);
  const key = { channel: 'slack' as const, workspace: 'T1', externalKey: 'C1:171.1' };

  it('opens a conversation once per key and keeps its latest reference', async () => {
    const first = await repo().open({ ...key, userId, reference: { channel: 'C1' } });
    expect(first).toMatchObject({ ...key, userId, version: 0, state: {}, reference: { channel: 'C1' } });
    const again = await repo().open({ ...key, userId, reference: { channel: 'C1', thread: '171.1' } });
    expect(again.id).toBe(first.id);
    expect(again.reference).toEqual({ channel: 'C1', thread: '171.1' });
    expect((await repo().byId(first.id))?.reference).toEqual({ channel: 'C1', thread: '171.1' });
    expect(await repo().byId('missing')).toBeNull();
  });

  it('saves state and messages together, and refuses a save based on a stale version', async () => {
    const conversation = await repo().open({ ...key, userId });
    const state = {
      flow: {
        skill: 'tickets',
        name: 'create-ticket',
        step: 'subject',
        slots: { issueType: 'tracking' },
        idempotencyKey: 'k-1',
        startedAt: '2026-11-21T09:00:00.000Z',
      },
      unhelpfulCount: 1,
      memory: {},
    };
    await repo().saveTurn(conversation.id, 0, state, [
      {
        direction: 'in',
        author: 'user',
        authorId: userId,
        text: 'new ticket',
        intent: 'ticket.create',
        confidence: 0.93,
      },
      {
        direction: 'out',
        author: 'bot',
        text: 'What is it about?',
        payload: { type: 'text', text: 'What is it about?' },
      },
    ]);
    const reopened = await repo().open({ ...key, userId });
    expect(reopened.version).toBe(1);
    expect(reopened.state).toEqual(state);

    // A second turn that read version 0 loses, and stores nothing.
    await expect(
      repo().saveTurn(conversation.id, 0, { unhelpfulCount: 0, memory: {} }, [
        { direction: 'in', author: 'user', text: 'late' },
      ]),
    ).rejects.toMatchObject({ code: 'conflict' });
    const lines = await repo().transcript(conversation.id);
    expect(lines.map((l) => [l.direction, l.author, l.text])).toEqual([
      ['in', 'user', 'new ticket'],
      ['out', 'bot', 'What is it about?'],
    ]);
    expect(lines[1]?.payload).toEqual({ type: 'text', text: 'What is it about?' });
    expect(lines[0]?.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(lines[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    // Prisma reads the same rows (dates included).
    const viaPrisma = await database.prisma.message.findMany({ where: { conversationId: conversation.id } });
    expect(viaPrisma.map((m) => m.confidence)).toEqual([0.93, null]);
    expect(viaPrisma[0]?.createdAt.getTime()).toBe(lines[0]?.createdAt.getTime());
  });

  it('lets exactly one of two saves made at once from the same version win, with only its messages', async () => {
    const conversation = await repo().open({ ...key, userId });
    const empty = { unhelpfulCount: 0, memory: {} };
    const results = await Promise.allSettled(
      ['first', 'second'].map((text) =>
        repo().saveTurn(conversation.id, 0, empty, [{ direction: 'in', author: 'user', text }]),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lines = await repo().transcript(conversation.id);
    expect(lines).toHaveLength(1);
    expect((await repo().byId(conversation.id))?.version).toBe(1);
  });

  it('appends messages in order and pages the transcript after an id', async () => {
    const conversation = await repo().open({ ...key, userId });
    const ids = await repo().appendMessages(conversation.id, [
      { direction: 'out', author: 'agent', authorId: userId, text: 'one' },
      { direction: 'out', author: 'system', text: 'two' },
      { direction: 'in', author: 'user', text: 'three' },
    ]);
    expect(ids).toHaveLength(3);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const after = await repo().transcript(conversation.id, { afterId: ids[0]! });
    expect(after.map((l) => l.text)).toEqual(['two', 'three']);
    expect((await repo().transcript(conversation.id, { limit: 1 })).map((l) => l.text)).toEqual(['one']);
  });
});

describe.each(testProviders())('processed events on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(() => database.drop());

  it('lets a key win once, gives it back after a failed turn, and prunes old keys', async () => {
    const events = createProcessedEvents(database.sql);
    const claims = await Promise.all([events.claim('slack:T1:Ev1'), events.claim('slack:T1:Ev1')]);
    expect(claims.sort()).toEqual([false, true]);
    await events.release('slack:T1:Ev1');
    expect(await events.claim('slack:T1:Ev1')).toBe(true);
    expect(await events.prune(new Date(Date.now() - 60_000))).toBe(0);
    expect(await events.prune(new Date(Date.now() + 60_000))).toBe(1);
    expect(await events.claim('slack:T1:Ev1')).toBe(true);
  });
});
