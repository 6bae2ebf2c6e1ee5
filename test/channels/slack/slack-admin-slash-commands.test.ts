import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../../src/app-modules.js';
import { loadIntentMatcher } from '../../../src/nlu-matcher.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import { slashCommand } from './fakes/slack-payloads.js';
import { postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

/** Slack sends only the words after `/helpdesk`; each sub-command still reaches its command. */
describe('Slack: /helpdesk sub-commands', () => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    const matcher = await loadIntentMatcher({
      intentsDir: resolve('intents'),
      cacheDir: resolve('data/cache'),
    });
    slack = await startSlackTestBot('sqlite', { modules: appModules, matcher });
    // The seeded admin, linked by her Slack e-mail.
    slack.fake.users.set('U0ADA', { name: 'ada', realName: 'Ada Admin', email: 'ada@support.example' });
  });
  afterAll(() => slack.close());

  async function command(user: string, text: string): Promise<string> {
    const mark = slack.mark();
    const answer = await slack.sendCommand(
      slashCommand(user, 'C0GENERAL', text, slack.fake.responseUrl(`cmd-${mark}`)),
    );
    expect(answer.status).toBe(200);
    const response = await slack.fake.waitFor(
      'response_url',
      (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark,
    );
    return postedText(response);
  }

  it('Ada: /helpdesk reload-docs → the help docs are reloaded', async () => {
    expect(await command('U0ADA', 'reload-docs')).toMatch(/Help docs reloaded: \d+ articles/);
  });

  it('Ada: /helpdesk stats → the statistics', async () => {
    expect(await command('U0ADA', 'stats')).toMatch(/In the last 30 days:/);
  });

  it('Alice: /helpdesk reload-docs → only admins may', async () => {
    expect(await command(USERS.alice.id, 'reload-docs')).toContain('Only admins can reload the help docs.');
  });

  it('Alice: /helpdesk reload-doc (no such sub-command) → the command help', async () => {
    expect(await command(USERS.alice.id, 'reload-doc')).toMatch(/Here's what I can do/);
  });

  it('Alice: /helpdesk <a question> → answered as the question', async () => {
    const seen = slack.inbound.length;
    await command(USERS.alice.id, 'how do I set up the tracking pixel?');
    expect(slack.inbound[seen]?.text).toBe('how do I set up the tracking pixel?');
  });
});
