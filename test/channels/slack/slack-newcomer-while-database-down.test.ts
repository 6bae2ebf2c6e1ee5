import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { slackModule } from '../../../src/channels/slack/slack-module.js';
import { loadConfig } from '../../../src/config.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { TcpProxy } from '../../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';
import { FakeSlackApi } from './fakes/fake-slack-api.js';
import { postSigned } from './fakes/signed-request.js';
import { directMessage, eventCallback } from './fakes/slack-payloads.js';
import { AGENTS_CHANNEL, postedText, SIGNING_SECRET, USERS } from './slack-test-bot.js';

/** Someone the bot has not looked up yet writes while PostgreSQL is unreachable. */
describe.runIf(testProviders().includes('postgresql'))('a Slack newcomer while PostgreSQL is down', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let app: App;
  let fake: FakeSlackApi;

  beforeAll(async () => {
    fake = new FakeSlackApi();
    await fake.start();
    for (const u of Object.values(USERS)) fake.users.set(u.id, u);
    database = await createTestDatabase('postgresql');
    const url = new URL(database.url);
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    url.port = String(await proxy.start());
    url.searchParams.set('connect_timeout', '2');
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      PORT: '0',
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_AGENTS_CHANNEL: AGENTS_CHANNEL,
    });
    app = await createApp(config, {
      logger: pino({ level: 'silent' }),
      matcher: keywordMatcher(basicRules),
      modules: [slackModule],
    });
    await app.start();
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await app.stop().catch(() => undefined);
    await fake.stop();
    await database.drop();
  });

  it('is told the help desk is temporarily unavailable, as someone already known is', async () => {
    await proxy.cut();
    const mark = fake.calls.length;
    const sent = await postSigned(
      app.port,
      JSON.stringify(eventCallback(directMessage(USERS.bob.id, 'status of 1000'))),
      { secret: SIGNING_SECRET, contentType: 'application/json' },
    );
    expect(sent.status).toBe(200);
    const post = await fake.waitFor(
      'chat.postMessage',
      (c) => fake.calls.indexOf(c) >= mark && c.args.channel === 'D0BOB',
      15_000,
    );
    expect(postedText(post)).toBe('The help desk is temporarily unavailable. Please try again in a minute.');
    await proxy.restore();
  }, 60_000);
});
