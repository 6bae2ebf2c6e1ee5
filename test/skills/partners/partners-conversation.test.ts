import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnersModule } from '../../../src/skills/partners/partners-module.js';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { QUESTION_NOW } from './partner-test-directory.js';

const matcher = keywordMatcher([
  ...basicRules,
  [
    /partner|affiliate|manag|join|contact|how many|northwind|bright|contoso|^more$|revenue/i,
    'partner.query',
    'partners',
  ],
]);

describe.each(testProviders())('partner directory conversations on %s', (provider) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(provider, { matcher, modules: [partnersModule], clock: () => QUESTION_NOW });
  });
  afterAll(() => bot.close());

  it('answers one fact about a named partner, links its page, and shows the full card on request', async () => {
    const alice = bot.chat('alice');
    await alice.say("What's the contract status of Northwind Deals?");
    expect(alice.intent()).toBe('partner.query');
    expect(alice.text()).toMatch(/Northwind Deals\*\* \(ID 100481\): Contract status \*\*Active\*\*/);
    expect(alice.actions().find((a) => a.url)?.url).toBe('https://app.example.com/partners/100481');

    await alice.click('Full profile');
    expect(alice.text()).toContain('Account manager: Dana Whitfield');
    expect(alice.text()).toContain('Groups: Premium, Top coupon sites');
  });

  it('finds partners by partner ID and by website', async () => {
    const alice = bot.chat('alice');
    await alice.say('who manages partner 100234?');
    expect(alice.text()).toMatch(/Maple Leaf Savings\*\* \(ID 100234\): Account manager \*\*Priya Shah\*\*/);
    await alice.say('when did couponcave.com join?');
    expect(alice.text()).toMatch(/CouponCave\*\* \(ID 100877\): Date joined \*\*2024-08-19\*\*/);
  });

  it('answers each partner ID asked about, up to three, and says when more were asked', async () => {
    const alice = bot.chat('alice');
    await alice.say('who manages partner 100481 and 100234');
    expect(alice.text()).toMatch(/Northwind Deals\*\* \(ID 100481\): Account manager \*\*Dana Whitfield\*\*/);
    expect(alice.text()).toMatch(/Maple Leaf Savings\*\* \(ID 100234\): Account manager \*\*Priya Shah\*\*/);

    await alice.say('who manages partners 100481, 100234, 100877 and 204517?');
    expect(alice.text()).toMatch(/\(ID 100481\)[\s\S]*\(ID 100234\)[\s\S]*\(ID 100877\)/);
    expect(alice.text()).not.toContain('204517');
    expect(alice.text()).toContain(
      'You asked about 4 partners; I answered for the first 3. Ask again for the others.',
    );
  });

  it('pages through a filtered list with More, typed or clicked, and sorts it by date joined', async () => {
    const alice = bot.chat('alice');
    await alice.say('active partners in Canada');
    expect(alice.text()).toMatch(/^24 partners: contract Active · in Canada/);
    expect(alice.text()).toContain('Showing 1–10 of 24, sorted by name.');

    await alice.click('More');
    expect(alice.text()).toContain('Showing 11–20 of 24, sorted by name.');
    await alice.say('more');
    expect(alice.text()).toContain('Showing 21–24 of 24, sorted by name.');
    expect(alice.actions().map((a) => a.label)).not.toContain('More');

    await alice.click('Newest first');
    expect(alice.text()).toContain('Showing 1–10 of 24, newest first.');
    expect(alice.text()).toMatch(
      /\n- Copper Weekly \(ID 560486 · Active · British Columbia, Canada · 2026-04-28\)/,
    );
  });

  it('counts, then lists what it counted', async () => {
    const alice = bot.chat('alice');
    await alice.say('how many partners are suspended?');
    expect(alice.text()).toMatch(/\*\*44\*\* partners match: contract Suspended\./);
    await alice.click('Show them');
    expect(alice.text()).toMatch(/^44 partners: contract Suspended/);
  });

  it('offers a choice when several partners match, and answers for the one picked', async () => {
    const alice = bot.chat('alice');
    await alice.say('who manages Northwind?');
    expect(alice.actions().map((a) => a.label)).toEqual([
      'Northwind Deals (ID 100481)',
      'Northwind Outlet (ID 204517)',
    ]);
    await alice.click('Northwind Outlet (ID 204517)');
    expect(alice.text()).toMatch(/Northwind Outlet\*\* \(ID 204517\): Account manager \*\*Marcus Lee\*\*/);
  });

  it('says when no partner has the name, with the closest names to pick from', async () => {
    const alice = bot.chat('alice');
    await alice.say('contact for Northwind Traders');
    expect(alice.text()).toContain("I couldn't find a partner called “Northwind Traders” in your program.");
    expect(alice.actions().map((a) => a.label)).toEqual([
      'Northwind Deals (ID 100481)',
      'Northwind Outlet (ID 204517)',
    ]);
    await alice.click('Northwind Deals (ID 100481)');
    expect(alice.text()).toMatch(/Northwind Deals\*\* \(ID 100481\): Contact \*\*Olivia Grant/);

    await alice.say('contact for Contoso Coupons');
    expect(alice.text()).toBe(
      "I couldn't find a partner called “Contoso Coupons” in your program. You can also ask by partner ID or website.",
    );
  });

  it('names the filters it has when asked for one it does not have', async () => {
    const alice = bot.chat('alice');
    await alice.say('partners with revenue over 10k');
    expect(alice.text()).toMatch(
      /no “revenue” to filter or sort by\. You can ask by contract status, relationship stage/,
    );
  });

  it("keeps each brand to its own directory: the same question gets the other brand's answer or none", async () => {
    const nora = bot.chat('nora');
    await nora.say('who manages partner 100234?');
    expect(nora.text()).toMatch(/Maple Leaf Savings\*\* \(ID 100234\): Account manager \*\*Liam Chen\*\*/);
    await nora.say('contact for Northwind Deals');
    expect(nora.text()).toContain("I couldn't find a partner called “Northwind Deals” in your program.");
    expect(nora.text()).not.toContain('Olivia Grant');
  });

  it('turns partner users away politely and points them to partner help', async () => {
    const pat = bot.chat('pat');
    await pat.say('how many partners are active?');
    expect(pat.text()).toMatch(
      /isn't available in a partner account\. I can help with your earnings and payouts/,
    );
    expect(pat.actions().map((a) => a.label)).toContain('File a ticket');
  });

  it('asks an agent outside a live chat which brand, answers from it, and lets them switch', async () => {
    const sam = bot.chat('sam');
    await sam.say('how many partners are active?');
    expect(sam.text()).toMatch(/Which brand's partner directory should I look in\?/);
    expect(sam.actions().map((a) => a.label)).toEqual(['Acme Outdoor (demo brand)', 'Northpeak Apparel']);

    await sam.click('Northpeak Apparel');
    expect(sam.text()).toContain('Partner directory of **Northpeak Apparel**.');
    expect(sam.text()).toMatch(/\*\*166\*\* partners match: contract Active\./);
    await sam.say('how many partners are active?');
    expect(sam.text()).toMatch(/\*\*166\*\* partners match/);

    await sam.click('Another account');
    expect(sam.actions().map((a) => a.label)).toEqual(['Acme Outdoor (demo brand)', 'Northpeak Apparel']);
  });

  it("gives an agent handling a live chat the directory of that chat's brand", async () => {
    const db = bot.app.services.db;
    const ticket = await db.ticket.create({
      data: {
        accountId: 'acc_demo_brand',
        creatorId: 'usr_bob',
        subject: 'Partner question',
        issueType: 'partner_management',
        description: 'About Northwind Deals',
        searchText: 'partner question',
        channel: 'web',
      },
    });
    await db.handoff.create({
      data: {
        conversationId: 'conv-bob',
        ticketId: ticket.id,
        userId: 'usr_bob',
        accountId: 'acc_demo_brand',
        agentId: 'usr_riley',
        status: 'assigned',
        reason: 'asked for a person',
      },
    });
    const riley = bot.chat('riley');
    await riley.say('contact for Bright Bargains');
    expect(riley.text()).toContain('Partner directory of **Acme Outdoor (demo brand)**.');
    expect(riley.text()).toMatch(/Bright Bargains\*\* \(ID 311052\): Contact \*\*Jamie Rivera/);
  });
});
