import type { TurnContext } from '../../core/turn-context.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import type { HandoffDeps } from './handoff-deps.js';
import { WAITING_HANDOFF_STATUSES } from './handoff-state-machine.js';

/** Conversation memory: when the bot last acknowledged a message of the waiting chat. */
const LAST_ACK = 'handoff.queueAck';
/** Messages while waiting are acknowledged at most this often. */
const ACK_INTERVAL_MS = 60_000;

interface LastAck {
  readonly handoffId: string;
  readonly at: string;
}

/** Nobody has taken the chat yet (never claimed, or transferred and not taken again). */
export function isWaitingForAgent(handoff: HandoffRecord): boolean {
  return WAITING_HANDOFF_STATUSES.includes(handoff.status) || !handoff.claimedAt;
}

/**
 * A message relayed while the user waits for an agent: tells them it was added and
 * their place in line. The first message after queueing is always answered, later
 * ones at most once a minute, so a user typing several lines is not answered on each.
 */
export async function acknowledgeWhileWaiting(
  deps: HandoffDeps,
  ctx: TurnContext,
  handoff: HandoffRecord,
): Promise<void> {
  const last = ctx.state.memory[LAST_ACK] as LastAck | undefined;
  if (last?.handoffId === handoff.id && ctx.now.getTime() - new Date(last.at).getTime() < ACK_INTERVAL_MS) {
    return;
  }
  const position = await deps.handoffs.position(handoff);
  const { t } = deps.responses;
  ctx.reply({
    type: 'text',
    text: position
      ? t('handoff.queue_message_added', { position })
      : t('handoff.queue_message_added_no_position'),
  });
  const ack: LastAck = { handoffId: handoff.id, at: ctx.now.toISOString() };
  ctx.state.memory[LAST_ACK] = ack;
}
