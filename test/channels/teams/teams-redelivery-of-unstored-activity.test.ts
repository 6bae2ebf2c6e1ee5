import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsModule } from '../../../src/channels/teams/teams-module.js';
import { testProviders } from '../../support/test-database.js';
import { echoMatcher, echoModule } from './fakes/echo-skill-module.js';
import { personalMessage, TENANT_ID, teamsUser } from './fakes/teams-activities.js';
import { startTeamsTestBot, type TeamsTestBot } from './fakes/teams-test-bot.js';

/**
 * An activity whose first delivery claimed it and was never stored (its instance went down
 * mid-turn, and the claim could not be given back): a redelivery waits while that claim is
 * fresh, and is answered once it has expired.
 */
describe.each(testProviders())('a Teams redelivery of an activity never stored, on %s', (provider) => {
  let bot: TeamsTestBot;
  beforeAll(async () => {
    bot = await startTeamsTestBot(provider, { modules: [echoModule, teamsModule], matcher: echoMatcher });
  });
  afterAll(async () => bot?.close());

  const claimedAgo = (activity: Record<string, unknown>, minutes: number) => {
    const conversation = activity.conversation as { id: string };
    return bot.database.prisma.processedEvent.create({
      data: {
        key: `teams:${TENANT_ID}:${conversation.id}|${String(activity.id)}`,
        createdAt: new Date(Date.now() - minutes * 60_000),
      },
    });
  };
  const answers = (activity: Record<string, unknown>) =>
    bot.connector.calls.filter((c) => c.activityId === activity.id && c.body.type === 'message');
  const stored = (text: string) => bot.database.prisma.message.count({ where: { direction: 'in', text } });

  it('is answered, once, when the first delivery’s claim has expired', async () => {
    const activity = personalMessage(
      bot.connector.serviceUrl,
      teamsUser('lou', 'Lou Lost'),
      'echo lost once',
    );
    await claimedAgo(activity, 10);
    expect((await bot.post(activity)).status).toBe(200);
    expect(answers(activity).map((c) => c.body.text)).toEqual([expect.stringContaining('lost once')]);
    await bot.post(activity);
    expect(answers(activity)).toHaveLength(1);
    expect(await stored('echo lost once')).toBe(1);
  });

  it('is left to the delivery holding a fresh claim (nothing posted, nothing stored)', async () => {
    const activity = personalMessage(bot.connector.serviceUrl, teamsUser('hal', 'Hal Held'), 'echo held');
    await claimedAgo(activity, 0);
    expect((await bot.post(activity)).status).toBe(200);
    expect(answers(activity)).toHaveLength(0);
    expect(await stored('echo held')).toBe(0);
  });
});
