import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rankIssueTypes, suggestIssueType } from '../../../src/skills/tickets/issue-type-suggester.js';

describe('issue type suggestion', () => {
  it.each([
    ['the tracking pixel stopped firing on campaign 48213', 'tracking_reporting'],
    ['I forgot my password and cannot sign in', 'login'],
    ['our March invoice is wrong', 'payments_finance'],
    ['promo code SUMMER20 shows as invalid', 'promotional_content'],
    ['how do I add a new user with the admin role', 'account_program_settings'],
    ['partner applications are not showing up', 'partner_management'],
    ['a partner is bidding on our trademark', 'monitoring_compliance'],
    ['creator brief deliverables are not visible', 'creator_campaigns'],
    ['refer a friend rewards for our advocates', 'advocate'],
  ])('brand: "%s" → %s', (text, expected) => {
    expect(suggestIssueType(text, 'brand')?.id).toBe(expected);
  });

  it.each([
    ['My payout for May never arrived', 'finance_tax_contracts'],
    ['my tracking link redirects to a 404 page', 'links_ads_codes'],
    ['clicks are not showing in my report', 'partner_tracking'],
    ['how do I message a brand about their program', 'finding_brands'],
    ['cannot log in, two factor code rejected', 'login'],
  ])('partner: "%s" → %s', (text, expected) => {
    expect(suggestIssueType(text, 'partner')?.id).toBe(expected);
  });

  it('suggests nothing when nothing stands out, so the user picks from the list', () => {
    expect(suggestIssueType('it is broken', 'brand')).toBeNull();
    expect(rankIssueTypes('hello there', 'partner')).toEqual([]);
  });

  it('only ever suggests types of the user’s kind', () => {
    expect(
      rankIssueTypes('payout tax invoice contract', 'partner').every((s) => s.type.id !== 'payments_finance'),
    ).toBe(true);
  });
});

/** Help-center folders whose articles belong to one brand issue type. */
const FOLDER_TYPES: Readonly<Record<string, string>> = {
  'account-settings': 'account_program_settings',
  compliance: 'monitoring_compliance',
  'creator-campaigns': 'creator_campaigns',
  'login-security': 'login',
  'partner-management': 'partner_management',
  'payments-finance': 'payments_finance',
  'promo-codes-ads': 'promotional_content',
  'tracking-reporting': 'tracking_reporting',
};

describe('issue type suggestion on the help-center question sets (brand questions)', () => {
  it('is right at least 3 times in 4 when it suggests, and suggests for most questions', () => {
    const folderOf = new Map<string, string>();
    for (const folder of readdirSync('content/docs')) {
      for (const file of readdirSync(`content/docs/${folder}`))
        folderOf.set(file.replace(/\.md$/, ''), folder);
    }
    let asked = 0;
    let suggested = 0;
    let right = 0;
    for (const file of ['test/data/docs-questions-a.yml', 'test/data/docs-questions-b.yml']) {
      const questions = parse(readFileSync(file, 'utf8')) as Array<{
        q: string;
        audience: string;
        slug: string;
      }>;
      for (const q of questions) {
        const expected =
          q.slug === 'advocate-referral-programs' ? 'advocate' : FOLDER_TYPES[folderOf.get(q.slug) ?? ''];
        if (q.audience !== 'brand' || !expected) continue;
        asked++;
        const got = suggestIssueType(q.q, 'brand');
        if (got) suggested++;
        if (got?.id === expected) right++;
      }
    }
    expect(asked).toBeGreaterThan(150);
    expect(right / suggested).toBeGreaterThanOrEqual(0.75);
    expect(suggested / asked).toBeGreaterThanOrEqual(0.6);
  });
});
