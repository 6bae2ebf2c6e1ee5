import type { TicketStatus } from '../domain/ticket-statuses.js';
import type { Prisma } from '../generated/sqlite/client.js';
import type { Db } from './prisma-client.js';
import { addToSearchText, touchTicket } from './ticket-activity.js';
import {
  type AttachmentInput,
  attachmentRow,
  searchTextOf,
  type TicketRecord,
  toTicketRecord,
} from './ticket-record.js';

export interface NewTicketData {
  readonly accountId: string;
  readonly creatorId: string;
  readonly subject: string;
  readonly issueType: string;
  readonly description: string;
  readonly campaignId: string | null;
  readonly shared: boolean;
  readonly ccEmails: readonly string[];
  readonly channel: string;
  readonly conversationId: string | null;
  readonly idempotencyKey: string;
  /** Files that arrive with the request itself. */
  readonly attachments: readonly AttachmentInput[];
  /** Files stored while a guided flow was running (see `saveDraftAttachments`). */
  readonly draftAttachmentIds: readonly string[];
}

export interface StatusChange {
  readonly ticketId: number;
  /** The status the actor saw; the change is refused when the ticket moved meanwhile. */
  readonly from: TicketStatus;
  readonly to: TicketStatus;
  readonly actorId: string;
  readonly readerId: string | null;
  readonly note?: string;
  /** A comment by the actor that comes with the change ("close 1042, it works now"). */
  readonly comment?: string;
  /** The comment is an agent's internal note: hidden from the requester, not news for them. */
  readonly commentInternal?: boolean;
  /** Files that come with the comment. */
  readonly attachments?: readonly AttachmentInput[];
  readonly now: Date;
}

/** A solution offered by support: a public reply that moves the ticket to Solution Offered, or follows an offer. */
export interface SolutionOfferChange extends Omit<StatusChange, 'to' | 'comment' | 'commentInternal'> {
  readonly solution: string;
}

/**
 * What offering a solution stored: `status` moved the ticket to Solution Offered with it, `reply` added
 * it to an offer already made, `repeat` stored nothing (that very solution is the one on offer).
 */
export interface SolutionOffer {
  readonly kind: 'status' | 'reply' | 'repeat';
  readonly ticket: TicketRecord;
}

export interface TicketEventRecord {
  readonly id: number;
  readonly actorId: string | null;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly createdAt: Date;
}

/** Writes to tickets. Every change is stored with its TicketEvent in the same transaction. */
export interface TicketRepository {
  /** Files the ticket; the same idempotency key twice returns the first ticket with `created: false`. */
  create(data: NewTicketData, now: Date): Promise<{ ticket: TicketRecord; created: boolean }>;
  byId(id: number): Promise<TicketRecord | null>;
  byIdempotencyKey(key: string): Promise<TicketRecord | null>;
  /** Returns the updated ticket, or null when its status was no longer `from`. */
  changeStatus(change: StatusChange): Promise<TicketRecord | null>;
  /**
   * Offers a solution once, however often it is submitted (a double click, a retried request, two at
   * the same moment): on Solution Offered already, a solution equal to the one on offer (the newest
   * public reply), white space aside, that brings no file the offer lacks, is a `repeat`. Null when the
   * ticket moved to another status meanwhile.
   */
  offerSolution(change: SolutionOfferChange): Promise<SolutionOffer | null>;
  assign(input: { ticketId: number; assigneeId: string | null; actorId: string; now: Date }): Promise<void>;
  /** Assigns only while nobody is assigned (two agents at once leave one assignee); true if it did. */
  assignIfUnassigned(input: {
    ticketId: number;
    assigneeId: string;
    actorId: string;
    now: Date;
  }): Promise<boolean>;
  events(ticketId: number): Promise<TicketEventRecord[]>;
  markRead(ticketId: number, userId: string, now: Date): Promise<void>;
}

