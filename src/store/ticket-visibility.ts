import type { UserProfile } from '../domain/user.js';
import type { Prisma } from '../generated/sqlite/client.js';

/** Support staff (agents, and admins who run the desk) work on every account's tickets. */
export function isSupportStaff(user: Pick<UserProfile, 'role'>): boolean {
  return user.role === 'agent' || user.role === 'admin';
}

/**
 * The tickets a user may see: their own, and the shared tickets of their account.
 * Colleagues' private tickets and other accounts' tickets never match, not even in counts.
 */
export function visibleTicketsWhere(viewer: UserProfile): Prisma.TicketWhereInput {
  if (isSupportStaff(viewer)) return {};
  return { accountId: viewer.accountId, OR: [{ creatorId: viewer.id }, { shared: true }] };
}

/** Whether `viewer` may see a ticket (the same rule as `visibleTicketsWhere`, for one row). */
export function canSeeTicket(
  viewer: UserProfile,
  ticket: { accountId: string; creatorId: string; shared: boolean },
): boolean {
  if (isSupportStaff(viewer)) return true;
  return ticket.accountId === viewer.accountId && (ticket.creatorId === viewer.id || ticket.shared);
}

/**
 * Read marks count only for users of the ticket's account: a shared ticket is read
 * once anyone there has seen it; an agent opening it changes nothing for the requester.
 */
export function readerOf(
  user: Pick<UserProfile, 'id' | 'accountId' | 'role'>,
  ticket: { accountId: string },
): string | null {
  return !isSupportStaff(user) && user.accountId === ticket.accountId ? user.id : null;
}
