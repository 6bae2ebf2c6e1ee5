import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnersModule } from '../../../src/skills/partners/partners-module.js';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { QUESTION_NOW } from './partner-test-directory.js';

/**
 * Follow-ups read on their own are not partner questions: like the trained classifier, this
 * matcher sends "…status…" to the tickets and "what about …" nowhere (the help docs). Right
 * after a partner answer they are about that partner.
 */
const matcher = keywordMatcher([
  ...basicRules,
  [/\bstatus\b/i, 'ticket.status', 'tickets'],
  [/\bmanag|contact for\b/i, 'partner.query', 'partners'],
]);

describe.each(testProviders())('partner follow-up questions on %s', (provider) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(provider, { matcher, modules: [partnersModule], clock: () => QUESTION_NOW });
  });
  afterAll(() => bot.close());

  it('answers "their …" about the partner just answered for', async () => {
    const alice = bot.chat('alice');
    await alice.say('who manages Northwind Outlet?');
    expect(alice.text()).toContain('Northwind Outlet** (ID 204517): Account manager **Marcus Lee**');
    await alice.say('what is their contract status?');
    expect(alice.intent()).toBe('partner.query');
    expect(alice.text()).toMatch(/Northwind Outlet\*\* \(ID 204517\): Contract status \*\*Suspended\*\*/);
    await alice.say('and are they a direct partner?');
    expect(alice.text()).toMatch(/Northwind Outlet\*\* \(ID 204517\): Joined via/);
  });

  it('asks "what about <partner>?" what was just asked', async () => {
    const alice = bot.chat('alice');
    await alice.say('who manages Northwind Deals?');
    expect(alice.text()).toContain('Account manager **Dana Whitfield**');
    await alice.say('what about Northwind Outlet?');
    expect(alice.text()).toContain('Northwind Outlet** (ID 204517): Account manager **Marcus Lee**');
    await alice.say('and partner 100234?');
    expect(alice.text()).toContain('Maple Leaf Savings** (ID 100234): Account manager **Priya Shah**');
  });

  it('answers "their …" for each of several partners just answered for', async () => {
    const alice = bot.chat('alice');
    await alice.say('who manages Northwind Deals and Northwind Outlet?');
    await alice.say('what is their contract status?');
    expect(alice.text()).toMatch(/Northwind Deals\*\* \(ID 100481\): Contract status \*\*Active\*\*/);
    expect(alice.text()).toMatch(/Northwind Outlet\*\* \(ID 204517\): Contract status \*\*Suspended\*\*/);
  });

  it('routes as usual what is no follow-up, and a follow-up long after is no follow-up', async () => {
    const alice = bot.chat('alice');
    await alice.say('who manages Northwind Outlet?');
    await alice.say("what's the status of my ticket?");
    expect(alice.intent()).toBe('ticket.status');
    await alice.say('what about Contoso Coupons?');
    expect(alice.text()).not.toContain('Contoso Coupons');
    await alice.say('what is their contract status?');
    expect(alice.intent()).toBe('ticket.status');
  });
});
