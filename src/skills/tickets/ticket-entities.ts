import type { TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserKind } from '../../domain/user.js';
import { extractCampaignIds } from '../../nlu/entities/campaign-ids.js';
import { extractEmails } from '../../nlu/entities/emails.js';
import { extractIssueTypes } from '../../nlu/entities/issue-types.js';
import { findPeriods } from '../../nlu/entities/periods.js';
import { extractTicketNumbers } from '../../nlu/entities/ticket-numbers.js';
import { extractStatuses } from '../../nlu/entities/ticket-statuses.js';

/**
 * A time span named in the message: [from, to), open at one end at most: no `to` while it still
 * runs ("since March", "this week"), no `from` before a date ("before April"); `start`/`end` locate its words.
 */
export type NamedPeriod = (
  | { readonly from: Date; readonly to?: Date }
  | { readonly from?: Date; readonly to: Date }
) & {
  readonly label: string;
  readonly start: number;
  readonly end: number;
};

/** The entities the ticket skill reads from a message. */
export interface TicketEntities {
  readonly ticketNumbers: readonly number[];
  readonly campaignIds: readonly string[];
  readonly emails: readonly string[];
  readonly statuses: readonly TicketStatus[];
  /** Issue type ids of the user's kind. */
  readonly issueTypes: readonly string[];
  readonly period?: NamedPeriod;
}

export interface TicketEntityContext {
  readonly now: Date;
  readonly kind: UserKind;
  /** The user's IANA zone, for days and months ("yesterday"); UTC when unknown. */
  readonly timeZone?: string;
}

export type TicketEntityReader = (text: string, context: TicketEntityContext) => TicketEntities;

/** The intent engine's extractors, narrowed to what the ticket skill reads. */
export const readTicketEntities: TicketEntityReader = (text, { now, kind, timeZone }) => {
  const period = firstPeriod(text, now, timeZone);
  return {
    ticketNumbers: extractTicketNumbers(text),
    campaignIds: extractCampaignIds(text),
    emails: extractEmails(text),
    statuses: extractStatuses(text),
    issueTypes: extractIssueTypes(text, kind),
    ...(period ? { period } : {}),
  };
};

/**
 * The first period named ("last month", "since Monday", "yesterday", "before April"). One still
 * running has no end; one before a date has no start.
 */
function firstPeriod(text: string, now: Date, timeZone: string | undefined): NamedPeriod | undefined {
  const p = findPeriods(text, now, timeZone)[0];
  if (!p) return undefined;
  const place = { label: p.label, start: p.start, end: p.end };
  if (!p.from) return p.to ? { to: p.to, ...place } : undefined;
  const ended = p.to !== undefined && (p.to <= now || p.from > now);
  return { from: p.from, ...(ended ? { to: p.to } : {}), ...place };
}
