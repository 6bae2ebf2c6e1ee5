import type { TurnMiddleware } from '../../core/turn-context.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { HandoffRequests } from './handoff-requests.js';
import { createLeaveWords } from './leave-words.js';
import { confirmOpenedChatAgain } from './opened-chat-note.js';
import { acknowledgeWhileWaiting, isWaitingForAgent } from './queue-acknowledgement.js';

/**
 * The live-agent gate, before the router: while the conversation has a live chat
 * (waiting or with an agent) every message goes to the chat, stored in order with
 * its id. With an agent the bot stays quiet and only end-chat words ("end chat",
 * "thanks, end chat") end it: "cancel my order" is for the agent. While still
 * waiting, "stop waiting" and a bare "cancel" or "never mind" leave the queue too
 * ("never mind, found the campaign id: 48213" is for the agent), and other
 * messages are acknowledged with the user's place in line. The chat's own buttons
 * (leave as ticket, keep waiting) still reach the handoff skill. The turn that
 * opened the chat, run again after another instance stored the conversation
 * first, answers with its queue confirmation instead.
 */
export function createHandoffGate(deps: HandoffDeps, requests: HandoffRequests): TurnMiddleware {
  const words = createLeaveWords(deps.responses);
  const { t } = deps.responses;
  return async (ctx, next) => {
    const handoff = await deps.handoffs.activeFor(ctx.conversation.id);
    if (!handoff) return next();
    if (confirmOpenedChatAgain(ctx, handoff.id)) return;
    const value = ctx.message.value;
    if (value && value.skill === 'handoff') return next();
    const waiting = isWaitingForAgent(handoff);
    const text = ctx.message.text;
    if (waiting ? words.leavesQueue(text) : words.endsChat(text)) {
      ctx.handoffId = handoff.id;
      await requests.endByUser(ctx, handoff);
      return;
    }
    if (value && !ctx.message.text.trim() && ctx.message.attachments.length === 0) {
      // An old button of another skill: nothing to relay.
      ctx.handoffId = handoff.id;
      ctx.reply({ type: 'text', text: t('handoff.click_during_chat') });
      return;
    }
    await requests.relay(ctx, handoff);
    if (waiting) await acknowledgeWhileWaiting(deps, ctx, handoff);
  };
}
