import type { AgentRecord, TeamRecord } from '../../store/agent-directory.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import { agentsOnDuty } from './agent-availability.js';
import type { ChatHandback } from './chat-handback.js';
import type { ChatLifecycle } from './chat-lifecycle.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { LiveChatViews } from './live-chat-view.js';
import { keepOrLeaveChoices } from './queue-choices.js';
import { notifyReadyWatchers } from './watch-notifier.js';

export interface SweepResult {
  readonly offered: number;
  readonly expired: number;
  readonly reminded: number;
  readonly closed: number;
  /** Chats given back to the queue: their agent went offline, or the agent they were transferred to. */
  readonly requeued: number;
  readonly watchersNotified: number;
}

/** Who is there, read once per sweep. */
interface Staff {
  readonly teams: readonly TeamRecord[];
  readonly agents: readonly AgentRecord[];
}

/** The periodic check of live-chat timeouts (every instance runs one; each action happens once). */
export interface HandoffSweeper {
  sweepOnce(): Promise<SweepResult>;
  start(): void;
  stop(): Promise<void>;
}

const minutes = (n: number) => n * 60_000;

/**
 * Timeouts (config HANDOFF_*_MIN):
 * - a waiting chat nobody claimed within the claim timeout: the user is offered to
 *   leave it as a ticket (again each period, if they chose to keep waiting);
 *   left unanswered for the idle timeout after that offer, it expires;
 * - a waiting chat whose team has nobody on duty any more (agents left, the team closed):
 *   the user is told at once that no agent is available, with the same choice;
 * - a chat transferred to an agent who is no longer online goes back to the team's queue;
 * - an assigned chat where the user waits for the agent longer than the reminder
 *   timeout: the agent is reminded (a `reminder` desk event), once per user message; if the
 *   agent is offline by then, the chat goes back to the front of the queue instead;
 * - an assigned chat where the agent answered and the user stayed silent for the
 *   idle timeout: it is closed with a message; the ticket stays.
 * Every action is taken through a guarded update, so with several instances sweeping
 * the same database each happens exactly once.
 */
export function createHandoffSweeper(
  deps: HandoffDeps,
  parts: { lifecycle: ChatLifecycle; views: LiveChatViews; handback: ChatHandback },
  options: { intervalMs: number },
): HandoffSweeper {
  const { lifecycle, views, handback } = parts;
  const { t } = deps.responses;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<SweepResult> | null = null;

  async function offerTicket(h: HandoffRecord, now: Date): Promise<boolean> {
    if (!(await deps.handoffs.markReminder(h.id, h.reminderSentAt, now))) return false;
    const ticket = await views.ticket(h);
    await lifecycle.tellUser(h, [
      {
        type: 'choices',
        prompt: t('handoff.claim_timeout_offer', { ticketNumber: ticket.number }),
        choices: keepOrLeaveChoices(deps.responses, h.id),
      },
    ]);
    return true;
  }

  async function sweepWaiting(
    now: Date,
    staff: Staff,
    result: { offered: number; expired: number; requeued: number },
  ): Promise<void> {
    const claimMs = minutes(deps.timeouts.claimMin);
    const idleMs = minutes(deps.timeouts.userIdleMin);
    const online = new Set(staff.agents.filter((a) => a.availability === 'online').map((a) => a.userId));
    for (const h of await deps.handoffs.inStatus(['pending', 'transferred'])) {
      if (h.status === 'transferred' && h.agentId && !online.has(h.agentId)) {
        if (await handback.requeue(h, 'target-left')) result.requeued++;
        continue;
      }
      // A transferred chat waits again since about the last word of the agent who passed it on.
      const waitingSince =
        h.status === 'transferred'
          ? new Date(
              Math.max(
                h.createdAt.getTime(),
                h.claimedAt?.getTime() ?? 0,
                h.lastAgentMessageAt?.getTime() ?? 0,
              ),
            )
          : h.createdAt;
      const offeredAt = h.reminderSentAt;
      if (offeredAt && h.lastUserMessageAt <= offeredAt) {
        // Offered and not answered: after the idle timeout the chat expires.
        if (now.getTime() - offeredAt.getTime() >= idleMs) {
          if (await lifecycle.expireWaiting(h, 'handoff.queue_expired')) result.expired++;
        }
        continue;
      }
      const since = offeredAt
        ? Math.max(offeredAt.getTime(), waitingSince.getTime())
        : waitingSince.getTime();
      // Nobody on duty for the chat's team: said at once (once per wait), not after the claim timeout.
      const nobody = agentsOnDuty(staff.teams, staff.agents, h.teamId, now) === 0;
      const offeredThisWait = offeredAt !== null && offeredAt >= waitingSince;
      if (!(nobody && !offeredThisWait) && now.getTime() - since < claimMs) continue;
      const offered = nobody
        ? await handback.offerNoAgent(h, t('handoff.no_agent_now'))
        : await offerTicket(h, now);
      if (offered) result.offered++;
    }
  }

  async function sweepAssigned(
    now: Date,
    staff: Staff,
    result: { reminded: number; closed: number; requeued: number },
  ): Promise<void> {
    const reminderMs = minutes(deps.timeouts.agentReminderMin);
    const idleMs = minutes(deps.timeouts.userIdleMin);
    const offline = (agentId: string | null) =>
      (staff.agents.find((a) => a.userId === agentId)?.availability ?? 'offline') === 'offline';
    for (const h of await deps.handoffs.inStatus(['assigned'])) {
      const agentAt = h.lastAgentMessageAt;
      const userWaits = !agentAt || h.lastUserMessageAt > agentAt;
      if (userWaits) {
        // The user has been waiting since their own message (or since the claim, for the greeting).
        const since = agentAt
          ? h.lastUserMessageAt
          : new Date(Math.max(h.lastUserMessageAt.getTime(), (h.claimedAt ?? h.createdAt).getTime()));
        if (now.getTime() - since.getTime() >= reminderMs && offline(h.agentId)) {
          // Nobody to remind: the agent left without handing the chat back (see ChatHandback).
          if (await handback.requeue(h, 'agent-left')) result.requeued++;
          continue;
        }
        const alreadyReminded = h.reminderSentAt !== null && h.reminderSentAt >= since;
        if (!alreadyReminded && now.getTime() - since.getTime() >= reminderMs) {
          if (await deps.handoffs.markReminder(h.id, h.reminderSentAt, now)) {
            await deps.signals.publish({
              kind: 'chat',
              handoffId: h.id,
              event: 'reminder',
              agentId: h.agentId ?? undefined,
            });
            result.reminded++;
          }
        }
        continue;
      }
      if (now.getTime() - agentAt.getTime() >= idleMs && (await lifecycle.closeIdle(h))) result.closed++;
    }
  }

  async function sweep(): Promise<SweepResult> {
    const now = deps.clock();
    const result = { offered: 0, expired: 0, reminded: 0, closed: 0, requeued: 0, watchersNotified: 0 };
    const [teams, agents] = await Promise.all([deps.agents.teams(), deps.agents.agents()]);
    await sweepAssigned(now, { teams, agents }, result);
    await sweepWaiting(now, { teams, agents }, result);
    result.watchersNotified = await notifyReadyWatchers(deps);
    return result;
  }

  function sweepOnce(): Promise<SweepResult> {
    running ??= sweep().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    sweepOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        void sweepOnce().catch((error: unknown) => deps.logger.warn({ err: error }, 'handoff sweep failed'));
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
