import type { TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserKind } from '../../domain/user.js';
import { extractCampaignIds } from './campaign-ids.js';
import { extractCountries } from './countries.js';
import { extractEmails } from './emails.js';
import { entityText } from './entity-text.js';
import type { FuzzyNameMatcher } from './fuzzy-name-matcher.js';
import { extractIssueTypes } from './issue-types.js';
import { extractPartnerRefs, type PartnerRef } from './partner-refs.js';
import { extractPeriod } from './periods.js';
import { extractTicketNumbers } from './ticket-numbers.js';
import { extractStatuses } from './ticket-statuses.js';

export { extractCampaignIds } from './campaign-ids.js';
export { extractCountries } from './countries.js';
export { extractEmails } from './emails.js';
export { createFuzzyNameMatcher, type FuzzyNameMatch, type FuzzyNameMatcher } from './fuzzy-name-matcher.js';
export { extractIssueTypes } from './issue-types.js';
export { extractPartnerRefs, type PartnerRef } from './partner-refs.js';
export { extractPeriod, type Period } from './periods.js';
export { extractTicketNumbers } from './ticket-numbers.js';
export { extractStatuses } from './ticket-statuses.js';

/** Everything the extractors found in one message. */
export interface Entities {
  ticketNumbers: number[];
  campaignIds: string[];
  emails: string[];
  statuses: TicketStatus[];
  /** Issue type ids for the user's kind. */
  issueTypes: string[];
  period?: { from: Date; to: Date; label: string };
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  partnerRefs: PartnerRef[];
}

export interface EntityContext {
  now: Date;
  /** IANA zone for relative periods ("yesterday" in the user's day); UTC by default. */
  timeZone?: string;
  kind?: UserKind;
  /**
   * The partner directory's matcher: when given, names are resolved against it (typos tolerated) and
   * returned with their directory spelling; otherwise name candidates are guessed from capitalisation.
   */
  partnerMatcher?: FuzzyNameMatcher;
}

const EMPTY = (): Entities => ({
  ticketNumbers: [],
  campaignIds: [],
  emails: [],
  statuses: [],
  issueTypes: [],
  countries: [],
  partnerRefs: [],
});

/** Runs every extractor on a message (chat markup removed first). Never throws. */
export function extractEntities(text: string, ctx: EntityContext): Entities {
  try {
    const plain = entityText(text);
    if (plain.length === 0) return EMPTY();
    const period = extractPeriod(plain, ctx.now, ctx.timeZone);
    let partnerRefs = extractPartnerRefs(plain);
    if (ctx.partnerMatcher) {
      const matched = ctx.partnerMatcher.match(plain).map((m) => ({ kind: 'name' as const, value: m.name }));
      partnerRefs = [...partnerRefs.filter((r) => r.kind !== 'name'), ...matched];
    }
    return {
      ticketNumbers: extractTicketNumbers(plain),
      campaignIds: extractCampaignIds(plain),
      emails: extractEmails(plain),
      statuses: extractStatuses(plain),
      issueTypes: extractIssueTypes(plain, ctx.kind ?? 'brand'),
      ...(period ? { period } : {}),
      countries: extractCountries(plain),
      partnerRefs,
    };
  } catch {
    return EMPTY();
  }
}
