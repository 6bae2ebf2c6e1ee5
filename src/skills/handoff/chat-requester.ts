import { z } from 'zod';
import { type FlowOwner, flowOwnerSchema } from '../../core/conversation-state.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import type { HandoffDeps } from './handoff-deps.js';

/**
 * A live chat belongs to the person who asked for it, as a flow belongs to the person it asks
 * (core/flow-owner.ts). The chat's row knows its requester as a help-desk user; a channel that
 * tells someone else whose chat it is needs them as the channel knows them (the Slack id it
 * mentions), so the conversation remembers that too, from the requester's own turns.
 */

/** Conversation memory: the requester of the conversation's latest live chat, as the channel knows them. */
const REQUESTER = 'handoff.requester';

const requesterSchema = flowOwnerSchema.extend({ handoffId: z.string() });

/** Remembers the turn's sender as the requester of `handoffId`, unless already remembered. */
export function rememberRequester(ctx: TurnContext, handoffId: string): void {
  if (rememberedRequester(ctx, handoffId)) return;
  ctx.state.memory[REQUESTER] = {
    handoffId,
    userId: ctx.user.id,
    externalId: ctx.message.user.externalId,
    name: ctx.message.user.displayName || ctx.user.displayName,
  } satisfies z.infer<typeof requesterSchema>;
}

/** After the handoff skill ran: a chat it opened this turn is the sender's, remembered as such. */
export async function rememberOpenedChat(
  deps: Pick<HandoffDeps, 'handoffs'>,
  ctx: TurnContext,
): Promise<void> {
  if (ctx.intent?.skill !== 'handoff' && ctx.message.value?.skill !== 'handoff') return;
  const opened = await deps.handoffs.activeFor(ctx.conversation.id);
  if (opened?.userId === ctx.user.id) rememberRequester(ctx, opened.id);
}

function rememberedRequester(ctx: TurnContext, handoffId: string): FlowOwner | null {
  const parsed = requesterSchema.safeParse(ctx.state.memory[REQUESTER]);
  if (!parsed.success || parsed.data.handoffId !== handoffId) return null;
  const { handoffId: _chat, ...owner } = parsed.data;
  return owner;
}

/**
 * The requester of `chat` when that is someone other than the turn's sender; null when the
 * sender asked for it (the same person is recognised by their channel id too, as a flow's owner
 * is). A chat whose requester the conversation does not remember (opened by an older version)
 * gives them with their name and no channel id.
 */
export async function someoneElsesChat(
  deps: Pick<HandoffDeps, 'people'>,
  ctx: TurnContext,
  chat: Pick<HandoffRecord, 'id' | 'userId'>,
): Promise<FlowOwner | null> {
  const known = rememberedRequester(ctx, chat.id);
  if (chat.userId === ctx.user.id || known?.externalId === ctx.message.user.externalId) return null;
  if (known) return known;
  const person = await deps.people.person(chat.userId);
  return { userId: chat.userId, externalId: '', name: person?.profile.displayName ?? '' };
}
