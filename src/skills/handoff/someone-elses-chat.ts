import type { FlowOwner } from '../../core/conversation-state.js';
import type { Responses } from '../../core/responses.js';
import type { TurnContext } from '../../core/turn-context.js';
import { someoneElsesChat } from './chat-requester.js';
import type { HandoffDeps } from './handoff-deps.js';
import { parseTypedRating, ratingAsked } from './typed-rating.js';

/**
 * Someone else's message in a conversation where another person's live chat is on (a shared
 * thread) is left alone: nothing relayed, ended or rated. The sender is told, by name, whose
 * chat it is and where to start their own request; with the requester's channel id known the
 * turn says whom the message was held for (`flowHeldBy`), so a channel tells the sender alone
 * (Slack privately, Teams with a mention), as for someone else's flow (core/flow-owner.ts).
 */
export function holdForRequester(ctx: TurnContext, responses: Responses, requester: FlowOwner): void {
  if (requester.externalId) {
    ctx.flowHeldBy = requester;
    ctx.heldLiveChat = true;
  }
  ctx.reply({
    type: 'text',
    text: responses.t('handoff.chat_held', {
      sender: ctx.message.user.displayName || ctx.user.displayName,
      user: requester.name,
    }),
  });
}

/**
 * The requester of the ended chat this message would rate (its rating button, or a rating typed
 * while the rating question is the latest thing said; see typed-rating.ts) when that is someone
 * other than the sender; null for any other message.
 */
export async function someoneElsesRating(
  deps: Pick<HandoffDeps, 'handoffs' | 'messages' | 'people' | 'responses'>,
  ctx: TurnContext,
): Promise<FlowOwner | null> {
  const handoffId = await ratedChat(deps, ctx);
  const chat = handoffId ? await deps.handoffs.byId(handoffId) : null;
  return chat ? someoneElsesChat(deps, ctx, chat) : null;
}

async function ratedChat(
  deps: Pick<HandoffDeps, 'messages' | 'responses'>,
  ctx: TurnContext,
): Promise<string | null> {
  const { value, text, attachments } = ctx.message;
  if (value) {
    const rates = value.skill === 'handoff' && value.action === 'rate';
    return rates && typeof value.handoffId === 'string' ? value.handoffId : null;
  }
  if (attachments.length > 0 || parseTypedRating(text, deps.responses) === null) return null;
  return ratingAsked(await deps.messages.latestShown(ctx.conversation.id));
}
