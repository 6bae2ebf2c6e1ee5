import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { directMessage } from './fakes/slack-payloads.js';
import { postedText, startSlackTestBot, USERS } from './slack-test-bot.js';

describe.each(testProviders())('the terminal chat on the Slack bot database (%s)', (provider) => {
  it('leaves Slack messages to the process with the Slack channel, which posts them', async () => {
    const slack = await startSlackTestBot(provider);
    // `npm run chat`: the whole bot without HTTP, so without Slack and Teams.
    const terminal = await createApp(loadConfig({ DATABASE_URL: slack.database.url, LOG_LEVEL: 'silent' }), {
      http: false,
      logger: pino({ level: 'silent' }),
      matcher: keywordMatcher(basicRules),
    });
    await terminal.start();
    try {
      await slack.sendEvent(directMessage(USERS.alice.id, 'hello there'));
      await slack.settle();
      const conversation = await slack.database.prisma.conversation.findFirstOrThrow({
        where: { channel: 'slack' },
      });
      const mark = slack.mark();
      // Queued by the terminal process (an agent answering there, a ticket update).
      await terminal.services.notifier.send(conversation.id, [
        { type: 'text', text: 'Your ticket #1042 was answered.' },
      ]);
      const post = await slack.nextPost(mark, 'D0ALICE', undefined, 10_000);
      expect(postedText(post)).toContain('Your ticket #1042 was answered.');
      await expect
        .poll(async () => (await slack.database.prisma.outboundMessage.findMany()).map((r) => r.status))
        .toEqual(['sent']);
    } finally {
      await terminal.stop();
      await slack.close();
    }
  });
});
