import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bot, createBot } from '../../src/core/bot.js';
import { BotError } from '../../src/core/errors.js';
import type { InboundMessage } from '../../src/core/inbound-message.js';
import { createMetrics } from '../../src/core/metrics.js';
import { loadResponses, type Responses } from '../../src/core/responses.js';
import { createConversationRepository } from '../../src/store/conversation-repository.js';
import { createProcessedEvents, type ProcessedEvents } from '../../src/store/processed-events.js';
import { readSeedDirectory, seedDirectory } from '../../src/store/seed/seed-directory.js';
import { createUserDirectory } from '../../src/store/user-directory.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

/** What a dropped database connection looks like to the pipeline. */
const connectionLost = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/**
 * One bot instance on a shared database, whose store fails while `down` is set (as when the
 * database goes away in the middle of a turn): the turn, and giving its event's claim back, fail.
 */
function instance(database: TestDatabase, responses: Responses, clock: () => Date) {
  const outage = { down: false, cutDuringTurn: false };
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    if (outage.down) throw connectionLost();
    return work();
  };
  const events = createProcessedEvents(database.sql);
  const conversations = createConversationRepository(database.prisma, database.sql);
  const bot: Bot = createBot({
    users: createUserDirectory(database.prisma),
    conversations: {
      ...conversations,
      open: (input) => guard(() => conversations.open(input)),
      saveTurn: (...args) => guard(() => conversations.saveTurn(...args)),
    },
    events: {
      claim: (key, options) => guard(() => events.claim(key, options)),
      release: (key) => guard(() => events.release(key)),
      prune: (before) => guard(() => events.prune(before)),
    } satisfies ProcessedEvents,
    middleware: [],
    route: async (ctx) => {
      if (outage.cutDuringTurn) {
        outage.cutDuringTurn = false;
        outage.down = true;
      }
      ctx.reply({ type: 'text', text: `you said ${ctx.message.text}` });
    },
    responses,
    logger: pino({ level: 'silent' }),
    metrics: createMetrics(),
    clock,
  });
  return { bot, outage };
}

describe.each(testProviders())('a retried event after a failed turn on %s', (provider) => {
  let database: TestDatabase;
  let responses: Responses;
  let now = new Date('2026-03-02T10:00:00Z');
  const clock = () => now;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedDirectory(database.prisma, await readSeedDirectory('content/seed/directory.yml'));
    responses = await loadResponses('content/responses');
  });
  afterAll(() => database.drop());

  let n = 0;
  const message = (text: string, eventId: string): InboundMessage => ({
    eventId,
    channel: 'web',
    workspace: '',
    conversationKey: `retry-${provider}-${++n}`,
    user: { externalId: 'alice' },
    text,
    attachments: [],
  });
  const storedIn = (text: string) => database.prisma.message.count({ where: { direction: 'in', text } });

  it('handles the retry when the database went away mid-turn, also for giving the claim back', async () => {
    const { bot, outage } = instance(database, responses, clock);
    const sent = message('thanks mid-turn', 'mid-turn-1');
    outage.cutDuringTurn = true;
    await expect(bot.handle(sent)).rejects.toMatchObject({ code: 'database_unavailable' });
    outage.down = false;

    const retried = await bot.handle(sent);
    expect(retried.duplicate).toBe(false);
    expect(retried.replies).toEqual([{ type: 'text', text: 'you said thanks mid-turn' }]);
    expect(await storedIn('thanks mid-turn')).toBe(1);

    const again = await bot.handle(sent);
    expect(again.duplicate).toBe(true);
    expect(await storedIn('thanks mid-turn')).toBe(1);
  });

  it('answers a retry of a stored turn (its answer was lost) as a duplicate, on any instance and at any time', async () => {
    const first = instance(database, responses, clock);
    const other = instance(database, responses, clock);
    const sent = message('stored once', 'stored-1');
    expect((await first.bot.handle(sent)).duplicate).toBe(false);

    expect((await other.bot.handle(sent)).duplicate).toBe(true);
    now = new Date(now.getTime() + 30 * 60_000);
    expect((await other.bot.handle(sent)).duplicate).toBe(true);
    expect((await first.bot.handle(sent)).duplicate).toBe(true);
    expect(await storedIn('stored once')).toBe(1);
  });

  it('holds off a retry while another instance holds the claim, and handles it once that claim expires', async () => {
    const crashed = instance(database, responses, clock);
    const other = instance(database, responses, clock);
    const sent = message('after a crash', 'crash-1');
    // The first instance claimed the event and went down before storing anything.
    crashed.outage.cutDuringTurn = true;
    await expect(crashed.bot.handle(sent)).rejects.toBeInstanceOf(BotError);

    const early = await other.bot.handle(sent);
    expect(early).toMatchObject({ duplicate: true, inProgress: true, replies: [] });
    expect(await storedIn('after a crash')).toBe(0);

    now = new Date(now.getTime() + 10 * 60_000);
    const late = await other.bot.handle(sent);
    expect(late.duplicate).toBe(false);
    expect(late.replies).toEqual([{ type: 'text', text: 'you said after a crash' }]);
    expect(await storedIn('after a crash')).toBe(1);
  });

  it('handles the same event sent twice at once only once', async () => {
    const { bot } = instance(database, responses, clock);
    const sent = message('twice at once', 'twice-1');
    const results = await Promise.all([bot.handle(sent), bot.handle(sent)]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(await storedIn('twice at once')).toBe(1);
  });
});
