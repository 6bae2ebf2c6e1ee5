import type { TurnContext } from '../../core/turn-context.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { LiveChatViews } from './live-chat-view.js';

/**
 * A user's message that reached a live chat as it ended (the agent closed it, it timed out,
 * another instance ended it): no agent reads the chat any more, so the message is kept on the
 * chat's ticket as the user's comment, and the user is told where it went.
 */
export interface LateMessages {
  /** The chat had ended before the message was applied: kept on the ticket, answered in the turn, stored outside the chat. */
  answerInTurn(ctx: TurnContext, ended: HandoffRecord): Promise<void>;
  /**
   * The chat ended after the gate relayed the message but before the turn stored it: the
   * transcript kept on the ticket may lack it, so it goes there, and the user is told.
   */
  keepAfterStored(ctx: TurnContext, handoff: HandoffRecord): Promise<void>;
}

export function createLateMessages(deps: HandoffDeps, views: LiveChatViews): LateMessages {
  const { t } = deps.responses;
  const notice = async (h: HandoffRecord) => ({
    type: 'text' as const,
    text: t('handoff.ended_before_message', { ticketNumber: (await views.ticket(h)).number }),
  });

  return {
    async answerInTurn(ctx, ended) {
      ctx.handoffId = null;
      const files = ctx.message.attachments;
      const text = ctx.message.text.trim();
      if (text || files.length > 0) {
        await deps.tickets().comment(ctx.user, ended.ticketId, text || files.map((f) => f.name).join(', '), {
          attachments: files,
          // The user's own words: nothing to tell them about.
          notify: false,
        });
      }
      ctx.reply(await notice(ended));
    },

    async keepAfterStored(ctx, handoff) {
      // The relay put the files on the ticket already; the words are what may be missing.
      const text = ctx.message.text.trim();
      if (text) await deps.tickets().comment(ctx.user, handoff.ticketId, text, { notify: false });
      await deps.notifier.send(
        handoff.conversationId,
        [await notice(handoff)],
        { author: 'system', handoffId: handoff.id },
        handoff.userId,
      );
    },
  };
}
