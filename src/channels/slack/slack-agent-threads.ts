import {
  agentThreadStaleNote,
  clearAgentThreadStale,
  isReservation,
  markAgentThreadStale,
  placeAgentThread,
  releaseAgentThread,
  reserveAgentThread,
  staleAgentThreads,
} from '../../store/agent-thread-reservations.js';
import type { Db } from '../../store/prisma-client.js';

/** Where a live chat is shown in the agents' channel: the escalation message, whose thread is the chat. */
export interface AgentThreadLocation {
  readonly team: string;
  readonly channel: string;
  readonly ts: string;
}

export { RESERVATION_LEASE_MS } from '../../store/agent-thread-reservations.js';

/**
 * The AgentThread rows of the Slack channel. A row is reserved before the
 * escalation is posted, so with several bot instances exactly one posts it.
 */
export interface AgentThreads {
  /**
   * The reservation when this instance won the right to post the escalation of
   * `handoffId` (also when it took over one older than `RESERVATION_LEASE_MS`); null otherwise.
   */
  reserve(handoffId: string, team: string): Promise<string | null>;
  /** Records the posted message; false when the reservation was taken over meanwhile. */
  placed(handoffId: string, reservation: string, location: AgentThreadLocation): Promise<boolean>;
  /** Gives the reservation back when posting failed, so a later event tries again. */
  release(handoffId: string, reservation: string): Promise<void>;
  /** The posted message; null when none was posted (yet). */
  byHandoff(handoffId: string): Promise<AgentThreadLocation | null>;
  /** The live chat whose escalation message starts this thread. */
  handoffOf(team: string, channel: string, threadTs: string): Promise<string | null>;
  /**
   * Slack refused the last rewrite of the chat's escalation message: any instance's resync
   * redoes it, also after a restart. `note` is the transfer note the rewrite shows ("" otherwise).
   */
  markStale(handoffId: string, note: string): Promise<void>;
  /** The escalation message was rewritten, or is gone for good: nothing to redo. */
  clearStale(handoffId: string): Promise<void>;
  /** The chats whose escalation message is marked stale. */
  staleHandoffs(): Promise<string[]>;
  /** The note of a stale escalation's rewrite; null when the message is not marked stale. */
  staleNote(handoffId: string): Promise<string | null>;
  /**
   * The escalation message at `location` is gone (deleted from the channel): its row goes, so
   * the chat may get a new message. Only that message's row: one another instance posted since stays.
   */
  forget(handoffId: string, location: AgentThreadLocation): Promise<void>;
}

const CHANNEL = 'slack';

export function createAgentThreads(db: Db, options: { now?: () => Date } = {}): AgentThreads {
  const now = options.now ?? (() => new Date());
  return {
    reserve: (handoffId, team) => reserveAgentThread(db, CHANNEL, handoffId, team, now()),
    placed: (handoffId, reservation, location) =>
      placeAgentThread(
        db,
        CHANNEL,
        handoffId,
        reservation,
        location.team,
        `${location.channel}:${location.ts}`,
      ),
    release: (handoffId, reservation) => releaseAgentThread(db, CHANNEL, handoffId, reservation),
    async byHandoff(handoffId) {
      const row = await db.agentThread.findUnique({
        where: { handoffId_channel: { handoffId, channel: CHANNEL } },
      });
      if (!row || isReservation(row.threadKey)) return null;
      const [channel, ts] = row.threadKey.split(':');
      return channel && ts ? { team: row.workspace, channel, ts } : null;
    },
    async handoffOf(team, channel, threadTs) {
      const row = await db.agentThread.findUnique({
        where: {
          channel_workspace_threadKey: {
            channel: CHANNEL,
            workspace: team,
            threadKey: `${channel}:${threadTs}`,
          },
        },
        select: { handoffId: true },
      });
      return row?.handoffId ?? null;
    },
    markStale: (handoffId, note) => markAgentThreadStale(db, CHANNEL, handoffId, note),
    clearStale: (handoffId) => clearAgentThreadStale(db, CHANNEL, handoffId),
    staleHandoffs: () => staleAgentThreads(db, CHANNEL),
    staleNote: (handoffId) => agentThreadStaleNote(db, CHANNEL, handoffId),
    async forget(handoffId, location) {
      await db.agentThread.deleteMany({
        where: { handoffId, channel: CHANNEL, threadKey: `${location.channel}:${location.ts}` },
      });
    },
  };
}
