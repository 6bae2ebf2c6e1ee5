import {
  agentThreadStaleNote,
  clearAgentThreadStale,
  isReservation,
  LAPSED_RESERVATION_AT,
  lapsedReservationKey,
  markAgentThreadStale,
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
  /**
   * Records the posted message, which shows the chat as it is (a note kept by `forget` included:
   * nothing is left to redo); false when the reservation was taken over meanwhile.
   */
  placed(handoffId: string, reservation: string, location: AgentThreadLocation): Promise<boolean>;
  /**
   * Gives the reservation back when posting failed, so a later event tries again. `note` is the
   * transfer note the refused message showed: the latest transfer's, kept (as `staleNote`, listed
   * by `staleHandoffs`) for that try, which any instance may make at once, in place of an older
   * one. Null: the message showed no transfer (the chat was claimed since, or is waiting anew, or
   * gone), so no older note is kept either. Left out (the chat was not read): a note the row
   * carries stays.
   */
  release(handoffId: string, reservation: string, note?: string | null): Promise<void>;
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
  /** The chats whose escalation message is marked stale, or gone with a note kept (see `forget`, `release`). */
  staleHandoffs(): Promise<string[]>;
  /**
   * The note of a stale escalation's rewrite, or the one kept for the next message of a chat
   * whose message is gone (see `forget`, `release`); null when there is neither.
   */
  staleNote(handoffId: string): Promise<string | null>;
  /**
   * The escalation message at `location` is gone (deleted from the channel): the chat has no
   * message any more (its thread leads nowhere), so it may get a new one. Only that message:
   * one another instance posted since stays. `note`, when not null, is the transfer note the
   * new message shows: kept (as `staleNote`, listed by `staleHandoffs`) until it is posted.
   */
  forget(handoffId: string, location: AgentThreadLocation, note: string | null): Promise<void>;
}

const CHANNEL = 'slack';

export function createAgentThreads(db: Db, options: { now?: () => Date } = {}): AgentThreads {
  const now = options.now ?? (() => new Date());
  return {
    reserve: (handoffId, team) => reserveAgentThread(db, CHANNEL, handoffId, team, now()),
    async placed(handoffId, reservation, location) {
      const done = await db.agentThread.updateMany({
        where: { handoffId, channel: CHANNEL, threadKey: reservation },
        data: { workspace: location.team, threadKey: keyOf(location), staleNote: null },
      });
      return done.count === 1;
    },
    async release(handoffId, reservation, note) {
      // A reservation that carries a note goes back to being a lapsed one, with the note given
      // (or, when none is given, the one it has).
      const mine = { handoffId, channel: CHANNEL, threadKey: reservation };
      if (note !== null)
        await db.agentThread.updateMany({
          where: note === undefined ? { ...mine, staleNote: { not: null } } : mine,
          data: {
            threadKey: lapsedReservationKey(handoffId),
            createdAt: LAPSED_RESERVATION_AT,
            ...(note === undefined ? {} : { staleNote: note }),
          },
        });
      await db.agentThread.deleteMany({ where: mine });
    },
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
            threadKey: keyOf({ channel, ts: threadTs }),
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
    async forget(handoffId, location, note) {
      // The row becomes a lapsed reservation, which the next post of any instance takes over
      // (see `reserve`) with the note it keeps.
      await db.agentThread.updateMany({
        where: { handoffId, channel: CHANNEL, threadKey: keyOf(location) },
        data: {
          threadKey: lapsedReservationKey(handoffId),
          createdAt: LAPSED_RESERVATION_AT,
          staleNote: note,
        },
      });
    },
  };
}

function keyOf(location: Pick<AgentThreadLocation, 'channel' | 'ts'>): string {
  return `${location.channel}:${location.ts}`;
}
