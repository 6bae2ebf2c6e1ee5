import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/prisma-client.js';

/** Where a live chat is shown in the agents' channel: the escalation message, whose thread is the chat. */
export interface AgentThreadLocation {
  readonly team: string;
  readonly channel: string;
  readonly ts: string;
}

/**
 * How long a reservation stands before another instance may take it over. Posting
 * an escalation takes seconds (the Web API client gives up after 10 s and two
 * retries); a reservation older than this belongs to an instance that stopped
 * between reserving and posting, and would otherwise keep the chat out of the
 * agents' channel for good. Two minutes keeps a slow post from being doubled and
 * a crashed one from hiding a waiting user for long.
 */
export const RESERVATION_LEASE_MS = 2 * 60_000;

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
}

const CHANNEL = 'slack';
const PENDING = 'pending:';

export function createAgentThreads(db: Db, options: { now?: () => Date } = {}): AgentThreads {
  const now = options.now ?? (() => new Date());
  return {
    async reserve(handoffId, team) {
      const reservation = `${PENDING}${handoffId}:${randomUUID()}`;
      const at = now();
      try {
        await db.agentThread.create({
          data: { handoffId, channel: CHANNEL, workspace: team, threadKey: reservation, createdAt: at },
        });
        return reservation;
      } catch (error) {
        if ((error as { code?: string }).code !== 'P2002') throw error;
      }
      // Only one instance moves a stale reservation forward: the others no longer match.
      const taken = await db.agentThread.updateMany({
        where: {
          handoffId,
          channel: CHANNEL,
          threadKey: { startsWith: PENDING },
          createdAt: { lt: new Date(at.getTime() - RESERVATION_LEASE_MS) },
        },
        data: { workspace: team, threadKey: reservation, createdAt: at },
      });
      return taken.count === 1 ? reservation : null;
    },
    async placed(handoffId, reservation, location) {
      const done = await db.agentThread.updateMany({
        where: { handoffId, channel: CHANNEL, threadKey: reservation },
        data: { workspace: location.team, threadKey: `${location.channel}:${location.ts}` },
      });
      return done.count === 1;
    },
    async release(handoffId, reservation) {
      await db.agentThread.deleteMany({ where: { handoffId, channel: CHANNEL, threadKey: reservation } });
    },
    async byHandoff(handoffId) {
      const row = await db.agentThread.findUnique({
        where: { handoffId_channel: { handoffId, channel: CHANNEL } },
      });
      if (!row || row.threadKey.startsWith(PENDING)) return null;
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
  };
}
