import { CAMPAIGN_ID_PATTERN } from './campaign-ids.js';
import { EMAIL_PATTERN } from './emails.js';
import { maskMatches, unique } from './entity-text.js';
import { PARTNER_ID_PATTERN, URL_PATTERN } from './partner-refs.js';

const EXPLICIT = [
  // "ticket 1042", "ticket no. 1042", "ticket #1042", "case 1042", "tickets 1042 and 1043"
  /\b(?:tickets?|tix|cases?|requests?)\s*(?:no\.?|number|nr\.?|id)?\s*[:#]?\s*#?(\d{2,9}(?:\s*(?:,|and|&|\/)\s*#?\d{2,9})*)\b/gi,
  // "T-1042", "HD-1042", "HD1042"
  /\b(?:T-|HD-?)(\d{2,9})\b/gi,
  // "#1042"
  /(?<![\w&])#(\d{2,9})\b/g,
];

const DATE_OR_TIME = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b/g;
const MONTH_WORDS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const YEAR_CONTEXT = new RegExp(
  `\\b(?:(?:${MONTH_WORDS}|in|since|from|until|till|before|after|of|year|during|q[1-4])\\s+)(?:19|20)\\d{2}\\b`,
  'gi',
);
/** The year of a named day: "may 3 2025", "May 3rd, 2025", "3 may 2025", "the 3rd of May 2025". */
const DAY_YEAR = new RegExp(
  `\\b(?:(?:${MONTH_WORDS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH_WORDS})\\.?),?\\s+(?:19|20)\\d{2}\\b`,
  'gi',
);
/** A bare number followed by a unit or preceded by money is a quantity, not a ticket. */
const QUANTITY =
  /(?:[$€£]\s?\d[\d,.]*|\b\d[\d,.]*\s*(?:%|k\b|m\b|usd|eur|gbp|dollars?|euros?|days?|weeks?|months?|years?|hours?|hrs?|mins?|minutes?|seconds?|partners?|affiliates?|creators?|clicks?|conversions?|orders?|sales|followers?|users?|people|times|x\b|pm\b|am\b))/gi;
const BARE = /(?<![\w.,:/+-])(\d{3,8})(?![\w%]|[.,:/-]\d)/g;

/**
 * Ticket numbers in their common forms (`#1042`, `ticket 1042`, `ticket no. 1042`, `T-1042`, `HD-1042`, a
 * bare `1042`), ignoring campaign and partner IDs, dates, years, amounts, URLs and e-mail addresses.
 */
export function extractTicketNumbers(text: string): number[] {
  let rest = text;
  for (const re of [URL_PATTERN, EMAIL_PATTERN, CAMPAIGN_ID_PATTERN, PARTNER_ID_PATTERN, DATE_OR_TIME]) {
    rest = maskMatches(rest, re);
  }
  const found: Array<{ at: number; n: number }> = [];
  for (const re of EXPLICIT) {
    for (const m of rest.matchAll(re)) {
      for (const digits of m[1]!.match(/\d+/g) ?? [])
        found.push({ at: m.index + m[0].indexOf(digits), n: Number(digits) });
    }
    rest = maskMatches(rest, re);
  }
  rest = maskMatches(maskMatches(maskMatches(rest, DAY_YEAR), YEAR_CONTEXT), QUANTITY);
  for (const m of rest.matchAll(BARE)) found.push({ at: m.index, n: Number(m[1]) });
  return unique(found.sort((a, b) => a.at - b.at).map((f) => f.n));
}

/** Ticket ids are the database's integer column: PostgreSQL's ends at 2147483647. */
export const MAX_TICKET_ID = 2_147_483_647;

/** A number that can be a ticket's id: checked before any query (a client's button can carry any value). */
export function isTicketId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_TICKET_ID;
}

/** A number given as a ticket: "ticket 5", "case no. -5", "#0", "ticket 1e3" (the token as typed). */
const GIVEN_AS_TICKET = [
  /\b(?:tickets?|tix|cases?|requests?)\s*(?:no\.?|number|nr\.?|id)?\s*[:#]?\s*#?([-−+]?\d[\w.,]*)/gi,
  /(?<![\w&])#([-−+]?\d[\w.,]*)/g,
];
/** A number that is no ticket number: one digit, ten or more, a sign or an exponent ("1e3"). */
const NO_TICKET_NUMBER = /^(?:[-−+]\d+(?:e\d+)?|\d(?:e\d+)?|\d{10,}(?:e\d+)?|\d+e\d+)$/i;

/**
 * Numbers clearly given as tickets ("close ticket 5", "status of #0", "ticket 99999999999999999999",
 * "ticket -5") that `extractTicketNumbers` does not read, as typed: the user named a ticket that
 * cannot exist. Quantities ("a ticket 3 days ago"), ordinals and decimals are not given as tickets.
 */
export function extractUnknownTicketNumbers(text: string): string[] {
  let rest = text;
  for (const re of [
    URL_PATTERN,
    EMAIL_PATTERN,
    CAMPAIGN_ID_PATTERN,
    PARTNER_ID_PATTERN,
    DATE_OR_TIME,
    QUANTITY,
  ]) {
    rest = maskMatches(rest, re);
  }
  const found: Array<{ at: number; token: string }> = [];
  for (const re of GIVEN_AS_TICKET) {
    for (const m of rest.matchAll(re)) {
      const token = m[1]!.replace(/[.,]+$/, '');
      if (NO_TICKET_NUMBER.test(token)) found.push({ at: m.index + m[0].lastIndexOf(m[1]!), token });
    }
    rest = maskMatches(rest, re);
  }
  return unique(found.sort((a, b) => a.at - b.at).map((f) => f.token));
}
