import { OPEN_STATUSES, type TicketStatus } from '../domain/ticket-statuses.js';
import type { UserProfile } from '../domain/user.js';
import { Prisma } from '../generated/sqlite/client.js';
import { extractCampaignIds } from '../nlu/entities/campaign-ids.js';
import type { Db } from './prisma-client.js';
import { containsPattern, hasLikeSpecials } from './sql/like-pattern.js';
import { type TicketRecord, toTicketRecord } from './ticket-record.js';
import { isSupportStaff, visibleTicketsWhere } from './ticket-visibility.js';

/** What a ticket list asks for; every field narrows the list (AND). */
export interface TicketFilter {
  readonly statuses?: readonly TicketStatus[];
  /** `me`: created by the viewer; `anyone`: every ticket the viewer may see. */
  readonly createdBy: 'me' | 'anyone';
  /** Agents: only tickets assigned to them. */
  readonly assignedToMe?: boolean;
  readonly read?: 'read' | 'unread';
  /** Lower-case words that must all occur in the subject, description or replies. */
  readonly keywords?: readonly string[];
  readonly ids?: readonly number[];
  readonly issueTypes?: readonly string[];
  /** Tickets of any of these campaigns: by the ticket's campaign ID, or the number in its text. */
  readonly campaignIds?: readonly string[];
  /** Filed in this span ("tickets created last month"). */
  readonly createdAt?: TicketTimeRange;
  /** Last activity (a reply, a status change) in this span ("tickets updated today"). */
  readonly lastActivityAt?: TicketTimeRange;
}

/**
 * A span [from, to) of ISO instants, named as the user said it ("last month"). Either end may be
 * open, never both: without `to` it runs on ("since March"), without `from` it reaches back to the
 * first ticket ("before April").
 */
export type TicketTimeRange =
  | { readonly from: string; readonly to?: string; readonly label: string }
  | { readonly from?: string; readonly to: string; readonly label: string };

/**
 * Where the next page starts: after ticket `id`. Lists go by ticket number, newest first, a key
 * no update moves, so a ticket answered while the user reads a page is neither skipped nor shown
 * twice by "More" (an order by last activity moved it above the cursor).
 */
export interface TicketCursor {
  readonly id: number;
  /**
   * The last listed ticket's activity. Not read: the More buttons' schema
   * (ticket-list-filter.ts) and buttons already posted still carry it.
   */
  readonly lastActivityAt: string;
}

export interface ListedTicket extends TicketRecord {
  /** There is activity the viewer's account (or, on a private ticket, the creator) has not seen. */
  readonly unread: boolean;
}

export interface TicketPage {
  readonly items: readonly ListedTicket[];
  readonly next: TicketCursor | null;
  /** Matching tickets from this page on, counted up to `COUNT_CAP`. */
  readonly remaining: number;
  /** More than `COUNT_CAP` match: `remaining` is a lower bound ("100+"). */
  readonly remainingCapped: boolean;
}

/**
 * Lists count their matches only this far: an exact count over a large account
 * would read every matching row, the page itself stops after a few.
 */
export const COUNT_CAP = 100;

/** Reads of ticket lists, always scoped to what the viewer may see. */
export interface TicketQueryRepository {
  /** One page of matching tickets, newest (highest number) first. */
  list(
    viewer: UserProfile,
    filter: TicketFilter,
    page: { limit: number; after?: TicketCursor },
  ): Promise<TicketPage>;
  count(viewer: UserProfile, filter: TicketFilter): Promise<number>;
  /** One visible ticket with its unread flag for the viewer. */
  visible(viewer: UserProfile, id: number): Promise<ListedTicket | null>;
  /** Open tickets of the viewer's account that the viewer may see, most recent first (duplicate check). */
  openInAccount(viewer: UserProfile, limit: number): Promise<TicketRecord[]>;
}

export function createTicketQueryRepository(db: Db): TicketQueryRepository {
  return {
    async list(viewer, filter, { limit, after }) {
      const where: Prisma.TicketWhereInput = {
        AND: [await whereOf(db, viewer, filter), ...(after ? [afterCursor(after)] : [])],
      };
      // One walk in list order gives the page and the (capped) count of what is left.
      const matches = await db.ticket.findMany({
        where,
        orderBy: { id: 'desc' },
        take: COUNT_CAP + 1,
        select: { id: true },
      });
      const pageIds = matches.slice(0, limit).map((m) => m.id);
      const rows =
        pageIds.length === 0
          ? []
          : await db.ticket.findMany({
              where: { id: { in: pageIds } },
              omit: { searchText: true },
              include: { reads: { select: { userId: true }, take: 1 } },
            });
      const byId = new Map(rows.map((row) => [row.id, withUnread(viewer, row)]));
      const items = pageIds.flatMap((id) => byId.get(id) ?? []);
      const last = items[items.length - 1];
      return {
        items,
        next:
          matches.length > limit && last
            ? { id: last.id, lastActivityAt: last.lastActivityAt.toISOString() }
            : null,
        remaining: Math.min(matches.length, COUNT_CAP),
        remainingCapped: matches.length > COUNT_CAP,
      };
    },

    count: async (viewer, filter) => db.ticket.count({ where: await whereOf(db, viewer, filter) }),

    async visible(viewer, id) {
      const row = await db.ticket.findFirst({
        where: { AND: [{ id }, visibleTicketsWhere(viewer)] },
        omit: { searchText: true },
        include: { reads: { select: { userId: true }, take: 1 } },
      });
      return row ? withUnread(viewer, row) : null;
    },

    async openInAccount(viewer, limit) {
      const rows = await db.ticket.findMany({
        where: {
          AND: [
            visibleTicketsWhere(viewer),
            { accountId: viewer.accountId, status: { in: [...OPEN_STATUSES] } },
          ],
        },
        orderBy: [{ lastActivityAt: 'desc' }, { id: 'desc' }],
        take: limit,
        omit: { searchText: true },
      });
      return rows.map(toTicketRecord);
    },
  };
}

