import type { TurnContext } from '../../core/turn-context.js';

/** Conversation memory: how many escalation tickets the conversation has filed. */
const FILED = 'handoff.escalationsFiled';

function filedSoFar(ctx: TurnContext): number {
  const filed = ctx.state.memory[FILED];
  return typeof filed === 'number' && Number.isInteger(filed) && filed >= 0 ? filed : 0;
}

/**
 * The idempotency key of the ticket this turn's escalation files. It is read from the
 * conversation state the turn started from, never from what is stored meanwhile: every
 * turn that starts from the same stored conversation (the same request on two instances,
 * a double click, a turn run again after an unrelated message was stored) names the same
 * ticket, and a turn that starts after an escalation was stored finds that ticket as the
 * conversation's own and names the next one.
 */
export function escalationTicketKey(ctx: TurnContext): string {
  return `handoff:${ctx.conversation.id}:escalation-${filedSoFar(ctx)}`;
}

/** Counts the ticket this turn filed, so the conversation's next escalation gets its own key. */
export function noteEscalationTicketFiled(ctx: TurnContext): void {
  ctx.state.memory[FILED] = filedSoFar(ctx) + 1;
}
