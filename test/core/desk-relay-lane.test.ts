import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeskRelayLane } from '../../src/core/desk-relay-lane.js';
import { PartlyDeliveredError, UndeliverableError } from '../../src/core/outbox-dispatcher.js';
import type { Reply } from '../../src/core/reply.js';
import { createOutbox } from '../../src/store/outbox.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

const text = (replies: readonly Reply[]) => replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');

describe.each(testProviders())('desk relay lane on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(() => database.drop());

  it('posts each chat’s lines once and in order, and keeps them through a failed post', async () => {
    let now = new Date(Date.now() + 1000);
    let platformDown = true;
    const posts: string[] = [];
    const lane = createDeskRelayLane({
      outbox: createOutbox(database.sql),
      lane: 'test-agents',
      logger: pino({ level: 'silent' }),
      clock: () => now,
      async post(handoffId, replies) {
        if (platformDown) throw new Error('platform is down');
        posts.push(`${handoffId}: ${text(replies)}`);
      },
    });

    await lane.queue('h1', 'Ann joined the chat');
    await lane.queue('h1', 'user: my payout is late');
    await lane.queue('h2', 'Bo joined the chat');
    expect(await lane.runOnce()).toBe(0);
    expect(posts).toEqual([]);

    platformDown = false;
    expect(await lane.runOnce()).toBe(0); // not due again before its backoff
    now = new Date(now.getTime() + 60_000);
    await lane.runOnce();
    await lane.runOnce();
    expect(posts.filter((p) => p.startsWith('h1'))).toEqual([
      'h1: Ann joined the chat',
      'h1: user: my payout is late',
    ]);
    expect(posts.filter((p) => p.startsWith('h2'))).toEqual(['h2: Bo joined the chat']);
    expect(await lane.runOnce()).toBe(0);
    expect(posts).toHaveLength(3);
  });

  it('leaves other lanes’ items to the processes that serve them', async () => {
    const outbox = createOutbox(database.sql);
    const posts: string[] = [];
    const slackLane = createDeskRelayLane({
      outbox,
      lane: 'slack-agents',
      logger: pino({ level: 'silent' }),
      post: async (handoffId, replies) => void posts.push(`${handoffId}: ${text(replies)}`),
    });
    const teamsLane = createDeskRelayLane({
      outbox,
      lane: 'teams-agents',
      logger: pino({ level: 'silent' }),
      post: async () => {
        throw new Error('not this lane');
      },
    });
    await slackLane.queue('h1', 'hello');
    expect(await teamsLane.runOnce()).toBe(0);
    expect(await slackLane.runOnce()).toBe(1);
    expect(posts).toEqual(['h1: hello']);
  });

  it('keeps a line with a card under it together, in order with the lines around it', async () => {
    const posts: Array<{ handoffId: string; replies: readonly Reply[] }> = [];
    const lane = createDeskRelayLane({
      outbox: createOutbox(database.sql),
      lane: 'test-agents',
      logger: pino({ level: 'silent' }),
      post: async (handoffId, replies) => void posts.push({ handoffId, replies }),
    });
    const transcript: Reply = {
      type: 'list',
      title: 'The conversation so far',
      items: [{ type: 'card', title: 'Ann', body: 'my payout is late', fields: [], actions: [] }],
      actions: [],
    };
    await lane.queue('h1', 'Sam claimed the chat');
    await lane.queue('h1', [{ type: 'text', text: 'Sam is talking with Ann' }, transcript]);
    await lane.queue('h1', 'Ann: are you there?');
    await lane.runOnce();
    expect(posts.map((p) => p.replies)).toEqual([
      [{ type: 'text', text: 'Sam claimed the chat' }],
      [{ type: 'text', text: 'Sam is talking with Ann' }, transcript],
      [{ type: 'text', text: 'Ann: are you there?' }],
    ]);
  });

  it('gives up the card of a line the platform refuses for good, and posts the next line at once', async () => {
    let now = new Date(Date.now() + 1000);
    const posted: string[] = [];
    // As a channel posts a line with a card under it: each reply alone; a card it can never
    // take (too large) is given up once the line went out, a passing failure retried alone.
    let cardFailure: 'too-large' | 'down' | null = 'too-large';
    const lane = createDeskRelayLane({
      outbox: createOutbox(database.sql),
      lane: 'test-agents',
      logger: pino({ level: 'silent' }),
      clock: () => now,
      async post(handoffId, replies) {
        for (const [i, reply] of replies.entries()) {
          if (reply.type === 'list' && cardFailure === 'too-large')
            throw new UndeliverableError('413 MessageSizeTooBig');
          if (reply.type === 'list' && cardFailure === 'down')
            throw new PartlyDeliveredError('503', replies.slice(i));
          posted.push(`${handoffId}: ${reply.type === 'text' ? reply.text : reply.type}`);
        }
      },
    });
    const transcript: Reply = { type: 'list', title: 'The conversation so far', items: [], actions: [] };

    await lane.queue('h1', [{ type: 'text', text: 'Sam is talking with Ann' }, transcript]);
    await lane.queue('h1', 'Ann: are you there?');
    await lane.runOnce();
    expect(posted).toEqual(['h1: Sam is talking with Ann', 'h1: Ann: are you there?']);

    // A passing failure of the card keeps it, and the lines after it, for a retry of the card only.
    cardFailure = 'down';
    await lane.queue('h2', [{ type: 'text', text: 'Sam is talking with Bo' }, transcript]);
    await lane.queue('h2', 'Bo: hello?');
    await lane.runOnce();
    expect(posted.filter((p) => p.startsWith('h2'))).toEqual(['h2: Sam is talking with Bo']);
    cardFailure = null;
    now = new Date(now.getTime() + 60_000);
    await lane.runOnce();
    await lane.runOnce();
    expect(posted.filter((p) => p.startsWith('h2'))).toEqual([
      'h2: Sam is talking with Bo',
      'h2: list',
      'h2: Bo: hello?',
    ]);
  });
});
