import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_KEY_RETENTION_MS, startEventKeyPruner } from '../../src/core/event-key-pruner.js';
import { createProcessedEvents } from '../../src/store/processed-events.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('event key pruner on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(() => database.drop());

  it('forgets keys older than the retention, keeps the recent ones', async () => {
    const now = new Date('2026-11-21T12:00:00.000Z');
    const at = (msAgo: number) => new Date(now.getTime() - msAgo);
    await database.prisma.processedEvent.createMany({
      data: [
        { key: 'old', createdAt: at(EVENT_KEY_RETENTION_MS + 1000) },
        { key: 'recent', createdAt: at(60_000) },
      ],
    });
    const events = createProcessedEvents(database.sql);
    const pruner = startEventKeyPruner({ events, logger: pino({ level: 'silent' }), clock: () => now });
    expect(await pruner.pruneNow()).toBe(1);
    pruner.stop();
    expect(await events.claim('old')).toBe(true); // forgotten: a new event
    expect(await events.claim('recent')).toBe(false); // still a duplicate
  });
});
