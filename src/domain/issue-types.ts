import type { UserKind } from './user.js';

/** Issue types a ticket can carry; the list depends on the requester's kind. */
export const BRAND_ISSUE_TYPES = [
  { id: 'account_program_settings', label: 'Account Settings and Program Settings' },
  { id: 'account_onboarding', label: 'Account Onboarding' },
  { id: 'partner_management', label: 'Partner Management and Communication' },
  { id: 'tracking_reporting', label: 'Tracking, Reporting and Technical Settings' },
  { id: 'promotional_content', label: 'Promotional Content (ads, codes and products)' },
  { id: 'partner_terms', label: 'Partner Terms and Contracts' },
  { id: 'monitoring_compliance', label: 'Monitoring and Compliance' },
  { id: 'payments_finance', label: 'Payments and Finance' },
  { id: 'creator_campaigns', label: 'Creator Campaigns' },
  { id: 'advocate', label: 'Advocate (referral programs)' },
  { id: 'optimize', label: 'Optimize' },
  { id: 'ai_assistant', label: 'The AI assistant' },
  { id: 'login', label: 'Login' },
  { id: 'other', label: 'Other' },
] as const;

export const PARTNER_ISSUE_TYPES = [
  { id: 'partner_account_setup', label: 'Account Setup and Settings' },
  { id: 'finding_brands', label: 'Finding and Messaging Brands' },
  { id: 'partner_tracking', label: 'Tracking, Reporting and Technical' },
  { id: 'links_ads_codes', label: 'Links, Ads, Codes and Products' },
  { id: 'finance_tax_contracts', label: 'Finance, Tax and Brand Contracts' },
  { id: 'campaigns', label: 'Campaigns' },
  { id: 'login', label: 'Login' },
  { id: 'other', label: 'Other' },
] as const;

export interface IssueType {
  readonly id: string;
  readonly label: string;
}

export function issueTypesFor(kind: UserKind): readonly IssueType[] {
  return kind === 'partner' ? PARTNER_ISSUE_TYPES : BRAND_ISSUE_TYPES;
}

export function findIssueType(kind: UserKind, id: string): IssueType | undefined {
  return issueTypesFor(kind).find((t) => t.id === id);
}
