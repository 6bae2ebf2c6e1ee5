import type { Db } from '../../store/prisma-client.js';

/**
 * One-time marks in the processed-events table, shared by every bot instance:
 * an agents'-channel post happens once even when each instance hears the desk
 * event, and a reply an agent typed in Slack is not echoed back into Slack.
 */
export interface OnceMarks {
  /** True the first time `key` is claimed. */
  claim(key: string): Promise<boolean>;
  /** True when `key` was set (and removes it). */
  consume(key: string): Promise<boolean>;
}

export function createOnceMarks(db: Db): OnceMarks {
  return {
    async claim(key) {
      try {
        await db.processedEvent.create({ data: { key } });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002') return false;
        throw error;
      }
    },
    async consume(key) {
      const removed = await db.processedEvent.deleteMany({ where: { key } });
      return removed.count > 0;
    },
  };
}
