import type { Logger } from 'pino';
import { createOutboxLanes } from '../../../core/outbox-dispatcher.js';
import type { Reply } from '../../../core/reply.js';
import type { Outbox } from '../../../store/outbox.js';

/** The outbox lane of lines posted into live chats' reply chains in the Teams agents' channel. */
export const TEAMS_DESK_LANE = 'teams-agents';

/**
 * Lines for the agents' reply chains (the user's messages, claims, transfers,
 * reminders, closes) are written to the outbox first and posted after, so a
 * connector outage delays them but never loses them. One chat's lines go out in
 * order; a line is posted once, by whichever instance leases it.
 */
export interface TeamsDeskRelays {
  /** Queues `text` (markdown) for the reply chain of chat `handoffId`. */
  queue(handoffId: string, text: string): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export function createTeamsDeskRelays(deps: {
  outbox: Outbox;
  /** Posts replies into the chat's reply chain; throws while it cannot (retried with backoff). */
  post: (handoffId: string, replies: readonly Reply[]) => Promise<void>;
  logger: Logger;
}): TeamsDeskRelays {
  const lane = createOutboxLanes({
    outbox: deps.outbox,
    lanes: () => [TEAMS_DESK_LANE],
    logger: deps.logger,
    deliver: (item) => deps.post(item.from.handoffId ?? '', item.replies),
  });
  return {
    async queue(handoffId, text) {
      // The chat's own key keeps its lines in order, apart from its user's conversation.
      await deps.outbox.enqueue(
        `${TEAMS_DESK_LANE}:${handoffId}`,
        TEAMS_DESK_LANE,
        [{ type: 'text', text }],
        {
          author: 'system',
          handoffId,
          inTranscript: true,
        },
      );
      lane.wake();
    },
    start: () => lane.start(),
    stop: () => lane.stop(),
  };
}
