import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLiveBus } from '../../src/live/memory-live-bus.js';
import { createPostgresLiveBus } from '../../src/live/postgres-live-bus.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

type Signal = { kind: string; id: number };

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the in-process live bus', () => {
  it('delivers each signal to every subscriber, as a copy, until unsubscribed', async () => {
    const bus = createMemoryLiveBus<Signal>();
    const a: Signal[] = [];
    const b: Signal[] = [];
    bus.subscribe((s) => a.push(s));
    const stopB = bus.subscribe((s) => b.push(s));
    const signal = { kind: 'x', id: 1 };
    await bus.publish(signal);
    signal.id = 99;
    await until(() => a.length === 1 && b.length === 1);
    expect(a).toEqual([{ kind: 'x', id: 1 }]);
    stopB();
    await bus.publish({ kind: 'x', id: 2 });
    await until(() => a.length === 2);
    expect(b).toHaveLength(1);
  });
});

describe.skipIf(!testProviders().includes('postgresql'))('the PostgreSQL live bus', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
  });
  afterAll(() => database.drop());
  const logger = pino({ level: 'silent' });

  it('reaches the listeners of every instance, in order, comes back after a lost connection, ignores junk', async () => {
    let reconnected = 0;
    const one = createPostgresLiveBus<Signal>({
      url: database.url,
      channel: 'test_live',
      logger,
      reconnectMs: 50,
      onReconnect: () => reconnected++,
    });
    const two = createPostgresLiveBus<Signal>({
      url: database.url,
      channel: 'test_live',
      logger,
      reconnectMs: 50,
      onReconnect: () => reconnected++,
    });
    await one.start();
    await two.start();
    const seenOne: number[] = [];
    const seenTwo: number[] = [];
    one.subscribe((s) => seenOne.push(s.id));
    two.subscribe((s) => seenTwo.push(s.id));
    for (let id = 1; id <= 50; id++) await one.publish({ kind: 'n', id });
    await until(() => seenOne.length === 50 && seenTwo.length === 50);
    expect(seenTwo).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(seenOne).toEqual(seenTwo);

    // The database drops the listening sessions (a failover, an admin): they reconnect.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'helpdesk-live' AND datname = current_database()",
    );
    // Signals sent while a listener is away are lost (readers resync on onReconnect).
    await until(() => reconnected === 2);
    await admin.query("NOTIFY test_live, 'not json'");
    await admin.end();
    await two.publish({ kind: 'n', id: 51 });
    await until(() => seenOne.includes(51) && seenTwo.includes(51));
    expect(seenTwo).toHaveLength(51);
    expect(seenOne).toHaveLength(51);
    await one.stop();
    await two.stop();
  });
});
