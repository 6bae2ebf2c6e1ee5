import type { TicketRecipients } from '../../store/ticket-recipients.js';
import type { TicketRecord } from '../../store/ticket-record.js';

/** A conversation to notify; `neutral`: others see it, so only say that the ticket changed. */
export interface NotificationPlace {
  readonly conversationId: string;
  readonly neutral: boolean;
}

/**
 * Where the requester hears about a change: the conversation the ticket was filed in
 * when only they see it, else their DM with the bot on that platform. Without a DM,
 * a shared ticket is told in its channel thread; a private one only gets a line there
 * saying it changed (`neutral`), never its content.
 */
export async function requesterPlace(
  recipients: TicketRecipients,
  ticket: TicketRecord,
): Promise<NotificationPlace | null> {
  const filedIn = ticket.conversationId;
  if (filedIn && (await recipients.isDirect(filedIn))) return { conversationId: filedIn, neutral: false };
  const dm = await recipients.directConversation(ticket.creatorId, ticket.channel);
  if (dm) return { conversationId: dm, neutral: false };
  const fallback = filedIn ?? (await recipients.latestConversation(ticket.creatorId, ticket.channel));
  return fallback ? { conversationId: fallback, neutral: !ticket.shared } : null;
}

/**
 * Where a CC'd colleague hears about a change: their own conversation with the bot on the
 * platform the ticket came from that only they see (a DM, a personal chat, the web chat).
 * A channel thread of theirs is about something else and read by the whole channel: none.
 */
export async function colleaguePlace(
  recipients: TicketRecipients,
  ticket: TicketRecord,
  userId: string,
): Promise<NotificationPlace | null> {
  const dm = await recipients.directConversation(userId, ticket.channel);
  return dm ? { conversationId: dm, neutral: false } : null;
}
