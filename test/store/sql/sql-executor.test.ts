import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDate } from '../../../src/store/sql/sql-executor.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';

describe.each(testProviders())('hand-written SQL on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(() => database.drop());

  const countEvents = async () =>
    Number((await database.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM "ProcessedEvent"'))?.n);

  it('writes dates that Prisma reads back, and reads the dates Prisma writes', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    await database.sql.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
      'k1',
      database.sql.date(at),
    ]);
    const viaPrisma = await database.prisma.processedEvent.findUniqueOrThrow({ where: { key: 'k1' } });
    expect(viaPrisma.createdAt.toISOString()).toBe(at.toISOString());

    const later = new Date('2026-03-05T00:00:00.001Z');
    await database.prisma.processedEvent.create({ data: { key: 'k2', createdAt: later } });
    const row = await database.sql.get<{ createdAt: unknown }>(
      'SELECT "createdAt" FROM "ProcessedEvent" WHERE "key" = ?',
      ['k2'],
    );
    expect(readDate(row?.createdAt).toISOString()).toBe(later.toISOString());
    // Comparisons in SQL agree with the dates' order.
    const before = await database.sql.all<{ key: string }>(
      'SELECT "key" FROM "ProcessedEvent" WHERE "createdAt" < ? ORDER BY "key"',
      [database.sql.date(later)],
    );
    expect(before.map((r) => r.key)).toEqual(['k1']);
  });

  it('commits a transaction as a whole, and rolls it back as a whole when it throws', async () => {
    await database.sql.transaction(async (tx) => {
      await tx.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
        'a',
        database.sql.date(new Date()),
      ]);
      await tx.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
        'b',
        database.sql.date(new Date()),
      ]);
    });
    await expect(
      database.sql.transaction(async (tx) => {
        await tx.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
          'c',
          database.sql.date(new Date()),
        ]);
        // A duplicate key: the statement fails, and "c" goes with it.
        await tx.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
          'a',
          database.sql.date(new Date()),
        ]);
      }),
    ).rejects.toThrow();
    expect(await countEvents()).toBe(2);
  });

  it('never runs inside a Prisma transaction, nor lets Prisma into its own', async () => {
    // A Prisma transaction that is rolled back while hand-written statements and
    // transactions are issued in the middle of it: none of them may be lost with it.
    const prismaTx = database.prisma
      .$transaction(async (tx) => {
        await tx.processedEvent.create({ data: { key: 'prisma-rolled-back' } });
        await new Promise((r) => setTimeout(r, 30));
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await new Promise((r) => setTimeout(r, 5));
    const raw = database.sql.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
      'raw-single',
      database.sql.date(new Date()),
    ]);
    const rawTx = database.sql.transaction(async (tx) => {
      await tx.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
        'raw-tx',
        database.sql.date(new Date()),
      ]);
      await new Promise((r) => setTimeout(r, 10));
      await tx.run('INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?)', [
        'raw-tx-2',
        database.sql.date(new Date()),
      ]);
    });
    const viaPrisma = database.prisma.processedEvent.create({ data: { key: 'prisma-single' } });
    expect(await prismaTx).toBe('roll back');
    await Promise.all([raw, rawTx, viaPrisma]);
    const keys = (
      await database.sql.all<{ key: string }>('SELECT "key" FROM "ProcessedEvent" ORDER BY "key"')
    ).map((r) => r.key);
    expect(keys).toEqual(['prisma-single', 'raw-single', 'raw-tx', 'raw-tx-2']);
  });

  it('counts the rows a write changed', async () => {
    const insert =
      'INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?) ON CONFLICT ("key") DO NOTHING';
    expect(await database.sql.run(insert, ['x', database.sql.date(new Date())])).toBe(1);
    expect(await database.sql.run(insert, ['x', database.sql.date(new Date())])).toBe(0);
    expect(await database.sql.run('DELETE FROM "ProcessedEvent" WHERE "key" = ?', ['missing'])).toBe(0);
  });
});
