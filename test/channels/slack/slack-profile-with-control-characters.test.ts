import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { directMessage } from './fakes/slack-payloads.js';
import { postedText, type SlackTestBot, startSlackTestBot } from './slack-test-bot.js';

/** A Slack profile (users.info) whose name or e-mail holds a NUL byte or other control characters. */
describe.each(testProviders())('a Slack user whose profile has control characters, on %s', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider);
    slack.fake.users.set('U0NUL', {
      name: 'u0nul',
      realName: 'Nul\u0000Name\u001b[2J',
      email: 'nul\u0000@x.example',
    });
  });
  afterAll(() => slack.close());

  it('is answered and every message of theirs is stored, under their cleaned name', async () => {
    const seen: string[] = [];
    for (const text of ['hello', 'thanks']) {
      const mark = slack.mark();
      expect((await slack.sendEvent(directMessage('U0NUL', text))).status).toBe(200);
      seen.push(postedText(await slack.nextPost(mark, 'D0NUL')));
    }
    expect(seen.join('\n')).not.toMatch(/unavailable|went wrong/);
    expect(
      await slack.database.prisma.message.count({
        where: { direction: 'in', text: { in: ['hello', 'thanks'] } },
      }),
    ).toBe(2);
    const identity = await slack.database.prisma.channelIdentity.findFirst({
      where: { channel: 'slack', externalId: 'U0NUL' },
      include: { user: true },
    });
    expect(identity?.user.displayName).toBe('NulName');
  });
});
