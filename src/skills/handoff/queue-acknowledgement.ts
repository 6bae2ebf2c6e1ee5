import type { TurnContext } from '../../core/turn-context.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import { anyAgentOnDuty } from './agent-availability.js';
import type { HandoffDeps } from './handoff-deps.js';
import { WAITING_HANDOFF_STATUSES } from './handoff-state-machine.js';
import { keepOrLeaveChoices } from './queue-choices.js';

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
 * their place in line (or, with nobody on duty for the chat's team, that no agent is
 * available, with the choice to keep waiting or leave it as a ticket). The first message
 * after queueing is always answered, later ones at most once a minute, so a user typing
 * several lines is not answered on each.
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
  const { t } = deps.responses;
  if (!(await anyAgentOnDuty(deps, handoff.teamId, ctx.now))) {
    // Nobody to be in line for: the ticket keeps it, and the user chooses what to do.
    const ticket = await deps.tickets().get(ctx.user, handoff.ticketId);
    ctx.reply({
      type: 'choices',
      prompt: t('handoff.queue_message_added_no_agent', {
        ticketNumber: ticket?.number ?? `#${handoff.ticketId}`,
      }),
      choices: keepOrLeaveChoices(deps.responses, handoff.id),
    });
  } else {
    const position = await deps.handoffs.position(handoff);
    ctx.reply({
      type: 'text',
      text: position
        ? t('handoff.queue_message_added', { position })
        : t('handoff.queue_message_added_no_position'),
    });
  }
  const ack: LastAck = { handoffId: handoff.id, at: ctx.now.toISOString() };
  ctx.state.memory[LAST_ACK] = ack;
}
