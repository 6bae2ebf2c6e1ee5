import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/conversation.js';
import { basicRules, keywordMatcher } from '../support/keyword-matcher.js';
import { testProviders } from '../support/test-database.js';

const TOO_OLD =
  'That button is too old and I no longer have what it carried. Please send your request again.';

/**
 * Buttons a user pressed in a message of an older deploy: their skill or action was renamed,
 * or they carry a value the skill no longer reads. No skill understands them, and the user is
 * told the button is too old instead of hearing nothing.
 */
describe.each(testProviders())('a button no skill understands, on %s', (provider) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(provider, { matcher: keywordMatcher(basicRules) });
  });
  afterAll(() => bot.close());

  it.each([
    [{ skill: 'gone-skill', action: 'x' }],
    [{ skill: 'tickets', action: 'renamed-action', id: 1000 }],
    [{ skill: 'tickets', action: 'status', id: '1000' }],
    [{ skill: 'handoff', action: 'renamed-action' }],
    [{ skill: 'partners', action: 'renamed-action' }],
    [{ skill: 'docs', action: 'renamed-action' }],
    [{ skill: 'core' }],
  ])('answers %j as a button too old', async (value) => {
    const chat = bot.chat('alice');
    await chat.say('hello');
    await chat.send({ text: '', value });
    expect(chat.text()).toBe(TOO_OLD);
  });

  it('still answers the buttons skills understand', async () => {
    const chat = bot.chat('alice');
    await chat.send({ text: '', value: { skill: 'core', intent: 'bot.help' } });
    expect(chat.text()).not.toBe(TOO_OLD);
    expect(chat.replies.length).toBeGreaterThan(0);
  });
});
