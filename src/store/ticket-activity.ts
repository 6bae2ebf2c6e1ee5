import type { Prisma } from '../generated/sqlite/client.js';
import { MAX_SEARCH_TEXT, searchTextOf } from './ticket-record.js';

/**
 * New activity: the ticket becomes unread for everyone (its read marks are
 * dropped), except for the person who caused it, who has obviously seen it.
 * Dropping marks instead of comparing times keeps "unread" a plain relation
 * filter that both databases answer from the primary key.
 */
export async function touchTicket(
  tx: Prisma.TransactionClient,
  ticketId: number,
  readerId: string | null,
  now: Date,
): Promise<void> {
  await tx.ticket.update({ where: { id: ticketId }, data: { lastActivityAt: now } });
  await tx.ticketRead.deleteMany({ where: { ticketId } });
  if (readerId) await tx.ticketRead.create({ data: { ticketId, userId: readerId, readAt: now } });
}

/** Adds a public comment's words to the ticket's search text, while that text is under its limit. */
export async function addToSearchText(
  tx: Prisma.TransactionClient,
  ticketId: number,
  body: string,
): Promise<void> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { searchText: true } });
  if (ticket.searchText.length < MAX_SEARCH_TEXT) {
    await tx.ticket.update({
      where: { id: ticketId },
      data: { searchText: searchTextOf(ticket.searchText, body) },
    });
  }
}
