import type { TurnMiddleware } from '../../core/turn-context.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import { decideOnLatest } from './chat-decisions.js';
import { rememberOpenedChat, rememberRequester, someoneElsesChat } from './chat-requester.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { HandoffRequests } from './handoff-requests.js';
import { isHandoffOver } from './handoff-state-machine.js';
import { createLeaveWords } from './leave-words.js';
import { confirmOpenedChatAgain } from './opened-chat-note.js';
import { acknowledgeWhileWaiting, isWaitingForAgent } from './queue-acknowledgement.js';
import { holdForRequester, someoneElsesRating } from './someone-elses-chat.js';

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
 * first, answers with its queue confirmation instead. The words are applied to the
 * chat as it is at that moment (see decideOnLatest): "cancel" as an agent claims goes
 * to that agent, and the user hears who joined; a message as the chat closes is kept
 * on its ticket, and the user told so.
 * A live chat, and the question rating it, belong to its requester: in a conversation several
 * people write in, anyone else's message is left alone and they are told whose chat it is
 * (someone-elses-chat.ts).
 */
export function createHandoffGate(deps: HandoffDeps, requests: HandoffRequests): TurnMiddleware {
  const words = createLeaveWords(deps.responses);
  const { t } = deps.responses;
  return async (ctx, next) => {
    const handoff = await deps.handoffs.activeFor(ctx.conversation.id);
    if (!handoff) {
      const rated = await someoneElsesRating(deps, ctx);
      if (rated) return holdForRequester(ctx, deps.responses, rated);
      await next();
      return rememberOpenedChat(deps, ctx);
    }
    if (confirmOpenedChatAgain(ctx, handoff.id)) return;
    const requester = await someoneElsesChat(deps, ctx, handoff);
    if (requester) return holdForRequester(ctx, deps.responses, requester);
    rememberRequester(ctx, handoff.id);
    const value = ctx.message.value;
    if (value && value.skill === 'handoff') return next();
    const text = ctx.message.text;
    const leaves = (chat: HandoffRecord) =>
      isWaitingForAgent(chat) ? words.leavesQueue(text) : words.endsChat(text);
    if (value && !text.trim() && ctx.message.attachments.length === 0) {
      // An old button of another skill: nothing to relay.
      ctx.handoffId = handoff.id;
      ctx.reply({ type: 'text', text: t('handoff.click_during_chat') });
      return;
    }
    const meantToLeave = leaves(handoff);
    /** What the words meant for the chat as last seen live. */
    let leaving = meantToLeave;
    // Decided against the chat as it is when the words are applied: a claim, transfer or
    // close landing between the read and the change (another instance, the agent's click)
    // fails the conditional change, and the words are decided again on the chat as it is then.
    await decideOnLatest(handoff, deps.handoffs.byId, async (chat) => {
      if (isHandoffOver(chat.status)) {
        ctx.handoffId = chat.id;
        if (leaving) ctx.reply({ type: 'text', text: t('handoff.already_ended') });
        else await requests.answerAfterEnd(ctx, chat);
        return true;
      }
      leaving = leaves(chat);
      if (leaving) return requests.endByUser(ctx, chat);
      if (!(await requests.relay(ctx, chat))) return false;
      if (isWaitingForAgent(chat)) await acknowledgeWhileWaiting(deps, ctx, chat);
      else if (meantToLeave) await requests.tellAgentJoinedMeanwhile(ctx, chat);
      return true;
    });
  };
}
