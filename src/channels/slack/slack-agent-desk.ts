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
  start(): void;
  stop(): void;
}

export function createSlackAgentDesk(deps: SlackAgentDeskDeps): SlackAgentDesk {
  const board = createDeskBoard(deps);
  const ops = createDeskOperations(deps);
  // Events of one chat in order (posted before updated); different chats at once.
  const lock = new KeyedLock();
  let unsubscribe: (() => void) | null = null;

  return {
    start() {
      board.start();
      unsubscribe = deps.desk.subscribe((event) => {
        const key = 'chat' in event ? event.chat.handoffId : event.agentId;
        void lock
          .run(key, () => board.onEvent(event))
          .catch((error: unknown) =>
            deps.logger.error({ err: error, event: event.type }, 'slack agent desk update failed'),
          );
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      // Lines still queued stay in the outbox for the next start or another instance.
      void board.stop();
    },
    onThreadMessage: (m) => onDeskThreadMessage(deps, ops, m),
    register: (app) => registerDeskActions(app, deps, ops),
  };
}
