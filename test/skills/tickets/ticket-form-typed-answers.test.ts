import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCancel, parseYesNo } from '../../../src/nlu/answer-parsers.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { fakeDocs, ticketRules } from './ticket-test-bot.js';

const SWITCH = /Leave it and switch to your new request\?/;
const SUGGESTIONS = /Did one of these solve it\?/;
const CAMPAIGN_ID = /What's the campaign \*\*ID\*\*/;
const CC = /Anyone to copy on updates\?/;
const NO_WORDS = ['nope', 'nah', 'no thanks', 'none', 'no one'];

/**
 * Typed answers inside the guided ticket form, read by the real answer parsers (the test rules'
 * stand-in knows only "yes" and "no"): a no-word answers, a new request is not taken for an answer.
 */
describe.each(testProviders())('typed answers in the ticket form on %s', (provider) => {
  let bot: TestBot;
  let docs: ReturnType<typeof fakeDocs>;
  let n = 0;
  const newUser = (name: string) => bot.chat(`${name}-${provider}-${++n}`);

  beforeAll(async () => {
    docs = fakeDocs();
    // The trained engine reads these typos as ticket.create; the test rules do not know them.
    const rules: ReadonlyArray<[RegExp, string, string]> = [
      [/\b(opne|crate) an? (tciket|tikcet)\b/i, 'ticket.create', 'tickets'],
      ...ticketRules,
    ];
    bot = await startTestBot(provider, {
      matcher: { ...keywordMatcher(rules), answers: { isCancel, parseYesNo } },
      modules: [docs.module, ticketsModule],
    });
  });
  afterAll(() => bot.close());

  async function atSuggestions(name: string) {
    const user = newUser(name);
    await user.say('open a ticket: password reset link expired immediately');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('Every password reset link says it has expired, even right after it arrives.');
    expect(user.text()).toMatch(SUGGESTIONS);
    return user;
  }

  async function atCampaignId(name: string) {
    const user = newUser(name);
    await user.say('open a ticket about promo codes not tracking');
    await user.click("Yes, that's it");
    await user.click('Yes, one campaign');
    expect(user.text()).toMatch(CAMPAIGN_ID);
    return user;
  }

  async function atCc(name: string) {
    const user = newUser(name);
    await user.say('open a ticket: the tracking pixel stopped firing on campaign 48213');
    await user.click("Yes, that's it");
    await user.say(
      'Since Monday no conversions are recorded; the pixel on the thank-you page does not fire.',
    );
    await user.click('Yes, share it');
    expect(user.text()).toMatch(CC);
    return user;
  }

  it('at "Did one of these solve it?", a status question is a new request, not "No, file the ticket"', async () => {
    const user = await atSuggestions('sugg-status');
    const deflections = docs.deflections.length;
    await user.say("what's the status of ticket 1000?");
    expect(user.text()).toMatch(SWITCH);
    expect(docs.deflections).toHaveLength(deflections);
    await user.click('No, continue');
    expect(user.text()).toMatch(SUGGESTIONS);
    await user.say('file the ticket');
    expect(docs.deflections.at(-1)?.helpful).toBe(false);
    expect(user.text()).toMatch(/Should everyone in your account see this ticket/);
  });

  it('at "Did one of these solve it?", "that didn\'t solve it" is "No, file the ticket", not "Yes, that solved it"', async () => {
    const user = await atSuggestions('sugg-negated');
    await user.say("that didn't solve it");
    expect(user.text()).not.toMatch(/I didn't file a ticket/);
    expect(docs.deflections.at(-1)?.helpful).toBe(false);
    expect(user.text()).toMatch(/Should everyone in your account see this ticket/);
  });

  it('at the campaign ID question, a new request gets the switch question, not "looks like a campaign name"', async () => {
    const user = await atCampaignId('campaign-list');
    await user.say('show my open tickets');
    expect(user.text()).toMatch(SWITCH);
    expect(user.text()).not.toMatch(/looks like a campaign name/);
  });

  for (const answer of NO_WORDS) {
    it(`at the campaign ID question, "${answer}" means not campaign-specific`, async () => {
      const user = await atCampaignId(`campaign-${answer}`);
      await user.say(answer);
      expect(user.text()).not.toMatch(/looks like a campaign name|didn't catch that/);
      expect(user.text()).toMatch(/describe the problem/i);
    });

    it(`at the CC question, "${answer}" means no one`, async () => {
      const user = await atCc(`cc-${answer}`);
      await user.say(answer);
      expect(user.text()).not.toMatch(/didn't catch that/);
      expect(user.text()).toContain('CC: Nobody');
    });
  }

  it('a campaign ID with a leading "no" is still the ID', async () => {
    const user = await atCampaignId('campaign-no-id');
    await user.say('no, it is 88213');
    expect(user.text()).toMatch(/describe the problem/i);
    await user.say('Promo codes from the spring newsletter are accepted but never tracked.');
    await user.click('No, only me');
    expect(user.text()).toContain('Campaign: ID 88213');
  });

  for (const request of ['opne a tciket', 'crate a tikcet please']) {
    it(`"${request}" (typos) asks for the subject, as "open a ticket" does`, async () => {
      const user = newUser('typo');
      await user.say(request);
      expect(user.text()).toMatch(/What's the problem, in one line\?/);
    });
  }

  it('"opne a tciket: <problem>" takes only the problem as the subject', async () => {
    const user = newUser('typo-subject');
    await user.say('opne a tciket: the tracking pixel stopped firing');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say(
      'Since Monday no conversions are recorded; the pixel on the thank-you page does not fire.',
    );
    await user.click('No, only me');
    expect(user.text()).toContain('Subject: The tracking pixel stopped firing');
  });
});
