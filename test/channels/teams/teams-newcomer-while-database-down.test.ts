import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { teamsModule } from '../../../src/channels/teams/teams-module.js';
import { loadConfig } from '../../../src/config.js';
import { TcpProxy } from '../../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';
import { echoMatcher, echoModule } from './fakes/echo-skill-module.js';
import { FakeBotConnector } from './fakes/fake-bot-connector.js';
import { personalMessage, teamsUser } from './fakes/teams-activities.js';
import { postActivity } from './fakes/teams-test-bot.js';

/** Someone the bot has not looked up yet writes while PostgreSQL is unreachable. */
describe.runIf(testProviders().includes('postgresql'))('a Teams newcomer while PostgreSQL is down', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let app: App;
  let connector: FakeBotConnector;

  beforeAll(async () => {
    connector = new FakeBotConnector();
    await connector.start();
    database = await createTestDatabase('postgresql');
    const url = new URL(database.url);
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    url.port = String(await proxy.start());
    url.searchParams.set('connect_timeout', '2');
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config, {
      logger: pino({ level: 'silent' }),
      matcher: echoMatcher,
      modules: [echoModule, teamsModule],
    });
    await app.start();
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await app.stop().catch(() => undefined);
    await connector.close();
    await database.drop();
  });

  it('is answered 200 and told the help desk is temporarily unavailable', async () => {
    await proxy.cut();
    const activity = personalMessage(connector.serviceUrl, teamsUser('nia', 'Nia Newcomer'), 'echo hello');
    const answer = await postActivity(app.port, activity);
    await proxy.restore();
    expect(answer.status).toBe(200);
    const said = connector.calls
      .filter((c) => c.activityId === activity.id && c.body.type === 'message')
      .map((c) => c.body.text);
    expect(said).toEqual(['The help desk is temporarily unavailable. Please try again in a minute.']);
  }, 60_000);
});
