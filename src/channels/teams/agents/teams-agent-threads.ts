import {
  clearAgentThreadStale,
  isReservation,
  markAgentThreadStale,
  placeAgentThread,
  releaseAgentThread,
  reserveAgentThread,
  staleAgentThreads,
} from '../../../store/agent-thread-reservations.js';
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
  /** The connector refused the last rewrite of the chat's card: any instance's resync redoes it. */
  markStale(handoffId: string): Promise<void>;
  /** The card was rewritten: nothing to redo. */
  clearStale(handoffId: string): Promise<void>;
  /** The chats whose card is marked stale. */
  staleHandoffs(): Promise<string[]>;
  /**
   * The card starting `threadId` is gone (deleted from the channel): its row goes, so the chat
   * may get a new card. Only that card's row: a card another instance posted since stays.
   */
  forget(handoffId: string, threadId: string): Promise<void>;
}

export { RESERVATION_LEASE_MS } from '../../../store/agent-thread-reservations.js';

const CHANNEL = 'teams';

export function createTeamsAgentThreads(db: Db, options: { now?: () => Date } = {}): TeamsAgentThreads {
  const now = options.now ?? (() => new Date());
  return {
    reserve: (handoffId, tenant) => reserveAgentThread(db, CHANNEL, handoffId, tenant, now()),
    placed: (handoffId, reservation, tenant, threadId) =>
      placeAgentThread(db, CHANNEL, handoffId, reservation, tenant, threadId),
    release: (handoffId, reservation) => releaseAgentThread(db, CHANNEL, handoffId, reservation),
    async threadOf(handoffId) {
      const row = await db.agentThread.findUnique({
        where: { handoffId_channel: { handoffId, channel: CHANNEL } },
        select: { threadKey: true },
      });
      return row && !isReservation(row.threadKey) ? row.threadKey : null;
    },
    async handoffOf(tenant, threadId) {
      const row = await db.agentThread.findUnique({
        where: { channel_workspace_threadKey: { channel: CHANNEL, workspace: tenant, threadKey: threadId } },
        select: { handoffId: true },
      });
      return row?.handoffId ?? null;
    },
    // The card shows the chat as it is (no transfer note): the mark needs no note.
    markStale: (handoffId) => markAgentThreadStale(db, CHANNEL, handoffId, ''),
    clearStale: (handoffId) => clearAgentThreadStale(db, CHANNEL, handoffId),
    staleHandoffs: () => staleAgentThreads(db, CHANNEL),
    async forget(handoffId, threadId) {
      await db.agentThread.deleteMany({ where: { handoffId, channel: CHANNEL, threadKey: threadId } });
    },
  };
}
