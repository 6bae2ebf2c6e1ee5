import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { postChat } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { TcpProxy } from '../../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';

describe.runIf(testProviders().includes('postgresql'))('web chat while PostgreSQL is down', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    const url = new URL(database.url);
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    url.port = String(await proxy.start());
    url.searchParams.set('connect_timeout', '2');
    app = await createApp(loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', PORT: '0' }), {
      logger: pino({ level: process.env.DEBUG_DB_DOWN ? 'error' : 'silent' }),
      matcher: keywordMatcher(basicRules),
      modules: [],
    });
    await app.start();
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await app.stop();
    await database.drop();
  });

  it('answers 503 with a clear message, then takes the same message once the database is back', async () => {
    const ok = await postChat(app.port, { user: 'alice', text: 'hello' });
    expect(ok.status).toBe(200);
    const conversation = ok.json<{ conversation: string }>().conversation;

    await proxy.cut();
    const down = await postChat(app.port, { user: 'alice', text: 'thanks', conversation, id: 'retry-me' });
    expect(down.status).toBe(503);
    expect(down.json()).toEqual({
      error: 'database_unavailable',
      message: 'The help desk is temporarily unavailable. Please try again in a minute.',
    });
    expect(down.text).not.toMatch(/at .*\.ts|Error:|stack/i);

    await proxy.restore();
    let retried = await postChat(app.port, { user: 'alice', text: 'thanks', conversation, id: 'retry-me' });
    for (let i = 0; i < 10 && retried.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 300));
      retried = await postChat(app.port, { user: 'alice', text: 'thanks', conversation, id: 'retry-me' });
    }
    expect(retried.status).toBe(200);
    expect(retried.json()).toMatchObject({ intent: { name: 'smalltalk.thanks' } });
    expect(retried.json()).not.toHaveProperty('duplicate');
    const stored = await database.prisma.message.count({ where: { text: 'thanks', direction: 'in' } });
    expect(stored).toBe(1);
  }, 60_000);
});
