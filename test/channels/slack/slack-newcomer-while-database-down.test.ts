import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import type { TcpProxy } from '../../support/tcp-proxy.js';
import { testProviders } from '../../support/test-database.js';
import type { FakeSlackApi } from './fakes/fake-slack-api.js';
import { postSigned } from './fakes/signed-request.js';
import { directMessage, eventCallback } from './fakes/slack-payloads.js';
import { type SlackBotBehindProxy, startSlackBotBehindProxy } from './slack-outage-fixture.js';
import { postedText, SIGNING_SECRET, USERS } from './slack-test-bot.js';

/** Someone the bot has not looked up yet writes while PostgreSQL is unreachable. */
describe.runIf(testProviders().includes('postgresql'))('a Slack newcomer while PostgreSQL is down', () => {
  let bot: SlackBotBehindProxy;
  let app: App;
  let fake: FakeSlackApi;
  let proxy: TcpProxy;

  beforeAll(async () => {
    bot = await startSlackBotBehindProxy();
    ({ app, fake, proxy } = bot);
  });
  afterAll(() => bot.close());

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
