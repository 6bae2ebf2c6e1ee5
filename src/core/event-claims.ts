import type { Logger } from 'pino';
import type { ProcessedEvents } from '../store/processed-events.js';

/**
 * How long a delivery's claim on an event keeps other deliveries of it off: far longer than
 * any turn takes. Past it the claim's turn is taken for lost (its instance died mid-turn) and a
 * retry runs the event; whether that turn was stored after all is the conversation's to say
 * (see stored-event-marks.ts), so nothing is stored twice.
 */
export const EVENT_CLAIM_LEASE_MS = 2 * 60_000;
/** Claims this process could not give back, remembered for their retries; the oldest go first. */
const MAX_UNRELEASED = 10_000;

/** Which delivery of an event runs its turn, across instances. */
export interface EventClaims {
  /** True when this delivery runs the event's turn; false while another delivery holds the claim. */
  claim(key: string, now: Date): Promise<boolean>;
  /**
   * Gives the claim of a failed turn back, so the retry runs. When that fails too (the database
   * went away), the retry is still run here at once, and elsewhere once the claim's lease is over.
   */
  release(key: string): Promise<void>;
}

export function createEventClaims(events: ProcessedEvents, logger: Logger): EventClaims {
  const unreleased = new Set<string>();
  return {
    async claim(key, now) {
      // Our own failed turn's claim is ours to take back; anyone else's only once its lease is over.
      const takeOverBefore = unreleased.has(key)
        ? new Date(now.getTime() + 1)
        : new Date(now.getTime() - EVENT_CLAIM_LEASE_MS);
      const claimed = await events.claim(key, { at: now, takeOverBefore });
      if (claimed) unreleased.delete(key);
      return claimed;
    },
    async release(key) {
      try {
        await events.release(key);
      } catch (error) {
        logger.warn(
          { err: error, eventKey: key },
          'claim of a failed turn not given back; its retry takes it over',
        );
        unreleased.add(key);
        if (unreleased.size > MAX_UNRELEASED) unreleased.delete(unreleased.values().next().value as string);
      }
    },
  };
}
