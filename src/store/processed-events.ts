import type { SqlExecutor } from './sql/sql-executor.js';

export interface ClaimOptions {
  /** When the claim is made (the bot's clock); now by default. */
  readonly at?: Date;
  /**
   * A claim made before this moment has expired: it is taken over (renewed, and true answered).
   * Without it a claim never expires (until pruned).
   */
  readonly takeOverBefore?: Date;
}

/** Remembers inbound events already handled, so a platform's retry is not handled twice. */
export interface ProcessedEvents {
  /** True the first time a key is claimed (or when its claim had expired); false while it is held. */
  claim(key: string, options?: ClaimOptions): Promise<boolean>;
  /** Gives a key back after its turn failed, so the platform's retry is handled. */
  release(key: string): Promise<void>;
  /** Deletes keys older than the platforms' retry windows. */
  prune(olderThan: Date): Promise<number>;
}

/** On the per-event hot path, so hand-written SQL: the primary key decides who claims first. */
export function createProcessedEvents(sql: SqlExecutor): ProcessedEvents {
  return {
    async claim(key, options = {}) {
      const at = sql.date(options.at ?? new Date());
      const inserted = await sql.run(
        'INSERT INTO "ProcessedEvent" ("key", "createdAt") VALUES (?, ?) ON CONFLICT ("key") DO NOTHING',
        [key, at],
      );
      if (inserted === 1) return true;
      if (!options.takeOverBefore) return false;
      // A guarded update: of two instances taking over the same expired claim, one wins.
      const renewed = await sql.run(
        'UPDATE "ProcessedEvent" SET "createdAt" = ? WHERE "key" = ? AND "createdAt" < ?',
        [at, key, sql.date(options.takeOverBefore)],
      );
      return renewed === 1;
    },
    async release(key) {
      await sql.run('DELETE FROM "ProcessedEvent" WHERE "key" = ?', [key]);
    },
    async prune(olderThan) {
      return sql.run('DELETE FROM "ProcessedEvent" WHERE "createdAt" < ?', [sql.date(olderThan)]);
    },
  };
}
