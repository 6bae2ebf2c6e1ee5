import type { InboundAttachment } from '../core/inbound-message.js';
import { isTicketStatus, type TicketStatus } from '../domain/ticket-statuses.js';

/** A ticket row as the ticket module works with it (JSON columns parsed, status typed). */
export interface TicketRecord {
  readonly id: number;
  readonly accountId: string;
  readonly creatorId: string;
  readonly subject: string;
  readonly issueType: string;
  readonly description: string;
  readonly campaignSpecific: boolean;
  readonly campaignId: string | null;
  readonly shared: boolean;
  readonly ccEmails: readonly string[];
  readonly status: TicketStatus;
  readonly assigneeId: string | null;
  readonly channel: string;
  readonly conversationId: string | null;
  readonly createdAt: Date;
  readonly lastActivityAt: Date;
  readonly closedAt: Date | null;
}

/** A file kept with a ticket or a comment. */
export type AttachmentInput = InboundAttachment;

export interface TicketRow {
  id: number;
  accountId: string;
  creatorId: string;
  subject: string;
  issueType: string;
  description: string;
  campaignSpecific: boolean;
  campaignId: string | null;
  shared: boolean;
  ccEmails: string;
  status: string;
  assigneeId: string | null;
  channel: string;
  conversationId: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  closedAt: Date | null;
}

/** Maps a database row; an unknown stored status reads as open rather than failing the turn. */
export function toTicketRecord(row: TicketRow): TicketRecord {
  return {
    id: row.id,
    accountId: row.accountId,
    creatorId: row.creatorId,
    subject: row.subject,
    issueType: row.issueType,
    description: row.description,
    campaignSpecific: row.campaignSpecific,
    campaignId: row.campaignId,
    shared: row.shared,
    ccEmails: parseEmailList(row.ccEmails),
    status: isTicketStatus(row.status) ? row.status : 'open',
    assigneeId: row.assigneeId,
    channel: row.channel,
    conversationId: row.conversationId,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    closedAt: row.closedAt,
  };
}

function parseEmailList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The lower-cased text keyword search runs on (subject, description, then public replies). */
export function searchTextOf(...parts: readonly string[]): string {
  return parts.join('\n').toLowerCase().slice(0, MAX_SEARCH_TEXT);
}

/** Keeps a long-running ticket's search column bounded; the head carries the request. */
export const MAX_SEARCH_TEXT = 20_000;

/** Files bigger than this keep their metadata and link only, never their bytes, in the database. */
export const MAX_INLINE_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export function attachmentRow(a: AttachmentInput) {
  const inline = a.content && a.content.byteLength <= MAX_INLINE_ATTACHMENT_BYTES;
  return {
    name: a.name.slice(0, 255),
    mimeType: a.mimeType.slice(0, 120),
    size: a.size,
    url: a.url ?? null,
    content: inline ? new Uint8Array(a.content!) : null,
  };
}
