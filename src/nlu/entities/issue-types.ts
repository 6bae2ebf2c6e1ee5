import type { UserKind } from '../../domain/user.js';

type Rule = readonly [id: string, pattern: RegExp];

const LOGIN = /\b(?:log ?in|login|sign ?in|signin|password|2fa|mfa|two[- ]factor|locked out|sso)\b/i;
const TRACKING =
  /\b(?:tracking|reporting|reports|pixel|conversions?|clicks?|api|postbacks?|integration|tag manager|gtm)\b/i;

const BRAND_RULES: readonly Rule[] = [
  ['account_program_settings', /\b(?:account settings?|program settings?|program setup)\b/i],
  ['account_onboarding', /\b(?:onboarding|onboard)\b/i],
  [
    'partner_management',
    /\b(?:partner management|partner communication|messag(?:e|ing) (?:my |our |all )?partners)\b/i,
  ],
  ['tracking_reporting', TRACKING],
  [
    'promotional_content',
    /\b(?:promo(?:tional)? (?:codes?|content)|promo codes?|coupons?|discount codes?|banners?|creatives?|ads|product feed)\b/i,
  ],
  ['partner_terms', /\b(?:contracts?|contract terms|terms|commission rates?|templates? terms)\b/i],
  ['monitoring_compliance', /\b(?:compliance|monitoring|fraud|violations?)\b/i],
  ['payments_finance', /\b(?:payments?|payouts?|invoices?|billing|billed|finance|charged|refunds?)\b/i],
  ['creator_campaigns', /\b(?:creator campaigns?|creators?|influencers?)\b/i],
  ['advocate', /\b(?:advocate|referral(?: programs?)?s?|referrals)\b/i],
  ['optimize', /\boptimi[sz]e\b/i],
  ['ai_assistant', /\b(?:ai assistant|the assistant|ai)\b/i],
  ['login', LOGIN],
];

const PARTNER_RULES: readonly Rule[] = [
  ['partner_account_setup', /\b(?:account setup|account set up|account settings?|my profile)\b/i],
  ['finding_brands', /\b(?:find(?:ing)?|messag(?:e|ing)|contact(?:ing)?) (?:new )?brands?\b/i],
  ['partner_tracking', TRACKING],
  ['links_ads_codes', /\b(?:links?|deep ?links?|ads|promo codes?|coupons?|discount codes?|products?)\b/i],
  [
    'finance_tax_contracts',
    /\b(?:payments?|payouts?|tax(?:es)?|invoices?|contracts?|commissions?|w-?9|w-?8)\b/i,
  ],
  ['campaigns', /\bcampaigns?\b/i],
  ['login', LOGIN],
];

/** Issue type ids (for the user's kind, brand by default) named in the text, in the list's order. */
export function extractIssueTypes(text: string, kind: UserKind = 'brand'): string[] {
  const rules = kind === 'partner' ? PARTNER_RULES : BRAND_RULES;
  return rules.filter(([, re]) => re.test(text)).map(([id]) => id);
}
