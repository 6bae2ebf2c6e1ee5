import type { Logger } from 'pino';
import type { ProcessedEvents } from '../store/processed-events.js';

/** Slack retries for up to an hour and Bot Framework for minutes; keys are kept a day. */
export const EVENT_KEY_RETENTION_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 15 * 60 * 1000;

/**
 * Deletes remembered event keys once no platform can retry them any more, so the
 * dedupe table stays small. Every instance may run it: the delete is idempotent.
 */
export function startEventKeyPruner(deps: {
  events: ProcessedEvents;
  logger: Logger;
  clock: () => Date;
  everyMs?: number;
}): { stop(): void; pruneNow(): Promise<number> } {
  const pruneNow = async () => {
    try {
      const removed = await deps.events.prune(new Date(deps.clock().getTime() - EVENT_KEY_RETENTION_MS));
      if (removed > 0) deps.logger.debug({ removed }, 'pruned handled event keys');
      return removed;
    } catch (error) {
      deps.logger.warn({ err: error }, 'pruning handled event keys failed; will retry');
      return 0;
    }
  };
  const timer = setInterval(() => void pruneNow(), deps.everyMs ?? PRUNE_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), pruneNow };
}
