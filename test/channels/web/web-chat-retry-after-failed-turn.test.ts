import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import type { AppModule } from '../../../src/app-module.js';
import { loadConfig } from '../../../src/config.js';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { postChat } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { TcpProxy } from '../../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';

describe.runIf(testProviders().includes('postgresql'))(
  'web chat: PostgreSQL goes away in the middle of a turn',
  () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    let app: App;
    let cutNext = false;

    beforeAll(async () => {
      database = await createTestDatabase('postgresql');
      const url = new URL(database.url);
      proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
      url.port = String(await proxy.start());
      url.searchParams.set('connect_timeout', '2');
      // Cuts the database off once the turn has started (its event is claimed, nothing stored yet).
      const cutter: AppModule = {
        name: 'database-cutter',
        create: () => ({
          middleware: [
            async (_ctx, next) => {
              if (cutNext) {
                cutNext = false;
                await proxy.cut();
              }
              await next();
            },
          ],
        }),
      };
      app = await createApp(loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', PORT: '0' }), {
        logger: pino({ level: 'silent' }),
        matcher: keywordMatcher(basicRules),
        modules: [cutter],
      });
      await app.start();
    });
    afterAll(async () => {
      await proxy.restore().catch(() => undefined);
      await app.stop();
      await database.drop();
    });

    it('answers 503, then handles the retry with the same id once the database is back', async () => {
      const ok = await postChat(app.port, { user: 'alice', text: 'hello' });
      const conversation = ok.json<{ conversation: string }>().conversation;

      cutNext = true;
      const down = await postChat(app.port, { user: 'alice', text: 'thanks', conversation, id: 'mid-turn' });
      expect(down.status).toBe(503);

      await proxy.restore();
      let retried = await postChat(app.port, { user: 'alice', text: 'thanks', conversation, id: 'mid-turn' });
      for (let i = 0; i < 20 && retried.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 300));
        retried = await postChat(app.port, { user: 'alice', text: 'thanks', conversation, id: 'mid-turn' });
      }
      expect(retried.status).toBe(200);
      expect(retried.json()).not.toHaveProperty('duplicate');
      expect(retried.json()).toMatchObject({ intent: { name: 'smalltalk.thanks' } });
      expect(await database.prisma.message.count({ where: { text: 'thanks', direction: 'in' } })).toBe(1);

      const again = await postChat(app.port, { user: 'alice', text: 'thanks', conversation, id: 'mid-turn' });
      expect(again.json()).toMatchObject({
        duplicate: true,
        replies: retried.json<{ replies: unknown[] }>().replies,
      });
      expect(await database.prisma.message.count({ where: { text: 'thanks', direction: 'in' } })).toBe(1);
    }, 60_000);
  },
);

describe.each(testProviders())(
  'web chat: a retry while another instance holds the message, on %s',
  (provider) => {
    let bot: TestBot;
    let now = new Date('2026-03-02T10:00:00Z');

    beforeAll(async () => {
      bot = await startTestBot(provider, {
        http: true,
        matcher: keywordMatcher(basicRules),
        modules: [],
        clock: () => now,
      });
    });
    afterAll(() => bot.close());

    it('asks the client to try again (never "duplicate"), and handles the message once that claim has expired', async () => {
      const first = await postChat(bot.app.port, { user: 'alice', text: 'hello' });
      const conversation = first.json<{ conversation: string }>().conversation;
      // Another instance took the message and went down before storing it.
      await bot.database.prisma.processedEvent.create({ data: { key: 'web::alice:held-1', createdAt: now } });

      const held = await postChat(bot.app.port, {
        user: 'alice',
        text: 'thanks',
        conversation,
        id: 'held-1',
      });
      expect(held.status).toBe(503);
      expect(held.headers['retry-after']).toBeDefined();
      expect(held.json()).toMatchObject({ error: 'in_progress' });
      expect(await bot.database.prisma.message.count({ where: { text: 'thanks' } })).toBe(0);

      now = new Date(now.getTime() + 10 * 60_000);
      const later = await postChat(bot.app.port, {
        user: 'alice',
        text: 'thanks',
        conversation,
        id: 'held-1',
      });
      expect(later.status).toBe(200);
      expect(later.json()).toMatchObject({ intent: { name: 'smalltalk.thanks' } });
      expect(await bot.database.prisma.message.count({ where: { text: 'thanks', direction: 'in' } })).toBe(1);
    });
  },
);
