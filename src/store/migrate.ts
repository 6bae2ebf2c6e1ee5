import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  type DatabaseProvider,
  databaseProviderOf,
  redactUrl,
  sqliteFilePath,
} from './schema-engine/database-url.js';
import { readMigrationsDirectory } from './schema-engine/migrations-directory.js';
import { createPostgresDatabase, postgresDatabaseExists } from './schema-engine/postgres-admin.js';
import { openSchemaEngine } from './schema-engine/schema-engine-session.js';

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
 */
export async function applyMigrations(
  url: string,
  logger?: MigrationLogger,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const started = performance.now();
  const provider = databaseProviderOf(url);
  const migrationsDir = options.migrationsDir ?? migrationsDirectories[provider];
  const applied =
    provider === 'sqlite'
      ? await applyToSqlite(url, migrationsDir)
      : await withPostgresMigrationLock(url, () => runEngine(url, migrationsDir));
  const durationMs = Math.round(performance.now() - started);
  if (applied.length > 0) {
    logger?.info(
      `Applied ${applied.length} migration(s) to ${redactUrl(url)} in ${durationMs} ms: ${applied.join(', ')}`,
    );
  }
  return { provider, applied, durationMs };
}

async function applyToSqlite(url: string, migrationsDir: string): Promise<string[]> {
  const file = sqliteFilePath(url);
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  return runEngine(`file:${file}`, migrationsDir);
}

async function runEngine(url: string, migrationsDir: string): Promise<string[]> {
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
    const migrationsList = await readMigrationsDirectory(migrationsDir);
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

async function withPostgresMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  await ensurePostgresDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    // Closing the session releases the lock too; unlocking first keeps it explicit.
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function ensurePostgresDatabase(url: string): Promise<void> {
  if (await postgresDatabaseExists(url)) return;
  try {
    await createPostgresDatabase(url);
  } catch (error) {
    // Another instance may have created it between the check and the CREATE.
    if ((error as { code?: string }).code !== '42P04' || !(await postgresDatabaseExists(url))) throw error;
  }
}
