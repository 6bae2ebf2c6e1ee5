import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/store/outbox.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('outbox on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
    await database.prisma.account.create({ data: { id: 'acc_x', name: 'X', kind: 'brand' } });
    const user = await database.prisma.user.create({
      data: { accountId: 'acc_x', displayName: 'X', role: 'requester', kind: 'brand' },
    });
    for (const key of ['a', 'b']) {
      await database.prisma.conversation.create({
        data: { id: `conv-${key}`, channel: 'web', externalId: key, userId: user.id },
      });
    }
  });
  afterEach(() => database.drop());

  const text = (t: string) => [{ type: 'text' as const, text: t }];

  it("delivers one conversation's messages in order: a row waits while an earlier one is pending", async () => {
    const outbox = createOutbox(database.sql);
    await outbox.enqueue('conv-a', 'web', text('a1'));
    await outbox.enqueue('conv-a', 'web', text('a2'));
    await outbox.enqueue('conv-b', 'web', text('b1'));
    const now = new Date(Date.now() + 1000);
    const first = await outbox.lease(10, now, ['web']);
    expect(first.map((i) => (i.replies[0] as { text: string }).text)).toEqual(['a1', 'b1']);
    // A second instance leasing now gets nothing: a1 and b1 are leased, a2 waits for a1.
    expect(await outbox.lease(10, now, ['web'])).toEqual([]);
    await outbox.markSent(first[0]!.id, now);
    const second = await outbox.lease(10, now, ['web']);
    expect(second.map((i) => (i.replies[0] as { text: string }).text)).toEqual(['a2']);
  });

  it('leases other conversations while one has a long line waiting behind a failed message', async () => {
    const outbox = createOutbox(database.sql);
    for (let i = 0; i < 60; i++) await outbox.enqueue('conv-a', 'web', text(`a${i}`));
    await outbox.enqueue('conv-b', 'web', text('b1'));
    const now = new Date(Date.now() + 1000);
    const [head] = await outbox.lease(1, now, ['web']);
    expect((head!.replies[0] as { text: string }).text).toBe('a0');
    await outbox.markFailed(head!.id, 'platform down', new Date(now.getTime() + 600_000));
    // a1…a59 are due but wait for a0; a batch of 50 must still reach conv-b.
    const next = await outbox.lease(50, now, ['web']);
    expect(next.map((i) => (i.replies[0] as { text: string }).text)).toEqual(['b1']);
  });

  it('retries a failed delivery later and gives up after the last attempt', async () => {
    const outbox = createOutbox(database.sql);
    await outbox.enqueue('conv-a', 'web', text('x'));
    const now = new Date(Date.now() + 1000);
    const [item] = await outbox.lease(10, now, ['web']);
    await outbox.markFailed(item!.id, 'platform down', new Date(now.getTime() + 60_000));
    expect(await outbox.lease(10, now, ['web'])).toEqual([]);
    const later = await outbox.lease(10, new Date(now.getTime() + 61_000), ['web']);
    expect(later).toHaveLength(1);
    expect(later[0]!.attempts).toBe(2);
    await outbox.markFailed(later[0]!.id, 'still down', null);
    expect(await outbox.lease(10, new Date(now.getTime() + 3_600_000), ['web'])).toEqual([]);
  });

  it("leases only the channels it is given: another process's items stay pending for it", async () => {
    const outbox = createOutbox(database.sql);
    await database.prisma.conversation.update({ where: { id: 'conv-b' }, data: { channel: 'slack' } });
    await outbox.enqueue('conv-a', 'web', text('to web'));
    await outbox.enqueue('conv-b', 'slack', text('to slack'));
    const now = new Date(Date.now() + 1000);
    expect(await outbox.lease(10, now, [])).toEqual([]);
    const web = await outbox.lease(10, now, ['web', 'teams']);
    expect(web.map((i) => i.channel)).toEqual(['web']);
    const rows = await database.prisma.outboundMessage.findMany({ where: { channel: 'slack' } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['pending', 0]]);
    const slack = await outbox.lease(10, now, ['slack']);
    expect(slack.map((i) => (i.replies[0] as { text: string }).text)).toEqual(['to slack']);
  });
});
