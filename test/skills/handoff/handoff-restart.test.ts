import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { HandoffInternals } from '../../../src/skills/handoff/handoff-module.js';
import { createHandoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { Chat } from '../../support/conversation.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';
import { fakeTicketsModule } from './fake-tickets.js';
import { handoffRules, webChannelModule } from './handoff-kit.js';

describe.each(testProviders())('live chats across a restart on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  const start = async (): Promise<{ app: App; inner: HandoffInternals }> => {
    let inner: HandoffInternals | null = null;
    const app = await createApp(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), {
      http: false,
      logger: pino({ level: 'silent' }),
      matcher: keywordMatcher(handoffRules),
      modules: [
        fakeTicketsModule(),
        createHandoffModule({
          queueUpdateDelayMs: 0,
          onCreated: (i) => {
            inner = i;
          },
        }),
        webChannelModule,
      ],
    });
    await app.start();
    return { app, inner: inner as unknown as HandoffInternals };
  };

  it('keeps the queue and the chats in progress', async () => {
    const first = await start();
    const sam = (await first.inner.deps.agents.userByWebId('sam'))!;
    await first.inner.desk.setAvailability(sam, 'online');
    await new Chat(first.app, 'alice', 'web', 'restart-alice').say('agent please');
    await new Chat(first.app, 'bob', 'web', 'restart-bob').say('agent please');
    const [alices, bobs] = await first.inner.desk.queue();
    expect((await first.inner.desk.claim(sam, bobs!.handoffId)).ok).toBe(true);
    await first.app.stop();

    const second = await start();
    const queue = await second.inner.desk.queue();
    expect(queue.map((c) => [c.handoffId, c.status, c.position])).toEqual([
      [alices!.handoffId, 'pending', 1],
    ]);
    expect((await second.inner.desk.chatsOf(sam)).map((c) => c.handoffId)).toEqual([bobs!.handoffId]);

    const bob = new Chat(second.app, 'bob', 'web', 'restart-bob');
    await bob.say('still there after the restart?');
    expect(bob.replies).toEqual([]);
    const transcript = await second.inner.desk.transcript(bobs!.handoffId);
    expect(transcript.at(-1)).toMatchObject({ author: 'user', text: 'still there after the restart?' });
    await second.inner.desk.reply(sam, bobs!.handoffId, 'Yes, still here.');
    await second.app.stop();
  });
});
