import { pino } from 'pino';
import { type App, createApp } from '../../../src/app.js';
import { slackModule } from '../../../src/channels/slack/slack-module.js';
import { loadConfig } from '../../../src/config.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { TcpProxy } from '../../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { FakeSlackApi } from './fakes/fake-slack-api.js';
import { AGENTS_CHANNEL, SIGNING_SECRET, USERS } from './slack-test-bot.js';

/** A Slack bot whose PostgreSQL is reached through a proxy the test can cut (`proxy.cut()`) and restore. */
export interface SlackBotBehindProxy {
  readonly app: App;
  readonly fake: FakeSlackApi;
  readonly proxy: TcpProxy;
  close(): Promise<void>;
}

export async function startSlackBotBehindProxy(): Promise<SlackBotBehindProxy> {
  const fake = new FakeSlackApi();
  await fake.start();
  for (const u of Object.values(USERS)) fake.users.set(u.id, u);
  const database: TestDatabase = await createTestDatabase('postgresql');
  const url = new URL(database.url);
  const proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
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
  const app = await createApp(config, {
    logger: pino({ level: 'silent' }),
    matcher: keywordMatcher(basicRules),
    modules: [slackModule],
  });
  await app.start();
  return {
    app,
    fake,
    proxy,
    async close() {
      await proxy.restore().catch(() => undefined);
      await app.stop().catch(() => undefined);
      await fake.stop();
      await database.drop();
    },
  };
}
