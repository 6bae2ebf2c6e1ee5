import { describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { directMessage } from './fakes/slack-payloads.js';
import { postedText, startSlackTestBot, USERS } from './slack-test-bot.js';

describe.each(testProviders())('Slack at shutdown (%s)', (provider) => {
  it('posts the reply of a message taken just before shutdown before the app stops', async () => {
    const slack = await startSlackTestBot(provider);
    try {
      await slack.settle();
      const mark = slack.mark();
      // Slack answers the post slowly: it is still on its way when shutdown begins.
      slack.fake.delays.set('chat.postMessage', 800);
      expect((await slack.sendEvent(directMessage(USERS.alice.id, 'hello before the shutdown'))).status).toBe(
        200,
      );
      await slack.app.stop();
      const posts = slack.fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage');
      expect(posts).toHaveLength(1);
      expect(postedText(posts[0])).toMatch(/Alice/);
    } finally {
      await slack.fake.stop();
      await slack.database.drop();
    }
  });
});