async function whereOf(db: Db, viewer: UserProfile, filter: TicketFilter): Promise<Prisma.TicketWhereInput> {
  const staff = isSupportStaff(viewer);
  // A requester's own tickets are always visible to them; saying only that (not also "account
  // and own-or-shared") lets PostgreSQL walk the creator index instead of mis-estimating a join of two.
  const and: Prisma.TicketWhereInput[] =
    filter.createdBy === 'me' && !staff
      ? [{ creatorId: viewer.id }]
      : [visibleTicketsWhere(viewer), ...(filter.createdBy === 'me' ? [{ creatorId: viewer.id }] : [])];
  if (filter.assignedToMe) and.push({ assigneeId: viewer.id });
  if (filter.statuses && filter.statuses.length > 0) and.push({ status: { in: [...filter.statuses] } });
  if (filter.issueTypes && filter.issueTypes.length > 0)
    and.push({ issueType: { in: [...filter.issueTypes] } });
  if (filter.ids && filter.ids.length > 0) and.push({ id: { in: [...filter.ids] } });
  if (filter.createdAt) and.push({ createdAt: dateRange(filter.createdAt) });
  if (filter.lastActivityAt) and.push({ lastActivityAt: dateRange(filter.lastActivityAt) });
  const words = (filter.keywords ?? []).map((word) => word.toLowerCase());
  for (const word of words.filter((w) => !hasLikeSpecials(w))) and.push({ searchText: { contains: word } });
  const literal = words.filter(hasLikeSpecials);
  if (literal.length > 0) and.push({ id: { in: await idsContainingLiterally(db, viewer, literal) } });
  // Staff have no read marks (they are not users of the ticket's account).
  if (filter.read && !staff) {
    and.push(filter.read === 'unread' ? { reads: { none: {} } } : { reads: { some: {} } });
  }
  // Last: the tickets whose text is read for a campaign are those every other condition allows.
  if (filter.campaignIds && filter.campaignIds.length > 0) {
    and.push(await campaignWhere(db, { AND: [...and] }, filter.campaignIds));
  }
  return { AND: and };
}

/**
 * Tickets whose search text holds every word as typed, `%` and `_` included: Prisma's
 * `contains` passes them to LIKE as wildcards ("utm_source" would find "utmXsource"),
 * so these words are matched by an escaped LIKE. Scoped to the viewer's account
 * (visibility itself is the caller's condition); such words are rare and specific.
 */
async function idsContainingLiterally(
  db: Db,
  viewer: UserProfile,
  words: readonly string[],
): Promise<number[]> {
  const and = words.map((word) => Prisma.sql`"searchText" LIKE ${containsPattern(word)} ESCAPE '\\'`);
  if (!isSupportStaff(viewer)) and.unshift(Prisma.sql`"accountId" = ${viewer.accountId}`);
  const rows = await db.$queryRaw<{ id: number | bigint }[]>`
    SELECT "id" FROM "Ticket" WHERE ${Prisma.join(and, ' AND ')}`;
  return rows.map((row) => Number(row.id));
}

/**
 * Tickets of these campaigns: the ticket's campaign ID, or its text naming the campaign as a
 * chat message would ("campaign 4821", "cid=4821", "campaigns 3300 and #4821"); never a number
 * that only holds the digits ("148213") or is something else ("invoice 4821"). The text is read
 * with the chat's own campaign reader over the tickets `scope` allows whose text holds the number
 * and a campaign word; the IDs found then narrow the query, so pages and counts stay exact.
 */
async function campaignWhere(
  db: Db,
  scope: Prisma.TicketWhereInput,
  campaignIds: readonly string[],
): Promise<Prisma.TicketWhereInput> {
  // Campaign IDs are digits (the filter schema checks): nothing LIKE would read as a wildcard.
  const wanted = new Set(campaignIds.filter((id) => /^\d+$/.test(id)));
  const candidates = await db.ticket.findMany({
    where: {
      AND: [
        scope,
        { OR: [...wanted].map((id) => ({ searchText: { contains: id } })) },
        { OR: CAMPAIGN_WORDS.map((word) => ({ searchText: { contains: word } })) },
      ],
    },
    select: { id: true, searchText: true },
  });
  const named = candidates
    .filter((ticket) => extractCampaignIds(ticket.searchText).some((id) => wanted.has(id)))
    .map((ticket) => ticket.id);
  return { OR: [{ campaignId: { in: [...wanted] } }, { id: { in: named } }] };
}

/** A text names a campaign only with one of these (lower case, as the search text is). */
const CAMPAIGN_WORDS = ['campaign', 'cid'];

function dateRange(range: TicketTimeRange): { gte?: Date; lt?: Date } {
  return {
    ...(range.from ? { gte: new Date(range.from) } : {}),
    ...(range.to ? { lt: new Date(range.to) } : {}),
  };
}

function afterCursor(cursor: TicketCursor): Prisma.TicketWhereInput {
  return { id: { lt: cursor.id } };
}

function withUnread(
  viewer: UserProfile,
  row: Parameters<typeof toTicketRecord>[0] & { reads: readonly { userId: string }[] },
): ListedTicket {
  return { ...toTicketRecord(row), unread: !isSupportStaff(viewer) && row.reads.length === 0 };
}
