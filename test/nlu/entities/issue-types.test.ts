import { describe, expect, it } from 'vitest';
import { BRAND_ISSUE_TYPES, PARTNER_ISSUE_TYPES } from '../../../src/domain/issue-types.js';
import { extractIssueTypes } from '../../../src/nlu/entities/issue-types.js';

describe('extractIssueTypes', () => {
  it.each([
    ["I can't log in", ['login']],
    ['the pixel stopped tracking', ['tracking_reporting']],
    ['our payout failed', ['payments_finance']],
    ['promo code not applied', ['promotional_content']],
    ['contract terms are wrong', ['partner_terms']],
    ['creator campaign brief', ['creator_campaigns']],
    ['referral program', ['advocate']],
    ['onboarding checklist', ['account_onboarding']],
    ['program settings page', ['account_program_settings']],
    ['fraud flags', ['monitoring_compliance']],
    ['the AI assistant is slow', ['ai_assistant']],
    ['password reset and invoices', ['payments_finance', 'login']],
  ])('brand: finds %j', (text, expected) => {
    expect(extractIssueTypes(text, 'brand')).toEqual(expected);
  });

  it.each([
    ['my tax form was rejected', ['finance_tax_contracts']],
    ['how do I message brands', ['finding_brands']],
    ['my deep links are broken', ['links_ads_codes']],
    ['campaign invite', ['campaigns']],
    ['sign in fails', ['login']],
  ])('partner: finds %j', (text, expected) => {
    expect(extractIssueTypes(text, 'partner')).toEqual(expected);
  });

  it('only returns ids of the kind asked for', () => {
    const brandIds = new Set<string>(BRAND_ISSUE_TYPES.map((t) => t.id));
    const partnerIds = new Set<string>(PARTNER_ISSUE_TYPES.map((t) => t.id));
    const text = 'login tracking payouts promo codes contracts campaigns creators referral onboarding';
    for (const id of extractIssueTypes(text, 'brand')) expect(brandIds.has(id)).toBe(true);
    for (const id of extractIssueTypes(text, 'partner')) expect(partnerIds.has(id)).toBe(true);
  });

  it.each([['hello there'], ['report a problem please'], ['what is the status of 1042'], ['']])(
    'finds none in %j',
    (text) => {
      expect(extractIssueTypes(text)).toEqual([]);
    },
  );
});
