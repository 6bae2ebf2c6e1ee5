import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnersModule } from '../../src/skills/partners/partners-module.js';
import { ticketsModule } from '../../src/skills/tickets/tickets-module.js';
import { QUESTION_NOW } from '../skills/partners/partner-test-directory.js';
import { ticketRules } from '../skills/tickets/ticket-test-bot.js';
import { startTestBot, type TestBot } from '../support/conversation.js';
import { keywordMatcher } from '../support/keyword-matcher.js';

const matcher = keywordMatcher([[/\bmanag|northwind/i, 'partner.query', 'partners'], ...ticketRules]);

describe('leaving a form for another request', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot('sqlite', {
      matcher,
      modules: [ticketsModule, partnersModule],
      clock: () => QUESTION_NOW,
    });
  });
  afterAll(() => bot.close());

  it('answers the partner question the user confirmed, not their "yes"', async () => {
    const alice = bot.chat('alice');
    await alice.say('I want to open a ticket');
    await alice.say('who manages Northwind Deals?');
    await alice.say('yes');
    expect(alice.intent()).toBe('partner.query');
    expect(alice.text()).toMatch(/Northwind Deals.*Account manager/);
  });

  it('answers it after the "Yes, switch" button too', async () => {
    const alice = bot.chat('alice');
    await alice.say('I want to open a ticket');
    await alice.say('who manages Northwind Deals?');
    await alice.click(/switch/i);
    expect(alice.text()).toMatch(/Northwind Deals.*Account manager/);
  });
});
