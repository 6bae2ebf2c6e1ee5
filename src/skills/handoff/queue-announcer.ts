import type { HandoffRecord } from '../../store/handoff-repository.js';
import type { HandoffDeps } from './handoff-deps.js';
import { estimateWaitMinutes } from './wait-estimate.js';

/** Tells waiting users their new place in line when a chat ahead of them leaves the queue. */
export interface QueueAnnouncer {
  /** A chat left the pending queue (claimed, abandoned, expired). */
  moved(left: HandoffRecord): Promise<void>;
  /** The user of a chat was told this place in line (when queued). */
  told(handoffId: string, position: number): void;
  /** Sends what is scheduled now (tests, shutdown). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Position updates are batched per team for `delayMs`, so a burst of claims sends
 * each waiting user one message, not one per claim; only users behind the chats
 * that left are told (the others' place did not change), and only when the move
 * is worth a message: into the last three places, or a fifth closer than the place
 * they were last told (number 150 hears at 120, 96, 76…, not at every step).
 */
export function createQueueAnnouncer(deps: HandoffDeps, options: { delayMs: number }): QueueAnnouncer {
  /** Team key → the oldest createdAt among chats that left since the last announcement. */
  const due = new Map<string, { teamId: string | null; after: Date }>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  /** The place each waiting user was last told, on this instance. */
  const lastTold = new Map<string, number>();

  function worthTelling(handoffId: string, position: number): boolean {
    const before = lastTold.get(handoffId);
    return before === undefined || position <= 3 || position <= before * 0.8;
  }

  async function announce(teamId: string | null, after: Date): Promise<void> {
    const all = await deps.handoffs.waiting();
    for (const id of lastTold.keys()) if (!all.some((h) => h.id === id)) lastTold.delete(id);
    const waiting = all.filter((h) => h.status === 'pending' && h.teamId === teamId);
    if (!waiting.some((h) => h.createdAt > after)) return;
    const agents = await deps.agents.agents();
    const team = teamId ? (await deps.agents.teams()).find((t) => t.id === teamId) : undefined;
    const online = agents.filter(
      (a) => a.availability === 'online' && (!team || team.memberIds.includes(a.userId)),
    ).length;
    const averageHandleMin = await deps.handoffs.averageHandleMinutes(50);
    const { t } = deps.responses;
    for (const [i, h] of waiting.entries()) {
      if (h.createdAt <= after) continue;
      const position = i + 1;
      if (!worthTelling(h.id, position)) continue;
      lastTold.set(h.id, position);
      const text =
        position === 1
          ? t('handoff.queue_next')
          : t('handoff.queue_moved', {
              position,
              minutes: estimateWaitMinutes({ position, onlineAgents: online, averageHandleMin }),
            });
      await deps.notifier.send(
        h.conversationId,
        [{ type: 'text', text }],
        { author: 'system', handoffId: h.id },
        h.userId,
      );
    }
  }

  function runDue(): Promise<void> {
    const batch = [...due.values()];
    due.clear();
    running = running.then(async () => {
      for (const { teamId, after } of batch) {
        await announce(teamId, after).catch((error: unknown) =>
          deps.logger.warn({ err: error, teamId }, 'queue position update failed'),
        );
      }
    });
    return running;
  }

  return {
    async moved(left) {
      const key = left.teamId ?? '';
      const current = due.get(key);
      if (!current || left.createdAt < current.after)
        due.set(key, { teamId: left.teamId, after: left.createdAt });
      if (options.delayMs <= 0) {
        await runDue();
        return;
      }
      if (!timer) {
        timer = setTimeout(() => {
          timer = null;
          void runDue();
        }, options.delayMs);
        timer.unref();
      }
    },
    told(handoffId, position) {
      lastTold.set(handoffId, position);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      await runDue();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      due.clear();
    },
  };
}
