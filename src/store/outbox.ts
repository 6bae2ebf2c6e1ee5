import type { Reply } from '../core/reply.js';
import type { SqlExecutor } from './sql/sql-executor.js';

/** Who a proactive message is from, for the transcript. */
export interface OutboundAuthor {
  readonly author: 'agent' | 'system' | 'bot';
  readonly authorId?: string | null;
  readonly handoffId?: string | null;
  /** The replies are already in the transcript (a turn's answer the platform could not take then): deliver only. */
  readonly inTranscript?: boolean;
}

export interface OutboundItem {
  readonly id: number;
  readonly conversationId: string;
  readonly channel: string;
  readonly replies: Reply[];
  readonly from: OutboundAuthor;
  readonly attempts: number;
  /** After an attempt that got its first messages out: the replies still to go (see `markFailed`). */
  readonly unsent?: Reply[];
  /** The bot user the message is for (see `Outbox.enqueue`); absent: no one in particular. */
  readonly to?: string;
}

interface OutboundPayload {
  readonly replies: Reply[];
  readonly from: OutboundAuthor;
  readonly unsent?: Reply[];
  readonly to?: string;
}

/**
 * Messages sent outside a turn (ticket notifications, agent relays). They are
 * written first and delivered after, so a platform outage delays them but
 * never loses them.
 */
export interface Outbox {
  /**
   * Queues replies for a conversation. `to`: the bot user they are for, kept with them so that
   * in a conversation others see (a channel thread, a group chat) only that user may press
   * their buttons, also when they go out later or are retried.
   */
  enqueue(
    conversationId: string,
    channel: string,
    replies: readonly Reply[],
    from?: OutboundAuthor,
    to?: string,
  ): Promise<number>;
  /**
   * Takes due items of the given channels for delivery (oldest first); each is leased
   * for `leaseMs`. Items of other channels stay for a process that delivers through them.
   */
  lease(limit: number, now: Date, channels: readonly string[], leaseMs?: number): Promise<OutboundItem[]>;
  markSent(id: number, now: Date): Promise<void>;
  /**
   * Records a failed attempt: retried at `retryAt`, or failed for good when null. `unsent`, after an
   * attempt that delivered the first messages, is what the retry sends (by whichever instance leases it).
   */
  markFailed(id: number, error: string, retryAt: Date | null, unsent?: readonly Reply[]): Promise<void>;
}

interface OutboundRow {
  id: number;
  conversationId: string;
  channel: string;
  payload: string;
  attempts: number;
  nextAttemptAt: unknown;
}

/**
 * Every relayed chat message and notification passes through here, so the
 * statements are hand-written SQL (see `SqlExecutor`).
 */
export function createOutbox(sql: SqlExecutor): Outbox {
  return {
    async enqueue(conversationId, channel, replies, from = { author: 'system' }, to) {
      const payload: OutboundPayload = { replies: [...replies], from, ...(to ? { to } : {}) };
      const now = sql.date(new Date());
      const row = await sql.get<{ id: number }>(
        'INSERT INTO "OutboundMessage" ("conversationId", "channel", "payload", "status", "attempts", "nextAttemptAt", "createdAt") ' +
          'VALUES (?, ?, ?, \'pending\', 0, ?, ?) RETURNING "id"',
        [conversationId, channel, JSON.stringify(payload), now, now],
      );
      if (!row) throw new Error(`outbound message for ${conversationId} was not stored`);
      return Number(row.id);
    },
    async lease(limit, now, channels, leaseMs = 30_000) {
      if (channels.length === 0) return [];
      // Rows waiting behind an earlier message of their conversation are left out here, so a
      // conversation whose platform keeps failing never fills the batch and stalls the others.
      const due = await sql.all<OutboundRow>(
        'SELECT o."id", o."conversationId", o."channel", o."payload", o."attempts", o."nextAttemptAt" ' +
          'FROM "OutboundMessage" o WHERE o."status" = \'pending\' AND o."nextAttemptAt" <= ? ' +
          `AND o."channel" IN (${channels.map(() => '?').join(', ')}) AND NOT EXISTS (` +
          'SELECT 1 FROM "OutboundMessage" earlier WHERE earlier."conversationId" = o."conversationId" ' +
          'AND earlier."status" = \'pending\' AND earlier."id" < o."id") ORDER BY o."id" ASC LIMIT ?',
        [sql.date(now), ...channels, limit],
      );
      const leasedUntil = sql.date(new Date(now.getTime() + leaseMs));
      const leased: OutboundItem[] = [];
      for (const row of due) {
        // One conversation's messages go out in order, also with several instances:
        // a row waits while an earlier one of its conversation is still pending; and
        // only the instance that moves nextAttemptAt forward from the value it read owns it.
        const won = await sql.run(
          'UPDATE "OutboundMessage" SET "nextAttemptAt" = ?, "attempts" = "attempts" + 1 ' +
            'WHERE "id" = ? AND "status" = \'pending\' AND "nextAttemptAt" = ? AND NOT EXISTS (' +
            'SELECT 1 FROM "OutboundMessage" earlier WHERE earlier."conversationId" = ? ' +
            'AND earlier."status" = \'pending\' AND earlier."id" < ?)',
          [leasedUntil, row.id, asStored(sql, row.nextAttemptAt), row.conversationId, row.id],
        );
        if (won === 1) {
          const payload = JSON.parse(row.payload) as OutboundPayload;
          leased.push({
            id: Number(row.id),
            conversationId: row.conversationId,
            channel: row.channel,
            replies: payload.replies,
            from: payload.from,
            attempts: Number(row.attempts) + 1,
            ...(payload.unsent ? { unsent: payload.unsent } : {}),
            ...(typeof payload.to === 'string' && payload.to ? { to: payload.to } : {}),
          });
        }
      }
      return leased;
    },
    async markSent(id, now) {
      await sql.run(
        'UPDATE "OutboundMessage" SET "status" = \'sent\', "sentAt" = ?, "lastError" = NULL WHERE "id" = ?',
        [sql.date(now), id],
      );
    },
    async markFailed(id, error, retryAt, unsent) {
      if (retryAt && unsent) {
        const row = await sql.get<{ payload: string }>(
          'SELECT "payload" FROM "OutboundMessage" WHERE "id" = ?',
          [id],
        );
        if (row) {
          const payload: OutboundPayload = {
            ...(JSON.parse(row.payload) as OutboundPayload),
            unsent: [...unsent],
          };
          await sql.run(
            'UPDATE "OutboundMessage" SET "payload" = ?, "lastError" = ?, "nextAttemptAt" = ? WHERE "id" = ?',
            [JSON.stringify(payload), error.slice(0, 500), sql.date(retryAt), id],
          );
          return;
        }
      }
      if (retryAt) {
        await sql.run('UPDATE "OutboundMessage" SET "lastError" = ?, "nextAttemptAt" = ? WHERE "id" = ?', [
          error.slice(0, 500),
          sql.date(retryAt),
          id,
        ]);
      } else {
        await sql.run('UPDATE "OutboundMessage" SET "status" = \'failed\', "lastError" = ? WHERE "id" = ?', [
          error.slice(0, 500),
          id,
        ]);
      }
    },
  };
}

/** A date column's value as read, written back for an equality check (SQLite keeps Prisma's text). */
function asStored(sql: SqlExecutor, value: unknown): string {
  return value instanceof Date ? sql.date(value) : String(value);
}
