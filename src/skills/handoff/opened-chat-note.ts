import type { Reply } from '../../core/reply.js';
import type { TurnContext } from '../../core/turn-context.js';

const OPENED_CHAT = 'handoff.openedChat';

/** What the turn that opened a live chat told the user, kept in case the turn runs again. */
interface OpenedChat {
  readonly handoffId: string;
  readonly ticketId: number;
  readonly confirmation: Reply;
}

/** Notes the chat this turn opened, with its queue confirmation (position and ticket number). */
export function noteOpenedChat(ctx: TurnContext, opened: OpenedChat): void {
  ctx.carried.set(OPENED_CHAT, opened);
}

/**
 * A turn that opened this chat and runs again (another instance stored the conversation
 * first) finds the chat live: it answers with the confirmation it gave the first time,
 * instead of passing its own request on to the chat quietly, so the user always hears
 * their place in line and the ticket number. Returns false for any other turn.
 */
export function confirmOpenedChatAgain(ctx: TurnContext, handoffId: string): boolean {
  // Only noteOpenedChat writes this key.
  const opened = ctx.carried.get(OPENED_CHAT) as OpenedChat | undefined;
  if (!opened || opened.handoffId !== handoffId) return false;
  ctx.state.lastTicketId = opened.ticketId;
  ctx.state.unhelpfulCount = 0;
  ctx.reply(opened.confirmation);
  return true;
}
