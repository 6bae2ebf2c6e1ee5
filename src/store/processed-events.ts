import type { Db } from './prisma-client.js';

/** Remembers inbound events already handled, so a platform's retry is not handled twice. */
export interface ProcessedEvents {
  /** True the first time a key is claimed; false for a duplicate. */
  claim(key: string): Promise<boolean>;
  /** Gives a key back after its turn failed, so the platform's retry is handled. */
  release(key: string): Promise<void>;
  /** Deletes keys older than the platforms' retry windows. */
  prune(olderThan: Date): Promise<number>;
}

export function createProcessedEvents(db: Db): ProcessedEvents {
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
    async release(key) {
      await db.processedEvent.deleteMany({ where: { key } });
    },
    async prune(olderThan) {
      const result = await db.processedEvent.deleteMany({ where: { createdAt: { lt: olderThan } } });
      return result.count;
    },
  };
}