export function createTicketRepository(db: Db): TicketRepository {
  async function byIdempotencyKey(key: string) {
    const row = await db.ticket.findUnique({ where: { idempotencyKey: key } });
    return row ? toTicketRecord(row) : null;
  }

  return {
    byIdempotencyKey,
    async byId(id) {
      const row = await db.ticket.findUnique({ where: { id } });
      return row ? toTicketRecord(row) : null;
    },

    async create(data, now) {
      const existing = await byIdempotencyKey(data.idempotencyKey);
      if (existing) return { ticket: existing, created: false };
      try {
        const row = await db.$transaction(async (tx) => {
          const ticket = await tx.ticket.create({
            data: {
              accountId: data.accountId,
              creatorId: data.creatorId,
              subject: data.subject,
              issueType: data.issueType,
              description: data.description,
              campaignSpecific: data.campaignId !== null,
              campaignId: data.campaignId,
              shared: data.shared,
              ccEmails: JSON.stringify(data.ccEmails),
              status: 'open',
              searchText: searchTextOf(data.subject, data.description),
              channel: data.channel,
              conversationId: data.conversationId,
              idempotencyKey: data.idempotencyKey,
              createdAt: now,
              lastActivityAt: now,
              attachments: { create: data.attachments.map(attachmentRow) },
              reads: { create: { userId: data.creatorId, readAt: now } },
              events: {
                create: {
                  actorId: data.creatorId,
                  type: 'created',
                  data: JSON.stringify({ subject: data.subject, issueType: data.issueType }),
                  createdAt: now,
                },
              },
            },
          });
          if (data.draftAttachmentIds.length > 0) {
            await tx.attachment.updateMany({
              where: { id: { in: [...data.draftAttachmentIds] }, ticketId: null, commentId: null },
              data: { ticketId: ticket.id },
            });
          }
          return ticket;
        });
        return { ticket: toTicketRecord(row), created: true };
      } catch (error) {
        // Two submits with one key at the same moment: the unique key lets exactly one through.
        if (isUniqueViolation(error)) {
          const winner = await byIdempotencyKey(data.idempotencyKey);
          if (winner) return { ticket: winner, created: false };
        }
        throw error;
      }
    },

    async changeStatus(change) {
      return db.$transaction(async (tx) =>
        (await moveStatus(tx, change)) ? readTicket(tx, change.ticketId) : null,
      );
    },

    async offerSolution(offer) {
      const { ticketId, solution } = offer;
      const change: StatusChange = {
        ...offer,
        to: 'solution_offered',
        comment: solution,
        commentInternal: false,
      };
      return db.$transaction(async (tx): Promise<SolutionOffer | null> => {
        if (change.from !== 'solution_offered' && (await moveStatus(tx, change))) {
          return { kind: 'status', ticket: await readTicket(tx, ticketId) };
        }
        // On offer already, perhaps since a moment ago by the same submit sent twice. This no-op update
        // holds the ticket's row to the end of the transaction, so a twin submit waits, then finds this
        // one's solution (PostgreSQL; SQLite has one writer at a time anyway).
        const held = await tx.ticket.updateMany({
          where: { id: ticketId, status: 'solution_offered' },
          data: { status: 'solution_offered' },
        });
        if (held.count !== 1) return null;
        const onOffer = await tx.ticketComment.findFirst({
          where: { ticketId, internal: false },
          orderBy: { id: 'desc' },
          select: { body: true, attachments: { select: { name: true } } },
        });
        if (onOffer && sameSolution(onOffer.body, solution) && noNewFiles(onOffer.attachments, change)) {
          return { kind: 'repeat', ticket: await readTicket(tx, ticketId) };
        }
        await addChangeComment(tx, change, solution);
        await touchTicket(tx, ticketId, change.readerId, change.now);
        return { kind: 'reply', ticket: await readTicket(tx, ticketId) };
      });
    },

    async assign({ ticketId, assigneeId, actorId, now }) {
      await db.$transaction(async (tx) => {
        const before = await tx.ticket.findUniqueOrThrow({
          where: { id: ticketId },
          select: { assigneeId: true },
        });
        await tx.ticket.update({ where: { id: ticketId }, data: { assigneeId } });
        await tx.ticketEvent.create({
          data: {
            ticketId,
            actorId,
            type: 'assign',
            data: JSON.stringify({ from: before.assigneeId, to: assigneeId }),
            createdAt: now,
          },
        });
      });
    },

    async assignIfUnassigned({ ticketId, assigneeId, actorId, now }) {
      return db.$transaction(async (tx) => {
        const taken = await tx.ticket.updateMany({
          where: { id: ticketId, assigneeId: null },
          data: { assigneeId },
        });
        if (taken.count !== 1) return false;
        await tx.ticketEvent.create({
          data: {
            ticketId,
            actorId,
            type: 'assign',
            data: JSON.stringify({ from: null, to: assigneeId }),
            createdAt: now,
          },
        });
        return true;
      });
    },

    async events(ticketId) {
      const rows = await db.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: 'asc' } });
      return rows.map((r) => ({
        id: r.id,
        actorId: r.actorId,
        type: r.type,
        data: parseObject(r.data),
        createdAt: r.createdAt,
      }));
    },

    async markRead(ticketId, userId, now) {
      await db.ticketRead.upsert({
        where: { ticketId_userId: { ticketId, userId } },
        create: { ticketId, userId, readAt: now },
        update: { readAt: now },
      });
    },
  };
}

