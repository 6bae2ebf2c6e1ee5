import type { Prisma } from '../generated/sqlite/client.js';

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
