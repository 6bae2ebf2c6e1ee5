import type { Logger } from 'pino';
import { createOutboxLanes } from '../../core/outbox-dispatcher.js';
import type { Outbox } from '../../store/outbox.js';

/** The outbox lane of lines posted into live chats' threads in the Slack agents' channel. */
export const SLACK_DESK_LANE = 'slack-agents';

/**
 * Lines for the agents' threads (the user's messages, agents' replies from elsewhere,
 * claims, transfers, reminders, closes) are written to the outbox first and posted
 * after, so a Slack outage delays them but never loses them. One chat's lines go out
 * in order; a line is posted once, by whichever instance leases it.
 */
export interface DeskRelays {
  /** Queues `text` (Slack mrkdwn) for the thread of chat `handoffId`. */
  queue(handoffId: string, text: string): Promise<void>;
  /** Posts what is due now (tests, shutdown). */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createDeskRelays(deps: {
  outbox: Outbox;
  /** Posts a line into the chat's thread; throws while it cannot (retried with backoff). */
  post: (handoffId: string, text: string) => Promise<void>;
  logger: Logger;
}): DeskRelays {
  const lane = createOutboxLanes({
    outbox: deps.outbox,
    lanes: () => [SLACK_DESK_LANE],
    logger: deps.logger,
    async deliver(item) {
      const text = item.replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
      await deps.post(item.from.handoffId ?? '', text);
    },
  });
  return {
    async queue(handoffId, text) {
      // The chat's own key keeps its lines in order, apart from its user's conversation.
      await deps.outbox.enqueue(
        `${SLACK_DESK_LANE}:${handoffId}`,
        SLACK_DESK_LANE,
        [{ type: 'text', text }],
        {
          author: 'system',
          handoffId,
          inTranscript: true,
        },
      );
      lane.wake();
    },
    runOnce: () => lane.runOnce(),
    start: () => lane.start(),
    stop: () => lane.stop(),
  };
}
