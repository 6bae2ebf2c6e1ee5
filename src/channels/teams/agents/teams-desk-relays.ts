import type { Logger } from 'pino';
import { createDeskRelayLane, type DeskRelayLane } from '../../../core/desk-relay-lane.js';
import { PartlyDeliveredError, UndeliverableError } from '../../../core/outbox-dispatcher.js';
import type { Reply } from '../../../core/reply.js';
import type { Outbox } from '../../../store/outbox.js';
import { renderTeamsActivities, type TeamsMessage } from '../render-teams-activities.js';

/** The outbox lane of lines posted into live chats' reply chains in the Teams agents' channel. */
export const TEAMS_DESK_LANE = 'teams-agents';

/** The Teams agents' channel's reply-chain lines, through the outbox (see `DeskRelayLane`). */
export function createTeamsDeskRelays(deps: {
  outbox: Outbox;
  /** Posts replies (markdown) into the chat's reply chain; throws while it cannot. */
  post: (handoffId: string, replies: readonly Reply[]) => Promise<void>;
  logger: Logger;
}): DeskRelayLane {
  return createDeskRelayLane({ ...deps, lane: TEAMS_DESK_LANE });
}

/**
 * Posts a queued line's replies into a reply chain, each reply its own message, so one the
 * connector refuses for good (a transcript too large) is given up alone: the line above it
 * stays posted, and the chat's next lines are not held up behind retries that cannot succeed
 * (`UndeliverableError` once the others are out). Any other failure after the first message
 * keeps only the replies not yet posted for the retry (`PartlyDeliveredError`).
 */
export async function postThreadReplies(
  replies: readonly Reply[],
  send: (activities: TeamsMessage[]) => Promise<void>,
  context: { handoffId: string; logger: Logger },
): Promise<void> {
  let refused: unknown = null;
  for (let i = 0; i < replies.length; i++) {
    try {
      await send(renderTeamsActivities([replies[i]!]));
    } catch (error) {
      if (refusedForGood(error)) {
        context.logger.warn(
          { err: error, handoffId: context.handoffId, reply: replies[i]!.type },
          'teams thread message refused by the connector as it is; given up',
        );
        refused = error;
        continue;
      }
      if (i === 0) throw error;
      throw new PartlyDeliveredError(
        `Teams took ${i} of ${replies.length} messages: ${messageOf(error)}`,
        replies.slice(i),
        { cause: error },
      );
    }
  }
  if (refused !== null)
    throw new UndeliverableError(
      `Teams refused a message for the thread of ${context.handoffId}: ${messageOf(refused)}`,
      { cause: refused },
    );
}

/**
 * The connector refused the message itself (400 bad request, 413 too large): every retry
 * of the same message is refused the same. Throttling (429), outages (5xx) and a bot not
 * (yet) in the team (403) pass, so those are retried.
 */
function refusedForGood(error: unknown): boolean {
  const status = (error as { statusCode?: number } | null)?.statusCode;
  return status === 400 || status === 413;
}

function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}
