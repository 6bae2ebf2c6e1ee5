import type { Db } from './prisma-client.js';

export interface CannedReplyRecord {
  readonly name: string;
  readonly text: string;
  readonly teamId: string | null;
}

/** Agents' canned replies; the content seed is the source of truth for the ones it names. */
export interface CannedReplies {
  list(): Promise<CannedReplyRecord[]>;
  /** Writes the seeded replies (insert or update by name); others stay untouched. */
  seed(replies: readonly CannedReplyRecord[]): Promise<void>;
}

export function createCannedReplies(db: Db): CannedReplies {
  return {
    async list() {
      const rows = await db.cannedReply.findMany({ orderBy: { name: 'asc' } });
      return rows.map((r) => ({ name: r.name, text: r.text, teamId: r.teamId }));
    },
    async seed(replies) {
      for (const r of replies) {
        await db.cannedReply.upsert({
          where: { name: r.name },
          create: { name: r.name, text: r.text, teamId: r.teamId },
          update: { text: r.text, teamId: r.teamId },
        });
      }
    },
  };
}
