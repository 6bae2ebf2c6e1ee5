import type { HandoffRecord } from '../../store/handoff-repository.js';
import { agentsOnDuty, anyAgentOnDuty } from './agent-availability.js';
import type { Availability } from './agent-desk.js';
import type { ChatLifecycle } from './chat-lifecycle.js';
import { escalationNextSteps } from './escalation-next-steps.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { LiveChatViews } from './live-chat-view.js';
import { choiceUnanswered, keepOrLeaveChoices } from './queue-choices.js';

/** Why a chat goes back to the queue: its agent left, or the agent it was transferred to can't take it. */
export type HandbackReason = 'agent-left' | 'target-left';

/**
 * What happens to chats when agents stop being there. No chat is left where nobody can take
 * it, and no user is told they are in line for an agent who is not there:
 * - an agent who goes offline hands back their chats, and one who goes away the chats
 *   transferred to them: each goes back to the front of its team's queue (as a transfer to the
 *   team) with its conversation, and the agents' views show it waiting again;
 * - waiting users whose team has nobody on duty any more are told so once, with their ticket
 *   named, and choose: keep waiting for the next agent, or leave it as a ticket.
 */
export interface ChatHandback {
  /** The agent's availability changed away from online: hands back what they can no longer take. */
  agentLeft(agentId: string, availability: Exclude<Availability, 'online'>): Promise<number>;
  /** One chat back to the queue, the user told; false when the chat changed meanwhile. */
  requeue(h: HandoffRecord, why: HandbackReason): Promise<boolean>;
  /** Tells the users of waiting chats whose team has nobody on duty (each once per offer). */
  tellWaitingNoAgent(): Promise<number>;
  /**
   * The notice that nobody is available, with the choice; counted as the chat's offer
   * (guarded: one per offer period across instances). `lead` starts the message.
   */
  offerNoAgent(h: HandoffRecord, lead: string): Promise<boolean>;
}

export function createChatHandback(
  deps: HandoffDeps,
  parts: { lifecycle: ChatLifecycle; views: LiveChatViews },
): ChatHandback {
  const { lifecycle, views } = parts;
  const { t } = deps.responses;

  async function offerNoAgent(h: HandoffRecord, lead: string): Promise<boolean> {
    if (!(await deps.handoffs.markReminder(h.id, h.reminderSentAt, deps.clock()))) return false;
    const ticket = await views.ticket(h);
    const prompt = [
      t('handoff.no_agent_keep_or_ticket', { lead, ticketNumber: ticket.number }),
      ...(await escalationNextSteps(deps, h.userId)),
    ].join('\n\n');
    await lifecycle.tellUser(h, [
      { type: 'choices', prompt, choices: keepOrLeaveChoices(deps.responses, h.id) },
    ]);
    return true;
  }

  async function requeue(h: HandoffRecord, why: HandbackReason): Promise<boolean> {
    const now = deps.clock();
    const leaving = h.agentId;
    const moved = await deps.handoffs.requeue(h, now);
    if (!moved) return false;
    const agentName = await lifecycle.agentName(leaving);
    let noteId: number | undefined;
    if (leaving) {
      // The agents' transcript says why the chat is waiting again.
      const afterId = await deps.messages.latestId(h.id);
      noteId = await deps.messages.appendNote({
        conversationId: h.conversationId,
        handoffId: h.id,
        agentId: leaving,
        text: t(why === 'agent-left' ? 'handoff.requeue_note' : 'handoff.requeue_note_target', { agentName }),
        at: now,
      });
      await deps.signals.messagesStored(h.id, afterId);
    }
    const lead = t(why === 'agent-left' ? 'handoff.requeued_agent_left' : 'handoff.requeued_target_left', {
      agentName,
    });
    if (await anyAgentOnDuty(deps, moved.teamId, now)) {
      await lifecycle.tellUser(moved, [{ type: 'text', text: t('handoff.requeued_back_in_line', { lead }) }]);
    } else {
      await offerNoAgent(moved, `${lead} ${t('handoff.no_other_agent_now')}`);
    }
    await deps.signals.publish({ kind: 'chat', handoffId: h.id, event: 'transferred', noteId });
    return true;
  }

  return {
    requeue,
    offerNoAgent,

    async agentLeft(agentId, availability) {
      // Offline: every chat they have or were given. Away: they keep their chats, take no new ones.
      const chats = (await deps.handoffs.ofAgent(agentId)).filter(
        (h) => availability === 'offline' || h.status === 'transferred',
      );
      let moved = 0;
      for (const h of chats) {
        if (await requeue(h, h.status === 'assigned' ? 'agent-left' : 'target-left')) moved++;
      }
      return moved;
    },

    async tellWaitingNoAgent() {
      const now = deps.clock();
      const [teams, agents] = await Promise.all([deps.agents.teams(), deps.agents.agents()]);
      let told = 0;
      for (const h of await deps.handoffs.waiting()) {
        if (choiceUnanswered(h) || agentsOnDuty(teams, agents, h.teamId, now) > 0) continue;
        if (await offerNoAgent(h, t('handoff.no_agent_now'))) told++;
      }
      return told;
    },
  };
}