/** Moves the ticket from `change.from` (refused when it moved meanwhile), with its event and comment. */
async function moveStatus(tx: Prisma.TransactionClient, change: StatusChange): Promise<boolean> {
  const closing = change.to === 'closed';
  const updated = await tx.ticket.updateMany({
    where: { id: change.ticketId, status: change.from },
    data: { status: change.to, closedAt: closing ? change.now : null },
  });
  if (updated.count !== 1) return false;
  await tx.ticketEvent.create({
    data: {
      ticketId: change.ticketId,
      actorId: change.actorId,
      type: change.from === 'closed' ? 'reopened' : 'status',
      data: JSON.stringify({ from: change.from, to: change.to, note: change.note ?? null }),
      createdAt: change.now,
    },
  });
  if (change.comment) await addChangeComment(tx, change, change.comment);
  await touchTicket(tx, change.ticketId, change.readerId, change.now);
  return true;
}

async function readTicket(tx: Prisma.TransactionClient, id: number): Promise<TicketRecord> {
  return toTicketRecord(await tx.ticket.findUniqueOrThrow({ where: { id } }));
}

/** The same solution, submitted again: equal once trimmed, with every run of white space as one space. */
function sameSolution(a: string, b: string): boolean {
  const plain = (text: string) => text.trim().replace(/\s+/g, ' ');
  return plain(a) === plain(b);
}

/** The files of `change` are all on the comment already (by name, as stored): a repeat adds none. */
function noNewFiles(stored: readonly { name: string }[], change: StatusChange): boolean {
  const names = new Set(stored.map((a) => a.name));
  return (change.attachments ?? []).every((a) => names.has(attachmentRow(a).name));
}

/**
 * The comment that comes with a status change, stored like any comment: a public one joins
 * the search text; an internal note, like any other, is kept out of it.
 */
async function addChangeComment(tx: Prisma.TransactionClient, change: StatusChange, body: string) {
  const files = (change.attachments ?? []).map(attachmentRow);
  const comment = await tx.ticketComment.create({
    data: {
      ticketId: change.ticketId,
      authorId: change.actorId,
      body,
      internal: change.commentInternal === true,
      createdAt: change.now,
      attachments: { create: files.map((a) => ({ ...a, ticketId: change.ticketId })) },
    },
  });
  await tx.ticketEvent.create({
    data: {
      ticketId: change.ticketId,
      actorId: change.actorId,
      type: comment.internal ? 'note' : 'comment',
      data: JSON.stringify({ commentId: comment.id, attachments: files.map((a) => a.name) }),
      createdAt: change.now,
    },
  });
  if (!comment.internal) await addToSearchText(tx, change.ticketId, body);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002';
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
