import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { teamsModule } from '../../../src/channels/teams/teams-module.js';
import { testProviders } from '../../support/test-database.js';
import { echoMatcher, echoModule } from './fakes/echo-skill-module.js';
import { personalInstall, teamInstall, teamsUser } from './fakes/teams-activities.js';
import { startTeamsTestBot, type TeamsTestBot } from './fakes/teams-test-bot.js';

/**
 * The Bot Framework delivers an activity again when it got no timely answer: the install's
 * conversationUpdate (same activity id) is handled once, as a message is, so the welcome is
 * posted once. Installing again later (a new activity) is welcomed again.
 */
describe.each(testProviders())('Teams: an install activity delivered again (%s)', (provider) => {
  let bot: TeamsTestBot;
  beforeAll(async () => {
    bot = await startTeamsTestBot(provider, { modules: [echoModule, teamsModule], matcher: echoMatcher });
  });
  afterAll(() => bot?.close());

  const welcomes = (activityId: unknown) =>
    bot.connector.calls.filter((c) => c.activityId === activityId && c.body?.type === 'message');

  it('welcomes a personal chat once', async () => {
    const install = personalInstall(bot.connector.serviceUrl, teamsUser('ivy', 'Ivy Install'));
    expect((await bot.post(install)).status).toBe(200);
    expect((await bot.post(install)).status).toBe(200);
    expect(welcomes(install.id).map((c) => c.body.text)).toEqual([
      expect.stringMatching(/^Hi Ivy! I'm the help desk bot/),
    ]);
  });

  it('welcomes a team once, also when both deliveries arrive together', async () => {
    const install = teamInstall(bot.connector.serviceUrl, teamsUser('tom', 'Tom Teamowner'));
    const answers = await Promise.all([bot.post(install), bot.post(install)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(welcomes(install.id).map((c) => c.body.text)).toEqual([expect.stringMatching(/Mention me/)]);
  });

  it('welcomes again when the bot is installed again later (a new activity)', async () => {
    const una = teamsUser('una', 'Una Again');
    const first = personalInstall(bot.connector.serviceUrl, una);
    await bot.post(first);
    const again = personalInstall(bot.connector.serviceUrl, una);
    await bot.post(again);
    await bot.post(again);
    expect(welcomes(first.id)).toHaveLength(1);
    expect(welcomes(again.id)).toHaveLength(1);
  });

  it('welcomes on the redelivery when the first delivery could neither post nor queue the welcome', async () => {
    const install = personalInstall(bot.connector.serviceUrl, teamsUser('ora', 'Ora Outage'));
    // The installer's chat cannot be stored (so the welcome cannot be queued) and Teams is down.
    const open = vi.spyOn(bot.app.services.conversations, 'open').mockRejectedValueOnce(new Error('lost'));
    bot.connector.down = true;
    try {
      expect((await bot.post(install)).status).toBe(500);
    } finally {
      bot.connector.down = false;
      open.mockRestore();
    }
    expect((await bot.post(install)).status).toBe(200);
    expect(welcomes(install.id).map((c) => c.body.text)).toEqual([expect.stringMatching(/^Hi Ora!/)]);
  });
});
