import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsModule } from '../../../src/channels/teams/teams-module.js';
import { testProviders } from '../../support/test-database.js';
import { echoMatcher, echoModule } from './fakes/echo-skill-module.js';
import { fileAttachment, teamsUser } from './fakes/teams-activities.js';
import { startTeamsTestBot, type TeamsTestBot } from './fakes/teams-test-bot.js';

/** A Teams activity whose sender's name (`from.name`) or file name holds a NUL byte or other control characters. */
describe.each(testProviders())('a Teams user whose name has control characters, on %s', (provider) => {
  let bot: TeamsTestBot;
  beforeAll(async () => {
    bot = await startTeamsTestBot(provider, { modules: [echoModule, teamsModule], matcher: echoMatcher });
  });
  afterAll(async () => bot?.close());

  it('is answered and every message of theirs is stored, under their cleaned name', async () => {
    const chat = bot.chat(teamsUser('nulname', 'Ev\u0000il\u0007 Name'));
    await chat.say('echo hello');
    expect(chat.text()).toContain('hello');
    await chat.say('echo report', { attachments: [fileAttachment('re\u0000port.pdf', 'pdf')] });
    expect(chat.text()).toContain('report.pdf');
    expect(chat.text()).not.toMatch(/went wrong|unavailable/);
    expect(
      await bot.database.prisma.message.count({
        where: { direction: 'in', text: { in: ['echo hello', 'echo report'] } },
      }),
    ).toBe(2);
    const identity = await bot.database.prisma.channelIdentity.findFirst({
      where: { channel: 'teams', externalId: chat.user.aadObjectId },
      include: { user: true },
    });
    expect(identity?.user.displayName).toBe('Evil Name');
  });
});
