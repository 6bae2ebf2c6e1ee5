import type { App } from '@slack/bolt';
import { KeyedLock } from '../../core/keyed-lock.js';
import { registerDeskActions } from './slack-desk-actions.js';
import { createDeskBoard } from './slack-desk-board.js';
import type { SlackAgentDeskDeps } from './slack-desk-deps.js';
import { createDeskOperations } from './slack-desk-operations.js';
import { onDeskThreadMessage } from './slack-desk-thread.js';
import type { SlackDeskThreads } from './slack-listener-deps.js';

export type { SlackAgentDeskDeps } from './slack-desk-deps.js';

/** Live chats in Slack: escalations in the agents' channel, relayed both ways through their threads. */
export interface SlackAgentDesk extends SlackDeskThreads {
  register(app: App): void;
  /** Follows desk events, and catches the agents' channel up with the queue now and every resync interval. */
  start(): void;
  /** Stops following; resolves when the chat the catch-up is handling is done (the rest waits for the next start). */
  stop(): Promise<void>;
}

/** How often the agents' channel is caught up with the queue when no interval is given. */
export const DEFAULT_RESYNC_INTERVAL_MS = 60_000;

export function createSlackAgentDesk(deps: SlackAgentDeskDeps): SlackAgentDesk {
  const board = createDeskBoard(deps);
  const ops = createDeskOperations(deps);
  // Events of one chat in order (posted before updated); different chats at once.
  const lock = new KeyedLock();
  let unsubscribe: (() => void) | null = null;
  let resync: NodeJS.Timeout | null = null;
  let syncing: Promise<void> | null = null;
  /** Set by stop(): the catch-up under way leaves the chats it has not reached to the next start. */
  let stopped = true;

  /**
   * One chat at a time, under the chat's lock: an event and the resync never post it both.
   * Stops between chats once stop() is called, so a slow Slack does not hold up shutdown.
   */
  async function catchUp(): Promise<void> {
    for (const handoffId of await board.behind()) {
      if (stopped) return;
      await lock
        .run(handoffId, async () => {
          // An event may have held the chat past stop().
          if (!stopped) await board.catchUp(handoffId);
        })
        .catch((error: unknown) =>
          deps.logger.warn({ err: error, handoffId }, 'slack agents channel not caught up with the chat'),
        );
    }
  }

  /** Runs a catch-up unless one is still under way (a slow Slack outlasting the interval). */
  function sync(): void {
    if (syncing) return;
    syncing = catchUp()
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'slack agents channel resync failed'))
      .finally(() => {
        syncing = null;
      });
  }

  return {
    start() {
      stopped = false;
      board.start();
      unsubscribe = deps.desk.subscribe((event) => {
        const key = 'chat' in event ? event.chat.handoffId : event.agentId;
        void lock
          .run(key, () => board.onEvent(event))
          .catch((error: unknown) =>
            deps.logger.error({ err: error, event: event.type }, 'slack agent desk update failed'),
          );
      });
      // Chats that waited while the bot was down, or whose post or update Slack refused.
      sync();
      resync = setInterval(sync, deps.resyncIntervalMs ?? DEFAULT_RESYNC_INTERVAL_MS);
      resync.unref();
    },
    async stop() {
      stopped = true;
      if (resync) clearInterval(resync);
      resync = null;
      unsubscribe?.();
      unsubscribe = null;
      // Lines still queued stay in the outbox for the next start or another instance.
      void board.stop();
      // Only the chat being handled: the catch-up checks `stopped` before each one.
      await syncing;
    },
    onThreadMessage: (m) => onDeskThreadMessage(deps, ops, m),
    register: (app) => registerDeskActions(app, deps, ops),
  };
}
