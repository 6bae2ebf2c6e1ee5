import type { Db } from './prisma-client.js';

export interface WatchRecord {
  readonly id: string;
  readonly userId: string;
  readonly conversationId: string;
  readonly teamId: string | null;
  readonly createdAt: Date;
}

/** "Tell me when someone is available" requests. */
export interface AvailabilityWatches {
  /** One open watch per conversation: asking twice keeps the first. */
  create(input: { userId: string; conversationId: string; teamId: string | null; at: Date }): Promise<void>;
  /** Watches not yet answered, created after `since`. */
  open(since: Date): Promise<WatchRecord[]>;
  /** Marks a watch answered; false when another instance did it first. */
  markNotified(id: string, at: Date): Promise<boolean>;
}

export function createAvailabilityWatches(db: Db): AvailabilityWatches {
  return {
    async create({ userId, conversationId, teamId, at }) {
      const existing = await db.availabilityWatch.findFirst({
        where: { conversationId, notifiedAt: null },
        select: { id: true },
      });
      if (existing) return;
      await db.availabilityWatch.create({ data: { userId, conversationId, teamId, createdAt: at } });
    },
    async open(since) {
      return db.availabilityWatch.findMany({
        where: { notifiedAt: null, createdAt: { gte: since } },
        orderBy: { createdAt: 'asc' },
        select: { id: true, userId: true, conversationId: true, teamId: true, createdAt: true },
      });
    },
    async markNotified(id, at) {
      const won = await db.availabilityWatch.updateMany({
        where: { id, notifiedAt: null },
        data: { notifiedAt: at },
      });
      return won.count === 1;
    },
  };
}
