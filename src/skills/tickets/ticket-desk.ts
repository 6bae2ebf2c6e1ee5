import type { InboundAttachment } from '../../core/inbound-message.js';
import type { TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';
import type { TicketCursor, TicketFilter } from '../../store/ticket-query-repository.js';
import type { TicketRecord } from '../../store/ticket-record.js';
import type { Refusal } from './ticket-rules.js';
import type { NewTicketInput, TicketService, TicketSummary } from './ticket-service.js';

export interface TicketDetails {
  readonly summary: TicketSummary;
  readonly ticket: TicketRecord;
  readonly creatorName: string;
  readonly assigneeName: string | null;
  /** The newest public reply from someone other than the viewer (what support last said). */
  readonly latestReply: { readonly authorName: string; readonly body: string; readonly at: Date } | null;
  readonly reopenUntil: Date | null;
}

export interface CommentOptions {
  readonly internal?: boolean;
  readonly attachments?: readonly InboundAttachment[];
  /** Files kept during a guided flow (see `saveDraftAttachments`). */
  readonly draftAttachmentIds?: readonly string[];
  /** false: the requester is not notified (default true). */
  readonly notify?: boolean;
}

export interface TicketListResult {
  readonly items: TicketSummary[];
  readonly records: TicketRecord[];
  readonly next: TicketCursor | null;
  /** Matches from this page on, counted up to COUNT_CAP (then `remainingCapped`). */
  readonly remaining: number;
  readonly remainingCapped: boolean;
}

/** What comes with a status change besides the status. */
export interface StatusChangeDetails {
  /** Kept on the status event and shown in the notification. */
  readonly note?: string;
  /**
   * A comment stored with the change ("close 1042, it works now"): public from a requester,
   * an internal note from support staff unless `commentPublic`.
   */
  readonly comment?: string;
  /** From staff: the comment is for the requester (the solution offered), not an internal note. */
  readonly commentPublic?: boolean;
  /** Files for the requester with the solution offered, kept with it; other changes take none. */
  readonly attachments?: readonly InboundAttachment[];
}

export type ActionOutcome =
  | {
      readonly ok: true;
      readonly ticket: TicketRecord;
      /** A solution for a ticket on Solution Offered already: sent as one more reply, the status unchanged. */
      readonly solutionReply?: boolean;
    }
  | { readonly ok: false; readonly refusal: Refusal; readonly ticket: TicketRecord | null };

/** The ticket service plus what the conversation needs: details, lists, drafts, duplicates, outcomes instead of throws. */
export interface TicketDesk extends TicketService {
  createTicket(
    input: NewTicketInput & { readonly draftAttachmentIds?: readonly string[] },
  ): Promise<{ summary: TicketSummary; created: boolean }>;
  details(viewer: UserProfile, id: number): Promise<TicketDetails | null>;
  list(
    viewer: UserProfile,
    filter: TicketFilter,
    page: { limit: number; after?: TicketCursor },
  ): Promise<TicketListResult>;
  markRead(viewer: UserProfile, id: number): Promise<void>;
  byIdempotencyKey(viewer: UserProfile, key: string): Promise<TicketSummary | null>;
  findDuplicate(viewer: UserProfile, text: string, campaignId: string | null): Promise<TicketSummary | null>;
  saveDraftAttachments(attachments: readonly InboundAttachment[]): Promise<string[]>;
  attachmentNames(ids: readonly string[]): Promise<string[]>;
  changeStatus(
    actor: UserProfile,
    id: number,
    to: TicketStatus,
    details?: StatusChangeDetails,
  ): Promise<ActionOutcome>;
  addComment(actor: UserProfile, id: number, body: string, options?: CommentOptions): Promise<ActionOutcome>;
  assignTo(actor: UserProfile, id: number, assigneeId: string | null): Promise<ActionOutcome>;
}
