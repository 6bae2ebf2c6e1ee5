import type { Logger } from 'pino';
import type { ConversationRepository } from '../store/conversation-repository.js';
import type { OutboundItem, Outbox } from '../store/outbox.js';
import type { Channel } from './channel.js';
import type { BotMetrics } from './metrics.js';
import { type Reply, replyToPlainText } from './reply.js';

export interface OutboxDispatcher {
  /** Delivers what is due now; returns how many items were delivered. */
  runOnce(): Promise<number>;
  /** Asks for a run soon (after a new item was queued). */
  wake(): void;
  /** Starts delivering; does nothing when no channel delivers through this process. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * Delivers one leased item: `replies` are those still to go (all of the item's, unless an
 * earlier attempt got some out). Throws to have it tried again later (`UndeliverableError`:
 * never again; `PartlyDeliveredError`: only its `unsent` replies again).
 */
export type OutboxDelivery = (item: OutboundItem, replies: readonly Reply[]) => Promise<void>;

/** A delivery that can never succeed (its conversation or chat is gone): the item is not retried. */
export class UndeliverableError extends Error {
  override readonly name = 'UndeliverableError';
}

/**
 * The platform took the first messages of a delivery and then failed (a reply too long
 * for one message goes out as several): `unsent` are the replies still to go (the last
 * ones of those tried, or the same content in smaller pieces), so a retry does not post
 * what went out twice.
 */
export class PartlyDeliveredError extends Error {
  override readonly name: string = 'PartlyDeliveredError';
  readonly unsent: readonly Reply[];

  constructor(message: string, unsent: readonly Reply[], options?: { cause?: unknown }) {
    super(message, options);
    this.unsent = unsent;
  }
}

/**
 * Delivers queued proactive messages through their channel, retrying with
 * backoff while a platform is down; each delivered message joins the transcript.
 */
export function createOutboxDispatcher(deps: {
  outbox: Outbox;
  conversations: ConversationRepository;
  channels: ReadonlyMap<string, Channel>;
  logger: Logger;
  metrics: BotMetrics;
  clock?: () => Date;
  intervalMs?: number;
  maxAttempts?: number;
  /** Messages of different conversations delivered at once. */
  concurrency?: number;
}): OutboxDispatcher {
  return createOutboxLanes({
    ...deps,
    lanes: () => [...deps.channels.keys()],
    async deliver(item, replies) {
      const channel = deps.channels.get(item.channel);
      const conversation = await deps.conversations.byId(item.conversationId);
      if (!conversation) throw new UndeliverableError(`conversation ${item.conversationId} is gone`);
      // Only items of registered channels are leased; a channel gone since is a failure, not a delivery.
      if (!channel) throw new Error(`channel ${item.channel} does not deliver here`);
      await channel.deliver(
        {
          conversationId: conversation.id,
          workspace: conversation.workspace,
          externalKey: conversation.externalKey,
          reference: conversation.reference,
          ...(item.to ? { addressee: item.to } : {}),
        },
        replies,
      );
      // Once all of it is out: every reply of the item, also those an earlier attempt delivered.
      if (!item.from.inTranscript)
        await deps.conversations.appendMessages(
          item.conversationId,
          item.replies.map((r) => ({
            direction: 'out' as const,
            author: item.from.author,
            authorId: item.from.authorId ?? null,
            handoffId: item.from.handoffId ?? null,
            text: replyToPlainText(r),
            payload: r,
          })),
        );
    },
  });
}

/**
 * The outbox's delivery loop over some lanes (the `channel` column of its items):
 * the chat platforms' conversations above, or a channel's own targets such as the
 * agents' threads. Items are leased, delivered, and retried with backoff until
 * delivered or given up; each lane's items are taken only by a process serving it.
 */
export function createOutboxLanes(deps: {
  outbox: Outbox;
  lanes: () => readonly string[];
  deliver: OutboxDelivery;
  logger: Logger;
  metrics?: BotMetrics;
  clock?: () => Date;
  intervalMs?: number;
  maxAttempts?: number;
  concurrency?: number;
}): OutboxDispatcher {
  const clock = deps.clock ?? (() => new Date());
  const intervalMs = deps.intervalMs ?? 500;
  const maxAttempts = deps.maxAttempts ?? 12;
  const concurrency = deps.concurrency ?? 16;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = true;
  async function deliverOne(item: OutboundItem): Promise<boolean> {
    // After an attempt that got its first messages out, only the rest (kept with the item, so any instance resumes it).
    const replies = item.unsent ?? item.replies;
    try {
      await deps.deliver(item, replies);
      await deps.outbox.markSent(item.id, clock());
      deps.metrics?.outboundDelivered.inc({ channel: item.channel, result: 'sent' });
      return true;
    } catch (error) {
      const giveUp = item.attempts >= maxAttempts || error instanceof UndeliverableError;
      const unsent = !giveUp && error instanceof PartlyDeliveredError ? error.unsent : undefined;
      const backoffMs = Math.min(60_000 * 10, 1000 * 2 ** item.attempts);
      // If even this fails (the database is down), the lease runs out and the item comes back.
      await deps.outbox
        .markFailed(
          item.id,
          String((error as Error)?.message ?? error),
          giveUp ? null : new Date(clock().getTime() + backoffMs),
          unsent,
        )
        .catch((markError: unknown) =>
          deps.logger.warn({ err: markError, outboundId: item.id }, 'delivery failure not recorded'),
        );
      deps.metrics?.outboundDelivered.inc({ channel: item.channel, result: giveUp ? 'failed' : 'retry' });
      deps.logger.warn({ err: error, outboundId: item.id, attempts: item.attempts }, 'delivery failed');
      return false;
    }
  }

  // A lease holds at most one message per conversation (the outbox keeps each
  // conversation's order), so the leased messages go out side by side.
  async function deliverDue(): Promise<number> {
    let delivered = 0;
    for (;;) {
      // Items of a channel this process does not serve (the terminal chat has no Slack
      // or Teams) stay in the outbox for a process that does.
      const items = await deps.outbox.lease(50, clock(), deps.lanes());
      if (items.length === 0) return delivered;
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const item = items[next++]!;
          if (await deliverOne(item)) delivered++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    }
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = deliverDue()
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'outbox run failed');
        return 0;
      })
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          void runOnce();
        }
      });
    return running;
  }

  return {
    runOnce,
    wake: () => {
      if (!stopped) void runOnce();
    },
    start() {
      if (deps.lanes().length === 0) return;
      stopped = false;
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
