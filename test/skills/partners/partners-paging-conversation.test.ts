import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnersModule } from '../../../src/skills/partners/partners-module.js';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { QUESTION_NOW } from './partner-test-directory.js';

const matcher = keywordMatcher([
  ...basicRules,
  [/partner|how many|manag|^more$/i, 'partner.query', 'partners'],
]);

describe.each(testProviders())('"more" in partner conversations on %s', (provider) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(provider, { matcher, modules: [partnersModule], clock: () => QUESTION_NOW });
  });
  afterAll(() => bot.close());

  it('says that was all of them after the last page, then that there is no list to continue', async () => {
    const alice = bot.chat('alice');
    await alice.say('active partners in Canada');
    await alice.say('more');
    await alice.say('more');
    expect(alice.text()).toContain('Showing 21–24 of 24, sorted by name.');

    await alice.say('more');
    expect(alice.text()).toBe(
      "That's all of them: you've seen all 24 partners (contract Active · in Canada).",
    );
    await alice.say('more');
    expect(alice.text()).toBe(
      "There's no list to continue. Ask for partners first, e.g. “active partners in Canada”.",
    );
  });

  it('continues what was just counted, not an older list', async () => {
    const alice = bot.chat('alice');
    await alice.say('active partners in Canada');
    await alice.say('how many suspended partners');
    expect(alice.text()).toMatch(/\*\*44\*\* partners match: contract Suspended\./);

    await alice.say('more');
    expect(alice.text()).toMatch(/^44 partners: contract Suspended/);
    expect(alice.text()).toContain('Showing 1–10 of 44, sorted by name.');
  });

  it('offers the partners a shared word can mean a page at a time, with More clicked or typed', async () => {
    const alice = bot.chat('alice');
    await alice.say('who manages Deals');
    expect(alice.text()).toMatch(
      /^I couldn't find a partner called exactly “Deals”\. 11 names are close \(showing 1–8\)/,
    );
    const labels = alice.actions().map((a) => a.label);
    expect(labels).toHaveLength(9);
    expect(labels[0]).toBe('Amber Deals (ID 640434)');
    expect(labels[8]).toBe('More');

    await alice.click('More');
    expect(alice.text()).toContain('11 names are close (showing 9–11)');
    expect(alice.actions().map((a) => a.label)).toContain('Northwind Deals (ID 100481)');
    expect(alice.actions().map((a) => a.label)).not.toContain('More');
    await alice.click('Northwind Deals (ID 100481)');
    expect(alice.text()).toMatch(/Northwind Deals\*\* \(ID 100481\): Account manager \*\*Dana Whitfield\*\*/);

    await alice.say('who manages Deals');
    await alice.say('more');
    expect(alice.text()).toContain('11 names are close (showing 9–11)');
    await alice.say('more');
    expect(alice.text()).toBe("That's all of them: you've seen all 11 partners that match “Deals”.");
  });

  it('has nothing to continue after a count of none', async () => {
    const alice = bot.chat('alice');
    await alice.say('active partners in Canada');
    await alice.say(
      'how many partners are suspended in Canada joined via marketplace with social reach over 900000000',
    );
    expect(alice.text()).toMatch(/^No partner matches/);

    await alice.say('more');
    expect(alice.text()).toMatch(/^There's no list to continue/);
  });
});
