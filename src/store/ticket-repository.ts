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
  readonly now: Date;
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
      return db.$transaction(async (tx) => {
        const closing = change.to === 'closed';
        const updated = await tx.ticket.updateMany({
          where: { id: change.ticketId, status: change.from },
          data: { status: change.to, closedAt: closing ? change.now : null },
        });
        if (updated.count !== 1) return null;
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
        const row = await tx.ticket.findUniqueOrThrow({ where: { id: change.ticketId } });
        return toTicketRecord(row);
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

/**
 * The comment that comes with a status change, stored like any comment: a public one joins
 * the search text; an internal note, like any other, is kept out of it.
 */
async function addChangeComment(tx: Prisma.TransactionClient, change: StatusChange, body: string) {
  const comment = await tx.ticketComment.create({
    data: {
      ticketId: change.ticketId,
      authorId: change.actorId,
      body,
      internal: change.commentInternal === true,
      createdAt: change.now,
    },
  });
  await tx.ticketEvent.create({
    data: {
      ticketId: change.ticketId,
      actorId: change.actorId,
      type: comment.internal ? 'note' : 'comment',
      data: JSON.stringify({ commentId: comment.id, attachments: [] }),
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
