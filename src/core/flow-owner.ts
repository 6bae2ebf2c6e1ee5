import type { FlowOwner } from './conversation-state.js';
import type { TurnContext } from './turn-context.js';

/**
 * A flow belongs to the person it asks. In a conversation several people write in (a Slack
 * channel thread, a Teams reply chain or group chat) anyone may mention the bot while it waits
 * for someone's answer; their message must not become that answer, cancel the flow, or confirm
 * its draft as theirs. So a flow carries its owner, stamped when the turn that opened it is
 * stored, and the router leaves an open flow alone for anyone else (router.ts). Buttons are
 * guarded the same way by the channels (slack-button-owner.ts, teams-button-owner.ts).
 */

/** The turn's sender, as the owner of a flow that asks them. */
function senderOf(ctx: TurnContext): FlowOwner {
  return {
    userId: ctx.user.id,
    externalId: ctx.message.user.externalId,
    name: ctx.message.user.displayName || ctx.user.displayName,
  };
}

/**
 * Gives an open flow without an owner to the turn's sender: the flow this turn opened (or one a
 * step rebuilt), which asks them. One an older version stored is theirs from now on as well.
 */
export function stampFlowOwner(ctx: TurnContext): void {
  const flow = ctx.state.flow;
  if (flow && !flow.owner) ctx.state.flow = { ...flow, owner: senderOf(ctx) };
}

/**
 * The owner of the conversation's open flow when that is someone other than the turn's sender;
 * null when no flow is open, it asks the sender, or it has no owner. The same person is
 * recognised by their channel id too, so a directory that links them anew keeps their flow theirs.
 */
export function someoneElsesFlow(ctx: TurnContext): FlowOwner | null {
  const owner = ctx.state.flow?.owner;
  if (!owner) return null;
  if (owner.userId === ctx.user.id || owner.externalId === ctx.message.user.externalId) return null;
  return owner;
}
