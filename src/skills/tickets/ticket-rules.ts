import type { TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';
import type { TicketRecord } from '../../store/ticket-record.js';
import { canSeeTicket, isSupportStaff } from '../../store/ticket-visibility.js';

/** Why an action on a ticket is refused; each has a sentence in tickets.yml (update.refused.*). */
export type Refusal =
  | 'not-visible'
  | 'closed'
  | 'already-closed'
  | 'not-closed'
  | 'reopen-expired'
  | 'no-solution-offered'
  | 'creator-only'
  | 'staff-only'
  | 'same-status'
  /** Solution Offered with the very solution on offer already (a repeated submit): nothing is sent again. */
  | 'solution-already-offered';

export interface RuleContext {
  readonly now: Date;
  /** TICKET_REOPEN_DAYS: how long after closing a requester may reopen. */
  readonly reopenDays: number;
}

const DAY_MS = 86_400_000;

/** The last moment a closed ticket may be reopened by its requester. */
export function reopenDeadline(ticket: TicketRecord, reopenDays: number): Date | null {
  return ticket.closedAt ? new Date(ticket.closedAt.getTime() + reopenDays * DAY_MS) : null;
}

/**
 * May `actor` move `ticket` to `to`? Staff may set any status. Requesters may close
 * (the creator only, as on the web), confirm or reject an offered solution, and
 * reopen within the reopen window; everything else is the agents' job.
 */
export function statusChangeRefusal(
  actor: UserProfile,
  ticket: TicketRecord,
  to: TicketStatus,
  rules: RuleContext,
): Refusal | null {
  if (!canSeeTicket(actor, ticket)) return 'not-visible';
  if (ticket.status === to) return to === 'closed' ? 'already-closed' : 'same-status';
  if (isSupportStaff(actor)) return null;
  const isCreator = ticket.creatorId === actor.id;
  if (ticket.status === 'closed') {
    if (to !== 'open') return 'staff-only';
    const deadline = reopenDeadline(ticket, rules.reopenDays);
    return deadline && rules.now > deadline ? 'reopen-expired' : null;
  }
  if (to === 'closed') return isCreator ? null : 'creator-only';
  if (to === 'in_progress' && ticket.status === 'solution_offered') return null;
  if (to === 'open') return 'not-closed';
  return 'staff-only';
}

/** May `actor` comment? Requesters reopen a closed ticket first; internal notes are for staff. */
export function commentRefusal(actor: UserProfile, ticket: TicketRecord, internal: boolean): Refusal | null {
  if (!canSeeTicket(actor, ticket)) return 'not-visible';
  if (isSupportStaff(actor)) return null;
  if (internal) return 'staff-only';
  return ticket.status === 'closed' ? 'closed' : null;
}

/**
 * A requester's reply hands the ticket back to support: from Awaiting your response
 * or Solution Offered to In Progress (help center: "Reply to, close or reopen a ticket").
 */
export function statusAfterRequesterReply(status: TicketStatus): TicketStatus | null {
  return status === 'awaiting_response' || status === 'solution_offered' ? 'in_progress' : null;
}
