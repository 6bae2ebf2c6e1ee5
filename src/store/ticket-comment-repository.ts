import type { TicketStatus } from '../domain/ticket-statuses.js';
import type { Db } from './prisma-client.js';
import { addToSearchText, touchTicket } from './ticket-activity.js';
import { type AttachmentInput, attachmentRow } from './ticket-record.js';

export interface CommentData {
  readonly ticketId: number;
  readonly authorId: string;
  readonly body: string;
  readonly internal: boolean;
  readonly attachments: readonly AttachmentInput[];
  /** Files stored during a guided flow that now belong to this comment. */
  readonly draftAttachmentIds?: readonly string[];
  /** Who has now seen the ticket (the author, when a user of the ticket's account). */
  readonly readerId: string | null;
  /** A reply that also moves the ticket (e.g. Awaiting your response → In Progress). */
  readonly statusChange?: { readonly from: TicketStatus; readonly to: TicketStatus };
  readonly now: Date;
}

export interface TicketComment {
  readonly id: number;
  readonly authorId: string;
  readonly body: string;
  readonly internal: boolean;
  readonly createdAt: Date;
  readonly attachmentNames: readonly string[];
}

/** Comments on tickets and the files that come with them; a public comment is activity (unread for others). */
export interface TicketCommentRepository {
  /** Stores the comment, its files and its TicketEvent (and the status change it causes) in one transaction. */
  addComment(data: CommentData): Promise<number>;
  /** Files sent during a guided flow, kept until the ticket is filed (then linked to it). */
  saveDraftAttachments(attachments: readonly AttachmentInput[]): Promise<string[]>;
  attachmentNames(ids: readonly string[]): Promise<string[]>;
  comments(ticketId: number, options: { includeInternal: boolean }): Promise<TicketComment[]>;
  /** The newest public comment not written by `exceptAuthorId` (what the other side last said). */
  latestReply(ticketId: number, exceptAuthorId: string): Promise<TicketComment | null>;
}

export function createTicketCommentRepository(db: Db): TicketCommentRepository {
  return {
    async addComment(data) {
      return db.$transaction(async (tx) => {
        if (data.statusChange) {
          const moved = await tx.ticket.updateMany({
            where: { id: data.ticketId, status: data.statusChange.from },
            data: { status: data.statusChange.to, closedAt: null },
          });
          if (moved.count === 1) {
            await tx.ticketEvent.create({
              data: {
                ticketId: data.ticketId,
                actorId: data.authorId,
                type: data.statusChange.from === 'closed' ? 'reopened' : 'status',
                data: JSON.stringify({ from: data.statusChange.from, to: data.statusChange.to, note: null }),
                createdAt: data.now,
              },
            });
          }
        }
        const comment = await tx.ticketComment.create({
          data: {
            ticketId: data.ticketId,
            authorId: data.authorId,
            body: data.body,
            internal: data.internal,
            createdAt: data.now,
            attachments: {
              create: data.attachments.map((a) => ({ ...attachmentRow(a), ticketId: data.ticketId })),
            },
          },
        });
        const drafts = data.draftAttachmentIds ?? [];
        if (drafts.length > 0) {
          await tx.attachment.updateMany({
            where: { id: { in: [...drafts] }, ticketId: null, commentId: null },
            data: { ticketId: data.ticketId, commentId: comment.id },
          });
        }
        await tx.ticketEvent.create({
          data: {
            ticketId: data.ticketId,
            actorId: data.authorId,
            type: data.internal ? 'note' : 'comment',
            data: JSON.stringify({
              commentId: comment.id,
              attachments: data.attachments.map((a) => a.name),
            }),
            createdAt: data.now,
          },
        });
        // Agents' internal notes are not news for the requester: they leave read state alone.
        if (!data.internal) {
          await addToSearchText(tx, data.ticketId, data.body);
          await touchTicket(tx, data.ticketId, data.readerId, data.now);
        }
        return comment.id;
      });
    },

    async saveDraftAttachments(attachments) {
      const ids: string[] = [];
      for (const a of attachments) {
        const row = await db.attachment.create({ data: attachmentRow(a), select: { id: true } });
        ids.push(row.id);
      }
      return ids;
    },

    async attachmentNames(ids) {
      if (ids.length === 0) return [];
      const rows = await db.attachment.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, name: true },
      });
      const byId = new Map(rows.map((r) => [r.id, r.name]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async comments(ticketId, { includeInternal }) {
      const rows = await db.ticketComment.findMany({
        where: { ticketId, ...(includeInternal ? {} : { internal: false }) },
        orderBy: { id: 'asc' },
        include: { attachments: { select: { name: true } } },
      });
      return rows.map((r) => ({
        id: r.id,
        authorId: r.authorId,
        body: r.body,
        internal: r.internal,
        createdAt: r.createdAt,
        attachmentNames: r.attachments.map((a) => a.name),
      }));
    },

    async latestReply(ticketId, exceptAuthorId) {
      const row = await db.ticketComment.findFirst({
        where: { ticketId, internal: false, authorId: { not: exceptAuthorId } },
        orderBy: { id: 'desc' },
      });
      return row
        ? {
            id: row.id,
            authorId: row.authorId,
            body: row.body,
            internal: row.internal,
            createdAt: row.createdAt,
            attachmentNames: [],
          }
        : null;
    },
  };
}
