import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, DeliveryTarget } from '../../src/core/channel.js';
import { createMetrics } from '../../src/core/metrics.js';
import { createOutboxDispatcher, PartlyDeliveredError } from '../../src/core/outbox-dispatcher.js';
import type { Reply } from '../../src/core/reply.js';
import { createConversationRepository } from '../../src/store/conversation-repository.js';
import { createOutbox } from '../../src/store/outbox.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

/**
 * A platform that records what it got. Each post waits (up to 2 s) until
 * `meetAt` posts are in flight at once, so posts made one after another show
 * as a peak of 1.
 */
function recordingChannel(meetAt: number, failFor = new Set<string>()) {
  const posts: Array<{ conversation: string; text: string }> = [];
  let inFlight = 0;
  const peak = { value: 0 };
  const channel: Channel = {
    name: 'web',
    start: async () => {},
    stop: async () => {},
    async deliver(target: DeliveryTarget, replies: readonly Reply[]) {
      inFlight++;
      peak.value = Math.max(peak.value, inFlight);
      const until = performance.now() + 2000;
      while (inFlight < meetAt && peak.value < meetAt && performance.now() < until) {
        await new Promise((r) => setTimeout(r, 2));
      }
      inFlight--;
      if (failFor.has(target.externalKey)) throw new Error('platform is down');
      for (const r of replies)
        posts.push({ conversation: target.externalKey, text: (r as { text: string }).text });
    },
  };
  return { channel, posts, peak };
}

