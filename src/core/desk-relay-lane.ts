import type { Logger } from 'pino';
import type { Outbox } from '../store/outbox.js';
import { createOutboxLanes } from './outbox-dispatcher.js';
import type { Reply } from './reply.js';

/**
 * Lines for a live chat's thread in an agents' channel (the user's messages,
 * agents' replies from elsewhere, claims, transfers, reminders, closes) are
 * written to the outbox first and posted after, so a platform outage delays
 * them but never loses them. One chat's lines go out in order; a line is
 * posted once, by whichever instance leases it.
 */
export interface DeskRelayLane {
  /**
   * Queues a line for the thread of chat `handoffId`: `text` in the platform's markup, or
   * replies that go out together (a line with a card under it, such as the transcript).
   */
  queue(handoffId: string, line: string | readonly Reply[]): Promise<void>;
  /** Posts what is due now (tests, shutdown). */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createDeskRelayLane(deps: {
  outbox: Outbox;
  /** The outbox lane, one per platform (`slack-agents`, `teams-agents`). */
  lane: string;
  /**
   * Posts lines into the chat's thread; throws while it cannot (retried with backoff).
   * `PartlyDeliveredError`: only its `unsent` replies are tried again; `UndeliverableError`
   * (the platform refuses a reply for good, such as a transcript too large): the line is given
   * up, so the chat's next lines are not held up behind retries that can never succeed.
   */
  post: (handoffId: string, replies: readonly Reply[]) => Promise<void>;
  logger: Logger;
  clock?: () => Date;
}): DeskRelayLane {
  const lanes = createOutboxLanes({
    outbox: deps.outbox,
    lanes: () => [deps.lane],
    logger: deps.logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
    deliver: (item, replies) => deps.post(item.from.handoffId ?? '', replies),
  });
  return {
    async queue(handoffId, line) {
      const replies: readonly Reply[] = typeof line === 'string' ? [{ type: 'text', text: line }] : line;
      // The chat's own key keeps its lines in order, apart from its user's conversation.
      await deps.outbox.enqueue(`${deps.lane}:${handoffId}`, deps.lane, replies, {
        author: 'system',
        handoffId,
        inTranscript: true,
      });
      lanes.wake();
    },
    runOnce: () => lanes.runOnce(),
    start: () => lanes.start(),
    stop: () => lanes.stop(),
  };
}
