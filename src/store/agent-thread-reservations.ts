import { randomUUID } from 'node:crypto';
import type { Db } from './prisma-client.js';

/**
 * How long a reservation to post a live chat's escalation in the agents' channel stands
 * before another instance may take it over. Posting takes seconds (Slack's Web API client
 * gives up after 10 s and two retries); a reservation older than this belongs to an
 * instance that stopped between reserving and posting, and would otherwise keep the chat
 * out of the agents' channel for good. Two minutes keeps a slow post from being doubled
 * and a crashed one from hiding a waiting user for long.
 */
export const RESERVATION_LEASE_MS = 2 * 60_000;

const PENDING = 'pending:';

/** True for a row that holds a reservation, not yet a posted escalation. */
export function isReservation(threadKey: string): boolean {
  return threadKey.startsWith(PENDING);
}

/** When a lapsed reservation was made: older than any lease, so the next `reserveAgentThread` takes it over. */
export const LAPSED_RESERVATION_AT = new Date(0);

/**
 * The key of a reservation no instance holds (made at LAPSED_RESERVATION_AT): a reservation
 * still (never read as a posted message), which the next `reserveAgentThread` takes over.
 */
export function lapsedReservationKey(handoffId: string): string {
  return `${PENDING}${handoffId}:lapsed:${randomUUID()}`;
}

/**
 * Reserves the AgentThread row of `handoffId` on one platform, so that with several bot
 * instances exactly one posts the escalation. The reservation is this instance's own; null
 * when another instance holds a reservation younger than the lease, or has posted already.
 */
export async function reserveAgentThread(
  db: Db,
  channel: string,
  handoffId: string,
  workspace: string,
  at: Date,
): Promise<string | null> {
  const reservation = `${PENDING}${handoffId}:${randomUUID()}`;
  try {
    await db.agentThread.create({
      data: { handoffId, channel, workspace, threadKey: reservation, createdAt: at },
    });
    return reservation;
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
  // Only one instance moves a stale reservation forward: the others no longer match.
  const taken = await db.agentThread.updateMany({
    where: {
      handoffId,
      channel,
      threadKey: { startsWith: PENDING },
      createdAt: { lt: new Date(at.getTime() - RESERVATION_LEASE_MS) },
    },
    data: { workspace, threadKey: reservation, createdAt: at },
  });
  return taken.count === 1 ? reservation : null;
}

/** Records the posted escalation; false when the reservation was taken over meanwhile. */
export async function placeAgentThread(
  db: Db,
  channel: string,
  handoffId: string,
  reservation: string,
  workspace: string,
  threadKey: string,
): Promise<boolean> {
  const done = await db.agentThread.updateMany({
    where: { handoffId, channel, threadKey: reservation },
    data: { workspace, threadKey },
  });
  return done.count === 1;
}

/** Gives the reservation back when posting failed, so a later attempt posts. */
export async function releaseAgentThread(
  db: Db,
  channel: string,
  handoffId: string,
  reservation: string,
): Promise<void> {
  await db.agentThread.deleteMany({ where: { handoffId, channel, threadKey: reservation } });
}

/**
 * Marks the posted escalation of `handoffId` on one platform as stale: the platform refused
 * its last rewrite, so the resync of any bot instance redoes it. `note` is what the rewrite
 * needs beyond the chat itself (a transfer's note, "" otherwise). A chat with no posted
 * message has nothing to mark.
 */
export async function markAgentThreadStale(
  db: Db,
  channel: string,
  handoffId: string,
  note: string,
): Promise<void> {
  await db.agentThread.updateMany({
    where: { handoffId, channel, NOT: { threadKey: { startsWith: PENDING } } },
    data: { staleNote: note },
  });
}

/** The message was rewritten (or is gone for good): nothing left to redo. */
export async function clearAgentThreadStale(db: Db, channel: string, handoffId: string): Promise<void> {
  await db.agentThread.updateMany({
    where: { handoffId, channel, staleNote: { not: null } },
    data: { staleNote: null },
  });
}

/** The chats whose escalation on one platform is marked stale, oldest message first. */
export async function staleAgentThreads(db: Db, channel: string): Promise<string[]> {
  const rows = await db.agentThread.findMany({
    where: { channel, staleNote: { not: null } },
    select: { handoffId: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => row.handoffId);
}

/** The note the stale escalation's rewrite needs; null when the message is not stale. */
export async function agentThreadStaleNote(
  db: Db,
  channel: string,
  handoffId: string,
): Promise<string | null> {
  const row = await db.agentThread.findUnique({
    where: { handoffId_channel: { handoffId, channel } },
    select: { staleNote: true },
  });
  return row?.staleNote ?? null;
}
