import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import {
  type DatabaseProvider,
  databaseProviderOf,
  postgresSchemaName,
  redactUrl,
  sqliteFilePath,
} from './schema-engine/database-url.js';
import { isFullyApplied, readPostgresHistory, readSqliteHistory } from './schema-engine/migration-history.js';
import { readMigrationsDirectory } from './schema-engine/migrations-directory.js';
import { createPostgresDatabase, isUnknownDatabase } from './schema-engine/postgres-admin.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The migrations folder of each provider (the same history, written in each dialect). */
export const migrationsDirectories: Readonly<Record<DatabaseProvider, string>> = {
  sqlite: path.join(repoRoot, 'prisma/migrations'),
  postgresql: path.join(repoRoot, 'prisma/postgres/migrations'),
};

/**
 * Key of the PostgreSQL advisory lock held while migrating. Different from the one
 * the schema engine takes itself (72707369), which it takes on another connection.
 */
const MIGRATION_LOCK_KEY = 4_815_162_342;

export interface MigrationLogger {
  info(message: string): void;
}

export interface ApplyMigrationsOptions {
  /** Default: the provider's folder in `migrationsDirectories`. */
  readonly migrationsDir?: string;
}

export interface ApplyMigrationsResult {
  readonly provider: DatabaseProvider;
  /** Migrations applied by this call, oldest first (empty when none was pending). */
  readonly applied: readonly string[];
  readonly durationMs: number;
}

/**
 * Applies the pending migrations to the database `url` names — what
 * `prisma migrate deploy` does, in-process, through the same WebAssembly schema
 * engine the CLI uses here. Creates the database when it does not exist (SQLite:
 * the file and its folder). On PostgreSQL an advisory lock serialises concurrent
 * callers, so several bot instances can start at the same moment.
 *
 * When `_prisma_migrations` already records every migration of the folder, the
 * engine is not even loaded (a few milliseconds instead of ~0.4 s).
 */
export async function applyMigrations(
  url: string,
  logger?: MigrationLogger,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const started = performance.now();
  const provider = databaseProviderOf(url);
  const migrations = await readMigrationsDirectory(options.migrationsDir ?? migrationsDirectories[provider]);
  const applied =
    provider === 'sqlite' ? await migrateSqlite(url, migrations) : await migratePostgres(url, migrations);
  const durationMs = Math.round(performance.now() - started);
  if (applied.length > 0) {
    logger?.info(
      `Applied ${applied.length} migration(s) to ${redactUrl(url)} in ${durationMs} ms: ${applied.join(', ')}`,
    );
  }
  return { provider, applied, durationMs };
}

async function migrateSqlite(url: string, migrations: MigrationList): Promise<string[]> {
  const file = sqliteFilePath(url);
  if (isFullyApplied(migrations, readSqliteHistory(file))) return [];
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  // Concurrent callers on one file are serialised by SQLite: the engine takes an
  // exclusive lock on the file and waits up to 5 s (busy timeout) for another's.
  return runEngine(`file:${file}`, migrations);
}

async function migratePostgres(url: string, migrations: MigrationList): Promise<string[]> {
  const client = await connectCreatingDatabase(url);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // Read under the lock: a concurrent caller may just have applied everything.
    if (isFullyApplied(migrations, await readPostgresHistory(client, postgresSchemaName(url)))) return [];
    return await runEngine(url, migrations);
  } finally {
    // Ending the session releases the lock too; unlocking first keeps it explicit.
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function runEngine(url: string, migrationsList: MigrationList): Promise<string[]> {
  // Loaded on demand: the engine is only needed when something is pending.
  const { openSchemaEngine } = await import('./schema-engine/schema-engine-session.js');
  let current: string | undefined;
  const session = await openSchemaEngine({
    url,
    onLog: (line) => {
      // Remember which migration is running, to name it if it fails.
      const match = /"message":"Applying `([^`]+)`"/.exec(line);
      if (match) current = match[1];
    },
  });
  try {
    const result = await session.engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  } catch (error) {
    const engineError = session.toError(error);
    const where = current ? `migration ${current} failed: ` : '';
    throw Object.assign(new Error(`Cannot migrate ${redactUrl(url)}: ${where}${engineError.message}`), {
      code: engineError.code,
      cause: error,
    });
  } finally {
    await session.close();
  }
}

/** A session on the database, which is created first when it does not exist. */
async function connectCreatingDatabase(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    if (!isUnknownDatabase(error)) throw error;
  }
  await createPostgresDatabase(url).catch((error: unknown) => {
    // Another instance created it in the meantime: 42P04, or 23505 when both
    // CREATE DATABASE statements raced on the catalog's unique index.
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error;
  });
  const created = new pg.Client({ connectionString: url });
  await created.connect();
  return created;
}