describe.each(testProviders())('outbox dispatcher on %s', (provider) => {
  let database: TestDatabase;
  const keys = ['a', 'b', 'c', 'd'];
  beforeEach(async () => {
    database = await createTestDatabase(provider);
    await database.prisma.account.create({ data: { id: 'acc_x', name: 'X', kind: 'brand' } });
    const user = await database.prisma.user.create({
      data: { accountId: 'acc_x', displayName: 'X', role: 'requester', kind: 'brand' },
    });
    for (const key of keys) {
      await database.prisma.conversation.create({
        data: { id: `conv-${key}`, channel: 'web', externalId: key, userId: user.id },
      });
    }
  });
  afterEach(() => database.drop());

  const dispatcherWith = (channel: Channel, maxAttempts = 12) =>
    createOutboxDispatcher({
      outbox: createOutbox(database.sql),
      conversations: createConversationRepository(database.prisma, database.sql),
      channels: new Map([['web', channel]]),
      logger: pino({ level: 'silent' }),
      metrics: createMetrics(),
      maxAttempts,
    });
  const text = (t: string): Reply[] => [{ type: 'text', text: t }];

  it('delivers every conversation side by side, each in its own order, and adds them to the transcript', async () => {
    const outbox = createOutbox(database.sql);
    for (let i = 1; i <= 3; i++) {
      for (const key of keys)
        await outbox.enqueue(`conv-${key}`, 'web', text(`${key}${i}`), { author: 'agent' });
    }
    const { channel, posts, peak } = recordingChannel(keys.length);
    expect(await dispatcherWith(channel).runOnce()).toBe(12);

    for (const key of keys) {
      expect(posts.filter((p) => p.conversation === key).map((p) => p.text)).toEqual([
        `${key}1`,
        `${key}2`,
        `${key}3`,
      ]);
      const transcript = await createConversationRepository(database.prisma, database.sql).transcript(
        `conv-${key}`,
      );
      expect(transcript.map((l) => [l.author, l.text])).toEqual([
        ['agent', `${key}1`],
        ['agent', `${key}2`],
        ['agent', `${key}3`],
      ]);
    }
    // The four conversations' messages were on their way at the same time.
    expect(peak.value).toBe(keys.length);
  });

  it('keeps a message for later while its platform is down, and gives up after the last attempt', async () => {
    const outbox = createOutbox(database.sql);
    await outbox.enqueue('conv-a', 'web', text('to a'));
    await outbox.enqueue('conv-b', 'web', text('to b'));
    const { channel, posts } = recordingChannel(1, new Set(['a']));
    expect(await dispatcherWith(channel, 1).runOnce()).toBe(1);
    expect(posts.map((p) => p.text)).toEqual(['to b']);
    const rows = await database.prisma.outboundMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([
      ['failed', 'platform is down'],
      ['sent', null],
    ]);
  });

  it('tries again only the part a platform did not take, also on another instance, and keeps the whole message in the transcript once', async () => {
    const outbox = createOutbox(database.sql);
    await outbox.enqueue('conv-a', 'web', [...text('part 1'), ...text('part 2'), ...text('part 3')], {
      author: 'agent',
    });
    // A platform that posts one reply per message and fails once on the second message.
    const posts: string[] = [];
    let failures = 0;
    const channel: Channel = {
      name: 'web',
      start: async () => {},
      stop: async () => {},
      async deliver(_target, replies) {
        for (const [i, reply] of replies.entries()) {
          if (i === 1 && failures++ === 0)
            throw new PartlyDeliveredError('platform hiccup', replies.slice(i));
          posts.push((reply as { text: string }).text);
        }
      },
    };
    let now = new Date();
    // What is left to send is kept with the item: a second instance (or a restart) resumes it.
    const instance = () =>
      createOutboxDispatcher({
        outbox: createOutbox(database.sql),
        conversations: createConversationRepository(database.prisma, database.sql),
        channels: new Map([['web', channel]]),
        logger: pino({ level: 'silent' }),
        metrics: createMetrics(),
        clock: () => now,
      });
    expect(await instance().runOnce()).toBe(0);
    expect(posts).toEqual(['part 1']);

    now = new Date(now.getTime() + 60_000);
    expect(await instance().runOnce()).toBe(1);
    expect(posts).toEqual(['part 1', 'part 2', 'part 3']);
    const transcript = await createConversationRepository(database.prisma, database.sql).transcript('conv-a');
    expect(transcript.map((l) => l.text)).toEqual(['part 1', 'part 2', 'part 3']);
    const rows = await database.prisma.outboundMessage.findMany();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['sent', 2]]);
  });

  it("leaves another channel's messages in the outbox for a process that delivers through it", async () => {
    const outbox = createOutbox(database.sql);
    await database.prisma.conversation.update({ where: { id: 'conv-b' }, data: { channel: 'slack' } });
    await outbox.enqueue('conv-a', 'web', text('to web'), { author: 'agent' });
    await outbox.enqueue('conv-b', 'slack', text('to slack'), { author: 'agent' });
    const { channel, posts } = recordingChannel(1);
    expect(await dispatcherWith(channel).runOnce()).toBe(1);
    expect(posts.map((p) => p.text)).toEqual(['to web']);
    const slack = await database.prisma.outboundMessage.findMany({ where: { channel: 'slack' } });
    expect(slack.map((r) => [r.status, r.attempts])).toEqual([['pending', 0]]);
    const transcript = await createConversationRepository(database.prisma, database.sql).transcript('conv-b');
    expect(transcript).toEqual([]);
  });

  it('does not start when no channel delivers through this process (the terminal chat)', async () => {
    const outbox = createOutbox(database.sql);
    await outbox.enqueue('conv-a', 'web', text('to web'));
    let leases = 0;
    const dispatcher = createOutboxDispatcher({
      outbox: {
        ...outbox,
        lease: (...args) => {
          leases++;
          return outbox.lease(...args);
        },
      },
      conversations: createConversationRepository(database.prisma, database.sql),
      channels: new Map(),
      logger: pino({ level: 'silent' }),
      metrics: createMetrics(),
      intervalMs: 5,
    });
    dispatcher.start();
    dispatcher.wake();
    await new Promise((r) => setTimeout(r, 100));
    await dispatcher.stop();
    expect(leases).toBe(0);
    const rows = await database.prisma.outboundMessage.findMany();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['pending', 0]]);
  });
});
