import type { Logger } from 'pino';
import type { LiveBus } from '../../live/live-bus.js';
import type { HandoffMessages } from '../../store/handoff-messages.js';

/** What the handoff module tells every instance. Ids only: readers fetch the rows. */
export type DeskSignal =
  | {
      readonly kind: 'chat';
      readonly handoffId: string;
      readonly event: 'queued' | 'claimed' | 'transferred' | 'closed' | 'reminder';
      readonly by?: 'agent' | 'user' | 'timeout';
      readonly agentId?: string;
      /** The transfer note's message id. */
      readonly noteId?: number;
    }
  /** New messages in a chat after `afterId` (the reader keeps its own cursor too). */
  | { readonly kind: 'messages'; readonly handoffId: string; readonly afterId: number }
  | { readonly kind: 'availability'; readonly agentId: string };

/** The longest pause between two looks for a message (latency of the live event after its commit). */
const POLL_CAP_MS = 10;

export interface DeskSignals {
  publish(signal: DeskSignal): Promise<void>;
  /** Announces messages already committed after `afterId` (notes). */
  messagesStored(handoffId: string, afterId: number): Promise<void>;
  /**
   * Announces a message once it is committed. A relayed user message is stored by
   * the turn pipeline after the gate returns, and an agent reply by the outbox
   * dispatcher after delivery, so this waits (in the background) until a message
   * of that author after `afterId` (that author's latest when the message was
   * sent) is visible, then signals. Waiting for any message would be fooled by
   * another writer's (a notice the dispatcher appends meanwhile).
   */
  messagesWhenStored(handoffId: string, author: 'user' | 'agent', afterId: number): Promise<void>;
  /** Waits for announcements still watching for their message (tests, shutdown). */
  settle(): Promise<void>;
}

export function createDeskSignals(deps: {
  bus: LiveBus<DeskSignal>;
  messages: HandoffMessages;
  logger: Logger;
  /** Give up waiting for a message after this long (the platform may be down; readers catch up later). */
  maxWaitMs?: number;
}): DeskSignals {
  const maxWaitMs = deps.maxWaitMs ?? 30_000;
  const watching = new Set<Promise<void>>();

  async function publish(signal: DeskSignal): Promise<void> {
    try {
      await deps.bus.publish(signal);
    } catch (error) {
      // The data is stored; only the live view misses this push (consoles also refresh).
      deps.logger.warn({ err: error, signal }, 'live signal not sent');
    }
  }

  async function watch(handoffId: string, author: 'user' | 'agent', afterId: number): Promise<void> {
    const started = Date.now();
    let delay = 1;
    for (;;) {
      try {
        if ((await deps.messages.latestId(handoffId, author)) > afterId) break;
      } catch (error) {
        // A busy database: keep watching; the message must not go unannounced.
        deps.logger.warn({ err: error, handoffId }, 'message watch query failed');
      }
      if (Date.now() - started > maxWaitMs) break;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, POLL_CAP_MS);
    }
    await publish({ kind: 'messages', handoffId, afterId });
  }

  return {
    publish,
    messagesStored(handoffId, afterId) {
      return publish({ kind: 'messages', handoffId, afterId });
    },
    messagesWhenStored(handoffId, author, afterId) {
      const p = watch(handoffId, author, afterId).catch((error: unknown) =>
        deps.logger.warn({ err: error, handoffId }, 'message signal failed'),
      );
      watching.add(p);
      void p.finally(() => watching.delete(p));
      return p;
    },
    async settle() {
      while (watching.size > 0) await Promise.allSettled([...watching]);
    },
  };
}
