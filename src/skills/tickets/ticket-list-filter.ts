import { z } from 'zod';
import { OPEN_STATUSES, TICKET_STATUSES, type TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserKind, UserProfile } from '../../domain/user.js';
import { CAMPAIGN_ID_PATTERN } from '../../nlu/entities/campaign-ids.js';
import { extractIssueTypes } from '../../nlu/entities/issue-types.js';
import { MAX_TICKET_ID } from '../../nlu/entities/ticket-numbers.js';
import {
  extractNegatedStatuses,
  extractStatuses,
  withoutNegatedStatuses,
} from '../../nlu/entities/ticket-statuses.js';
import { STOP_WORDS } from '../../search/stop-words.js';
import type { TicketFilter, TicketTimeRange } from '../../store/ticket-query-repository.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import type { NamedPeriod, TicketEntities } from './ticket-entities.js';

const STATUS_PHRASES =
  /\b(?:awaiting|waiting (?:on|for)) (?:your|my|our|me|us)\b(?: (?:response|reply|answer|input))?/gi;
const ACCOUNT_SCOPE =
  /\b(?:my|our|the) (?:account|team|company|colleagues?|org(?:anisation|anization)?)\b|\b(?:everyone|everybody|colleagues?|shared|team'?s|whole account|all users)\b/i;
const MY_SCOPE = /\b(?:my|mine|i|i've|i have)\b/i;
/** "me" names the owner only after these words: "show me all tickets" is every ticket. */
const ME_SCOPE =
  /\b(?:(?:created|filed|opened|raised|submitted|reported|sent|made) by|assigned to|waiting (?:on|for)) me\b/i;
/**
 * "open and closed": "open" joined to another status word by "and". The status reader takes "open a…"
 * as the verb and so misses "open and…"; in a list request it is the status.
 */
const OPEN_AND_STATUS =
  /\b(?:open|pending|unresolved|unanswered)\s+(?:and|&|and\/or)\s+(?=(?:also\s+)?(?:closed|resolved|solved|in[ -]progress|being worked on|awaiting|waiting|solution|offered|proposed))/i;
const EVERY_STATUS = /\b(?:all|any|every|including closed|history|ever|old)\b/i;
/** Bare "updated" is not here: "tickets updated today" asks for activity in a period. */
const UNREAD = /\b(?:unread|new (?:replies|updates|activity|answers)|not (?:yet )?(?:read|seen))\b/i;
const READ = /\b(?:already read|read ones|seen)\b/i;
/** A period after these words is about the last activity ("updated today"), otherwise about filing. */
const ACTIVITY = /\b(?:updated|changed|modified|touched|active|activity|answered|replied)\b/i;
/** "re" is "about" only as a word of its own: "you're working on" is no search. */
const ABOUT =
  /\b(?:about|regarding|concerning|mentioning|containing|matching|with the words?|(?<!['’])re|named|called)\s+(.+)$/i;
/** "I can't find them" is no search for "them". */
const SEARCH_FOR = /(?<!(?:n['’]t|\bnot|\bcannot)\s+)\b(?:search|find|look(?:ing)? for)\s+(.+)$/i;
/** Campaigns one list looks for at most ("campaigns 123, 456 and 789"). */
const MAX_CAMPAIGNS = 5;
const DOUBLE_QUOTED = /["“”]([^"“”]{2,80})["“”]/;
/** Single quotes stand outside words: the apostrophes of "haven't … it's" quote nothing. */
const SINGLE_QUOTED = /(?<![\p{L}\p{N}])['‘’]([^'‘’"“”]{2,80})['‘’](?![\p{L}\p{N}])/u;
const LIST_WORDS = new Set(
  `ticket tickets case cases request requests show list find search give see display get open opened closed
  all any every my mine our please pls me i status statuses awaiting waiting response reply answer unread read
  new recent latest last account team company colleagues shared everyone everybody progress solution offered
  created filed raised which what are is there have for with where updated changed modified active them
  they those these ones`.split(/\s+/),
);

/**
 * Reads a list request: "my open tickets", "tickets awaiting my response",
 * "all tickets of my account about payouts", "unread tickets", "#1042".
 * "tickets created last month" and "updated today" narrow by date; "login issues", by issue type.
 * Without a status word the list shows every status except Closed, like the web list; a named
 * period or ticket number shows every status.
 */
export function parseListFilter(text: string, entities: TicketEntities, viewer: UserProfile): TicketFilter {
  const withoutStatusPhrases = text.replace(STATUS_PHRASES, ' ');
  const ids = [...entities.ticketNumbers];
  const period = entities.period;
  const phrase = searchPhraseOf(
    (period ? withoutSpan(text, period) : text).replace(CAMPAIGN_ID_PATTERN, ' '),
  );
  const campaignIds = [...entities.campaignIds].slice(0, MAX_CAMPAIGNS);
  let statuses = statusesAsked(text, entities.statuses);
  if (!statuses && ids.length === 0 && !period && !EVERY_STATUS.test(text)) statuses = [...OPEN_STATUSES];
  const issueTypes = issueTypesOutside(phrase, campaignMentions(text), entities.issueTypes, viewer.kind);
  const staff = isSupportStaff(viewer);
  const mine = (MY_SCOPE.test(withoutStatusPhrases) || ME_SCOPE.test(text)) && !ACCOUNT_SCOPE.test(text);
  return {
    createdBy: !staff && mine ? 'me' : 'anyone',
    ...(staff && mine ? { assignedToMe: true } : {}),
    ...(statuses ? { statuses } : {}),
    ...(ids.length > 0 ? { ids } : {}),
    ...(issueTypes.length > 0 ? { issueTypes } : {}),
    ...(campaignIds.length > 0 ? { campaignIds } : {}),
    ...(period && ACTIVITY.test(text) ? { lastActivityAt: timeRangeOf(period) } : {}),
    ...(period && !ACTIVITY.test(text) ? { createdAt: timeRangeOf(period) } : {}),
    ...(UNREAD.test(text) ? { read: 'unread' as const } : READ.test(text) ? { read: 'read' as const } : {}),
    ...keywordsOf(phrase),
  };
}

function timeRangeOf(period: NamedPeriod): TicketTimeRange {
  const { label } = period;
  // A period without a start has an end (NamedPeriod), which TypeScript cannot narrow here.
  if (!period.from) return { to: (period.to as Date).toISOString(), label };
  return { from: period.from.toISOString(), ...(period.to ? { to: period.to.toISOString() } : {}), label };
}

/** The text with the period's words blanked out, so "payouts from last month" searches for "payouts". */
function withoutSpan(text: string, span: { readonly start: number; readonly end: number }): string {
  return `${text.slice(0, span.start)} ${text.slice(span.end)}`;
}

/** What the user searches for: a quoted phrase, or the words after "about", "search", "find". */
type SearchPhrase = { readonly quoted: string } | { readonly words: string } | null;

function searchPhraseOf(text: string): SearchPhrase {
  const quoted = text.match(DOUBLE_QUOTED)?.[1] ?? text.match(SINGLE_QUOTED)?.[1];
  if (quoted) return { quoted };
  const words = text.match(ABOUT)?.[1] ?? text.match(SEARCH_FOR)?.[1];
  return words ? { words } : null;
}

/**
 * Issue types named in the request, except inside what is searched for ("tickets about payments"
 * is a word search) or a campaign reference ("campaign 48213" is not the Campaigns issue type).
 */
function issueTypesOutside(
  phrase: SearchPhrase,
  campaigns: string,
  named: readonly string[],
  kind: UserKind,
): string[] {
  const searchedText = phrase ? ('quoted' in phrase ? phrase.quoted : phrase.words) : '';
  const notTypes = new Set(extractIssueTypes(`${searchedText}\n${campaigns}`, kind));
  return named.filter((id) => !notTypes.has(id));
}

function campaignMentions(text: string): string {
  return [...text.matchAll(CAMPAIGN_ID_PATTERN)].map((m) => m[0]).join('\n');
}

/** The statuses named, every one of them: a list shows tickets of any of them. */
function statusesNamed(text: string, named: readonly TicketStatus[]): readonly TicketStatus[] {
  return OPEN_AND_STATUS.test(text) && !named.includes('open') ? ['open', ...named] : named;
}

/**
 * The statuses asked for; a status named with "not" ("tickets that are not closed", "not yet
 * resolved") is every status but that one, or every status named but that one.
 */
function statusesAsked(text: string, named: readonly TicketStatus[]): TicketStatus[] | undefined {
  const negated = expandStatuses(extractNegatedStatuses(text));
  if (!negated) return expandStatuses(statusesNamed(text, named));
  const rest = withoutNegatedStatuses(text);
  const wanted =
    expandStatuses(statusesNamed(rest, extractStatuses(rest))) ?? TICKET_STATUSES.map((s) => s.id);
  const left = wanted.filter((s) => !negated.includes(s));
  return left.length > 0 ? left : undefined;
}

/** "open" in a list request means every status but Closed (help center: "Ticket statuses explained"). */
function expandStatuses(statuses: readonly TicketStatus[]): TicketStatus[] | undefined {
  if (statuses.length === 0) return undefined;
  const out = new Set<TicketStatus>();
  for (const s of statuses) {
    if (s === 'open') for (const o of OPEN_STATUSES) out.add(o);
    else out.add(s);
  }
  return [...out];
}

function keywordsOf(phrase: SearchPhrase): { keywords?: string[] } {
  if (!phrase) return {};
  if ('quoted' in phrase) return { keywords: [phrase.quoted.toLowerCase().trim()] };
  const words = phrase.words
    .toLowerCase()
    .replace(/#?\d+/g, ' ')
    .split(/[^\p{L}\p{N}@.-]+/u)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w) && !LIST_WORDS.has(w))
    // Substring search: "payouts" must also find "payout".
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return words.length > 0 ? { keywords: [...new Set(words)].slice(0, 5) } : {};
}

const instant = z.string().datetime();
const periodLabel = z.string().max(60);
/** Open at one end at most: "since March" has no `to`, "before April" no `from` (older buttons always have `from`). */
const timeRangeSchema = z.union([
  z.object({ from: instant, to: instant.optional(), label: periodLabel }),
  z.object({ from: instant.optional(), to: instant, label: periodLabel }),
]);

/** The filter as it travels in a "More" button; checked again when it comes back (clients can send anything). */
export const ticketFilterSchema = z.object({
  createdBy: z.enum(['me', 'anyone']),
  assignedToMe: z.boolean().optional(),
  statuses: z.array(z.enum(TICKET_STATUSES.map((s) => s.id) as [TicketStatus, ...TicketStatus[]])).optional(),
  read: z.enum(['read', 'unread']).optional(),
  keywords: z.array(z.string().max(80)).max(5).optional(),
  ids: z.array(z.number().int().positive().max(MAX_TICKET_ID)).max(20).optional(),
  issueTypes: z.array(z.string().max(60)).max(20).optional(),
  campaignIds: z
    .array(z.string().regex(/^\d{2,12}$/))
    .max(MAX_CAMPAIGNS)
    .optional(),
  createdAt: timeRangeSchema.optional(),
  lastActivityAt: timeRangeSchema.optional(),
});

export const ticketCursorSchema = z.object({
  lastActivityAt: z.string().datetime(),
  id: z.number().int().positive().max(MAX_TICKET_ID),
});
