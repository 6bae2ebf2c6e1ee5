import type { Reply } from '../core/reply.js';
import type { Db } from './prisma-client.js';

/** Who a proactive message is from, for the transcript. */
export interface OutboundAuthor {
  readonly author: 'agent' | 'system';
  readonly authorId?: string | null;
  readonly handoffId?: string | null;
}

export interface OutboundItem {
  readonly id: number;
  readonly conversationId: string;
  readonly channel: string;
  readonly replies: Reply[];
  readonly from: OutboundAuthor;
  readonly attempts: number;
}

interface OutboundPayload {
  readonly replies: Reply[];
  readonly from: OutboundAuthor;
}

/**
 * Messages sent outside a turn (ticket notifications, agent relays). They are
 * written first and delivered after, so a platform outage delays them but
 * never loses them.
 */
export interface Outbox {
  enqueue(
    conversationId: string,
    channel: string,
    replies: readonly Reply[],
    from?: OutboundAuthor,
  ): Promise<number>;
  /** Takes due items for delivery (oldest first); each is leased for `leaseMs`. */
  lease(limit: number, now: Date, leaseMs?: number): Promise<OutboundItem[]>;
  markSent(id: number, now: Date): Promise<void>;
  markFailed(id: number, error: string, retryAt: Date | null): Promise<void>;
}

export function createOutbox(db: Db): Outbox {
  return {
    async enqueue(conversationId, channel, replies, from = { author: 'system' }) {
      const payload: OutboundPayload = { replies: [...replies], from };
      const row = await db.outboundMessage.create({
        data: { conversationId, channel, payload: JSON.stringify(payload) },
        select: { id: true },
      });
      return row.id;
    },
    async lease(limit, now, leaseMs = 30_000) {
      const due = await db.outboundMessage.findMany({
        where: { status: 'pending', nextAttemptAt: { lte: now } },
        orderBy: { id: 'asc' },
        take: limit,
      });
      const leased: OutboundItem[] = [];
      for (const row of due) {
        // One conversation's messages go out in order, also with several instances:
        // a row waits while an earlier one of its conversation is still pending.
        const earlier = await db.outboundMessage.count({
          where: { conversationId: row.conversationId, status: 'pending', id: { lt: row.id } },
        });
        if (earlier > 0) continue;
        // Only the instance that moves nextAttemptAt forward from the value it read owns the item.
        const won = await db.outboundMessage.updateMany({
          where: { id: row.id, status: 'pending', nextAttemptAt: row.nextAttemptAt },
          data: { nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
        });
        if (won.count === 1) {
          const payload = JSON.parse(row.payload) as OutboundPayload;
          leased.push({
            id: row.id,
            conversationId: row.conversationId,
            channel: row.channel,
            replies: payload.replies,
            from: payload.from,
            attempts: row.attempts + 1,
          });
        }
      }
      return leased;
    },
    async markSent(id, now) {
      await db.outboundMessage.update({
        where: { id },
        data: { status: 'sent', sentAt: now, lastError: null },
      });
    },
    async markFailed(id, error, retryAt) {
      await db.outboundMessage.update({
        where: { id },
        data: retryAt
          ? { lastError: error.slice(0, 500), nextAttemptAt: retryAt }
          : { status: 'failed', lastError: error.slice(0, 500) },
      });
    },
  };
}
