import type { SqlExecutor } from './sql/sql-executor.js';

/** Remembers inbound events already handled, so a platform's retry is not handled twice. */
export interface ProcessedEvents {
  /** True the first time a key is claimed; false for a duplicate. */
  claim(key: string): Promise<boolean>;
  /** Gives a key back after its turn failed, so the platform's retry is handled. */
  release(key: string): Promise<void>;
  /** Deletes keys older than the platforms' retry windows. */
  prune(olderThan: Date): Promise<number>;
}

/** On the per-event hot path, so hand-written SQL: the primary key decides who claims first. */
export function createProcessedEvents(sql: SqlExecutor): ProcessedEvents {
  return {
    async claim(key) {
      const inserted = await sql.run(
        'INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?) ON CONFLICT ("key") DO NOTHING',
        [key, sql.date(new Date())],
      );
      return inserted === 1;
    },
    async release(key) {
      await sql.run('DELETE FROM "ProcessedEvent" WHERE "key" = ?', [key]);
    },
    async prune(olderThan) {
      return sql.run('DELETE FROM "ProcessedEvent" WHERE "createdAt" < ?', [sql.date(olderThan)]);
    },
  };
}
