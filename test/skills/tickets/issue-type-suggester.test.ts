import { describe, expect, it } from 'vitest';
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
