import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import type { TcpProxy } from '../../support/tcp-proxy.js';
import { testProviders } from '../../support/test-database.js';
import type { FakeSlackApi } from './fakes/fake-slack-api.js';
import { postSigned } from './fakes/signed-request.js';
import { appMention, eventCallback, slackTs, threadReply } from './fakes/slack-payloads.js';
import { type SlackBotBehindProxy, startSlackBotBehindProxy } from './slack-outage-fixture.js';
import { postedText, SIGNING_SECRET, USERS } from './slack-test-bot.js';

const CHANNEL = 'C0GENERAL';
const UNAVAILABLE = 'The help desk is temporarily unavailable. Please try again in a minute.';

/** A reply in a channel thread, without a mention, while PostgreSQL is unreachable. */
describe.runIf(testProviders().includes('postgresql'))(
  'a Slack thread follow-up while PostgreSQL is down',
  () => {
    let bot: SlackBotBehindProxy;
    let app: App;
    let fake: FakeSlackApi;
    let proxy: TcpProxy;

    const send = (event: Record<string, unknown>) =>
      postSigned(app.port, JSON.stringify(eventCallback(event)), {
        secret: SIGNING_SECRET,
        contentType: 'application/json',
      });
    const postedIn = (threadTs: string, from: number) =>
      fake
        .callsTo('chat.postMessage')
        .filter(
          (c) => fake.calls.indexOf(c) >= from && c.args.channel === CHANNEL && c.args.thread_ts === threadTs,
        );

    beforeAll(async () => {
      bot = await startSlackBotBehindProxy();
      ({ app, fake, proxy } = bot);
    });
    afterAll(() => bot.close());

    it('answers "temporarily unavailable" in threads the bot follows, and stays out of the others', async () => {
      // Bob mentions the bot while the database is up: the bot answers in the mention's thread.
      const mention = appMention(USERS.bob.id, CHANNEL, 'status of 1000');
      fake.history.set(CHANNEL, [{ ts: mention.ts, user: USERS.bob.id, text: mention.text }]);
      const before = fake.calls.length;
      expect((await send(mention)).status).toBe(200);
      await fake.waitFor(
        'chat.postMessage',
        (c) => fake.calls.indexOf(c) >= before && c.args.thread_ts === mention.ts,
        15_000,
      );

      await proxy.cut();
      const mark = fake.calls.length;
      // A thread started by someone else's message that does not mention the bot: not the bot's.
      const othersTs = slackTs();
      fake.history.set(CHANNEL, [
        { ts: mention.ts, user: USERS.bob.id, text: mention.text },
        { ts: othersTs, user: USERS.alice.id, text: 'lunch anyone?' },
      ]);
      const botsTs = slackTs();
      expect(
        (await send(threadReply(USERS.bob.id, CHANNEL, othersTs, 'me!', { parent_user_id: USERS.alice.id })))
          .status,
      ).toBe(200);
      // Bob follows up in the thread of his mention (its parent is his own message).
      expect(
        (
          await send(
            threadReply(USERS.bob.id, CHANNEL, mention.ts, 'any news?', { parent_user_id: USERS.bob.id }),
          )
        ).status,
      ).toBe(200);
      // A reply in a thread under the bot's own message.
      expect((await send(threadReply(USERS.bob.id, CHANNEL, botsTs, 'thanks'))).status).toBe(200);

      const followUp = await fake.waitFor(
        'chat.postMessage',
        (c) => fake.calls.indexOf(c) >= mark && c.args.thread_ts === mention.ts,
        15_000,
      );
      expect(postedText(followUp)).toBe(UNAVAILABLE);
      const underBot = await fake.waitFor(
        'chat.postMessage',
        (c) => fake.calls.indexOf(c) >= mark && c.args.thread_ts === botsTs,
        15_000,
      );
      expect(postedText(underBot)).toBe(UNAVAILABLE);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(postedIn(othersTs, mark)).toHaveLength(0);
      expect(postedIn(mention.ts, mark)).toHaveLength(1);
      await proxy.restore();
    }, 90_000);
  },
);
