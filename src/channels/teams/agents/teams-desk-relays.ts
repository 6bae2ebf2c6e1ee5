import type { Logger } from 'pino';
import { createDeskRelayLane, type DeskRelayLane } from '../../../core/desk-relay-lane.js';
import type { Reply } from '../../../core/reply.js';
import type { Outbox } from '../../../store/outbox.js';

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
