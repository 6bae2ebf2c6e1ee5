import type { InboundAttachment as Attachment } from '../../core/inbound-message.js';
import type { TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';

/** A ticket as other modules see it (handoff, Slack App Home, Teams). */
export interface TicketSummary {
  readonly id: number;
  /** Human-friendly number, e.g. "#1042". */
  readonly number: string;
  readonly subject: string;
  readonly issueType: string;
  readonly status: TicketStatus;
  readonly accountId: string;
  readonly creatorId: string;
  readonly assigneeId: string | null;
  readonly conversationId: string | null;
  readonly createdAt: Date;
  readonly lastActivityAt: Date;
  readonly unread: boolean;
}

export interface NewTicketInput {
  readonly requester: UserProfile;
  readonly subject: string;
  readonly issueType: string;
  readonly description: string;
  readonly campaignId?: string | null;
  readonly shared?: boolean;
  readonly ccEmails?: readonly string[];
  readonly attachments?: readonly Attachment[];
  readonly channel: string;
  readonly conversationId?: string | null;
  /** Same key twice → the same ticket, never two. */
  readonly idempotencyKey: string;
}

/**
 * What `setStatus` did. `solution-already-offered`: the ticket is on Solution Offered with that very
 * solution (white space aside), so nothing was sent or recorded again (the same submit repeated).
 */
export type StatusChangeResult = 'changed' | 'unchanged' | 'solution-already-offered';

/**
 * What the ticket module offers other modules (`shared.tickets`).
 * Every read is scoped by what `viewer` may see.
 */
export interface TicketService {
  create(input: NewTicketInput): Promise<TicketSummary>;
  get(viewer: UserProfile, id: number): Promise<TicketSummary | null>;
  /** The viewer's open tickets (created by them; for staff also assigned to them), newest ticket first (App Home). */
  listOpen(viewer: UserProfile, limit: number): Promise<TicketSummary[]>;
  comment(
    actor: UserProfile,
    id: number,
    body: string,
    options?: {
      internal?: boolean;
      attachments?: readonly Attachment[];
      /** false: no notification to the requester (e.g. the reply was already shown in a live chat). Default true. */
      notify?: boolean;
    },
  ): Promise<void>;
  /**
   * Setting the status a ticket already has changes nothing (no error, no event). `note` is kept
   * on the change; on Solution Offered from support staff it is the solution, a public reply to
   * the requester (as when an agent offers one in the chat), also when the ticket is on Solution
   * Offered already; the same solution again is sent and recorded only once.
   */
  setStatus(actor: UserProfile, id: number, status: TicketStatus, note?: string): Promise<StatusChangeResult>;
  assign(actor: UserProfile, id: number, assigneeId: string | null): Promise<void>;
}
