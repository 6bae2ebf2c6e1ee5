import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { FAKE_TEAM } from './fakes/fake-slack-api.js';
import { directMessage } from './fakes/slack-payloads.js';
import { postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

/**
 * An event whose first delivery claimed it and was never stored (its instance went down mid-turn,
 * and the claim could not be given back): Slack's retry waits while that claim is fresh, and is
 * answered once it has expired.
 */
describe.each(testProviders())('a Slack retry of an event never stored, on %s', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider);
  });
  afterAll(() => slack.close());

  const claimedAgo = (id: string, minutes: number) =>
    slack.database.prisma.processedEvent.create({
      data: { key: `slack:${FAKE_TEAM}:${id}`, createdAt: new Date(Date.now() - minutes * 60_000) },
    });
  const stored = (text: string) => slack.database.prisma.message.count({ where: { direction: 'in', text } });

  it('is answered, once, when the first delivery’s claim has expired', async () => {
    await claimedAgo('Ev0LOST00001', 10);
    const mark = slack.mark();
    const event = directMessage(USERS.alice.id, 'hi there');
    expect((await slack.sendEvent(event, { id: 'Ev0LOST00001', retryNum: 2 })).status).toBe(200);
    expect(postedText(await slack.nextPost(mark, 'D0ALICE'))).toMatch(/Alice/);
    expect(await stored('hi there')).toBe(1);

    await slack.sendEvent(event, { id: 'Ev0LOST00001', retryNum: 3 });
    await slack.settle();
    expect(slack.fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(await stored('hi there')).toBe(1);
  });

  it('is left to the delivery holding a fresh claim (nothing posted, nothing stored)', async () => {
    await claimedAgo('Ev0HELD00001', 0);
    const mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.alice.id, 'still running elsewhere'), {
      id: 'Ev0HELD00001',
      retryNum: 1,
    });
    await slack.settle();
    expect(slack.fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
    expect(await stored('still running elsewhere')).toBe(0);
  });
});
