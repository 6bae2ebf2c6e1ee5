import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { quoteIdentifier } from './database-url.js';

/** A row of `_prisma_migrations`, the schema engine's record of applied migrations. */
export interface AppliedMigration {
  readonly migration_name: string;
  readonly checksum: string;
  readonly finished_at: unknown;
  readonly rolled_back_at: unknown;
}

/**
 * Whether every migration in the folder is recorded as applied, unchanged (same
 * checksum: SHA-256 of migration.sql) and no migration is left failed. Only then is
 * there nothing for the engine to do; in any other case it must run, to apply, to
 * warn about an edited migration or to refuse to go on after a failed one.
 */
export function isFullyApplied(
  migrations: MigrationList,
  history: readonly AppliedMigration[] | undefined,
): boolean {
  if (!history) return false;
  const live = history.filter((row) => row.rolled_back_at === null || row.rolled_back_at === undefined);
  if (live.some((row) => row.finished_at === null || row.finished_at === undefined)) return false;
  const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
  return migrations.migrationDirectories.every((directory) => {
    const content = directory.migrationFile.content;
    if (content.tag !== 'ok') return false;
    return applied.get(directory.path) === createHash('sha256').update(content.value).digest('hex');
  });
}

/** The history of a SQLite file; undefined when the file or the table does not exist. */
export function readSqliteHistory(file: string): AppliedMigration[] | undefined {
  if (file === ':memory:' || !existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return undefined;
    return db
      .prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations')
      .all() as AppliedMigration[];
  } finally {
    db.close();
  }
}

/** The history in a PostgreSQL schema; undefined when the table does not exist. */
export async function readPostgresHistory(
  client: pg.Client,
  schema = 'public',
): Promise<AppliedMigration[] | undefined> {
  const table = `${quoteIdentifier(schema)}._prisma_migrations`;
  const exists = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [table]);
  if (!exists.rows[0]?.found) return undefined;
  const rows = await client.query<AppliedMigration>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM ${table}`,
  );
  return rows.rows;
}
