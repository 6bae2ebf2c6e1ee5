import { randomUUID } from 'node:crypto';
import type { Db } from '../../../store/prisma-client.js';

/**
 * The AgentThread rows of the Teams channel: a live chat's escalation card in the
 * agents' channel, whose reply chain (`<channel id>;messageid=<card id>`) is where
 * the claiming agent talks to the user. A row is reserved before the card is
 * posted, so with several bot instances exactly one posts it.
 */
export interface TeamsAgentThreads {
  /**
   * The reservation when this instance won the right to post the escalation card of
   * `handoffId` (also when it took over one older than `RESERVATION_LEASE_MS`); null otherwise.
   */
  reserve(handoffId: string, tenant: string): Promise<string | null>;
  /** Records the posted card's reply chain; false when the reservation was taken over meanwhile. */
  placed(handoffId: string, reservation: string, tenant: string, threadId: string): Promise<boolean>;
  /** Gives the reservation back when posting failed, so a later attempt can post. */
  release(handoffId: string, reservation: string): Promise<void>;
  /** The reply chain of a chat's card; null when none was posted (yet). */
  threadOf(handoffId: string): Promise<string | null>;
  /** The live chat whose card starts this reply chain. */
  handoffOf(tenant: string, threadId: string): Promise<string | null>;
}

/**
 * How long a reservation stands before another instance may take it over. Posting
 * a card takes seconds; a reservation older than this belongs to an instance that
 * stopped between reserving and posting, and would otherwise keep the chat out of
 * the agents' channel for good (the queue resync skips reserved chats). Two minutes
 * keeps a slow post from being doubled and a crashed one from hiding a waiting user for long.
 */
export const RESERVATION_LEASE_MS = 2 * 60_000;

const CHANNEL = 'teams';
const PENDING = 'pending:';

export function createTeamsAgentThreads(db: Db, options: { now?: () => Date } = {}): TeamsAgentThreads {
  const now = options.now ?? (() => new Date());
  return {
    async reserve(handoffId, tenant) {
      const reservation = `${PENDING}${handoffId}:${randomUUID()}`;
      const at = now();
      try {
        await db.agentThread.create({
          data: { handoffId, channel: CHANNEL, workspace: tenant, threadKey: reservation, createdAt: at },
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
        data: { workspace: tenant, threadKey: reservation, createdAt: at },
      });
      return taken.count === 1 ? reservation : null;
    },
    async placed(handoffId, reservation, tenant, threadId) {
      const done = await db.agentThread.updateMany({
        where: { handoffId, channel: CHANNEL, threadKey: reservation },
        data: { workspace: tenant, threadKey: threadId },
      });
      return done.count === 1;
    },
    async release(handoffId, reservation) {
      await db.agentThread.deleteMany({ where: { handoffId, channel: CHANNEL, threadKey: reservation } });
    },
    async threadOf(handoffId) {
      const row = await db.agentThread.findUnique({
        where: { handoffId_channel: { handoffId, channel: CHANNEL } },
        select: { threadKey: true },
      });
      return row && !row.threadKey.startsWith(PENDING) ? row.threadKey : null;
    },
    async handoffOf(tenant, threadId) {
      const row = await db.agentThread.findUnique({
        where: { channel_workspace_threadKey: { channel: CHANNEL, workspace: tenant, threadKey: threadId } },
        select: { handoffId: true },
      });
      return row?.handoffId ?? null;
    },
  };
}
