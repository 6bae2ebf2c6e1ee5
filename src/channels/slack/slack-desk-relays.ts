import type { Logger } from 'pino';
import { createDeskRelayLane, type DeskRelayLane } from '../../core/desk-relay-lane.js';
import type { Outbox } from '../../store/outbox.js';

/** The outbox lane of lines posted into live chats' threads in the Slack agents' channel. */
export const SLACK_DESK_LANE = 'slack-agents';

/** The Slack agents' channel's thread lines, through the outbox (see `DeskRelayLane`). */
export function createDeskRelays(deps: {
  outbox: Outbox;
  /** Posts a line (Slack mrkdwn) into the chat's thread; throws while it cannot. */
  post: (handoffId: string, text: string) => Promise<void>;
  logger: Logger;
}): DeskRelayLane {
  return createDeskRelayLane({
    outbox: deps.outbox,
    lane: SLACK_DESK_LANE,
    logger: deps.logger,
    post: (handoffId, replies) =>
      deps.post(handoffId, replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n')),
  });
}
