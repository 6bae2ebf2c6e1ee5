/**
 * Throwaway, migrated databases for integration tests, on SQLite and PostgreSQL.
 *
 *   describe.each(testProviders())('%s', (provider) => {
 *     let db: TestDatabase;
 *     beforeEach(async () => { db = await createTestDatabase(provider); });
 *     afterEach(() => db.drop());
 *     ...
 *   });
 *
 * Both clone a template migrated once (per migrations content), so a fresh database
 * costs a file copy (SQLite) or a CREATE DATABASE ... TEMPLATE (PostgreSQL).
 * PostgreSQL: TEST_POSTGRES_URL (any database on the server, used for CREATE/DROP
 * DATABASE), else postgres@ or root@127.0.0.1:5432 with trust auth.
 */
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, migrationsDirectories } from '../../src/store/migrate.js';
import { type DatabaseProvider, type Db, openDatabase } from '../../src/store/prisma-client.js';
import { quoteIdentifier, withPostgresDatabase } from '../../src/store/schema-engine/database-url.js';
import type { SqlExecutor } from '../../src/store/sql/sql-executor.js';

export interface TestDatabase {
  readonly url: string;
  readonly provider: DatabaseProvider;
  readonly prisma: Db;
  /** Hand-written statements on the same connection(s). */
  readonly sql: SqlExecutor;
  /** Disconnects and deletes the database. */
  drop(): Promise<void>;
}

const POSTGRES_CANDIDATES = process.env.TEST_POSTGRES_URL
  ? [process.env.TEST_POSTGRES_URL]
  : ['postgresql://postgres@127.0.0.1:5432/postgres', 'postgresql://root@127.0.0.1:5432/postgres'];

/** Serialises template creation across vitest workers (and concurrent test runs). */
const TEMPLATE_LOCK_KEY = 7_164_220_931;
const TEST_DATABASE_PREFIX = 'hd_test_';
const TEMPLATE_PREFIX = 'hd_tpl_';

/** The first PostgreSQL admin URL that accepts a connection, probed once per worker. */
const postgresAdminUrl: string | undefined = await findPostgres();

async function findPostgres(): Promise<string | undefined> {
  for (const url of POSTGRES_CANDIDATES) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return url;
    } catch {
      // try the next candidate
    } finally {
      await client.end().catch(() => {});
    }
  }
  return undefined;
}

let skipNoticeShown = false;

/**
 * The providers integration tests run on: both, unless PostgreSQL is unreachable
 * outside CI (then only SQLite, with a notice). In CI an unreachable PostgreSQL is
 * kept, so its tests fail instead of being skipped silently.
 */
export function testProviders(): DatabaseProvider[] {
  if (postgresAdminUrl || process.env.CI) return ['sqlite', 'postgresql'];
  if (!skipNoticeShown) {
    skipNoticeShown = true;
    console.warn(
      `[test-database] PostgreSQL is not reachable (${POSTGRES_CANDIDATES.join(', ')}): ` +
        'skipping the PostgreSQL variant of the database tests. Set TEST_POSTGRES_URL or start PostgreSQL; in CI this is a failure.',
    );
  }
  return ['sqlite'];
}

/** A fresh database with every migration applied, and a client on it. */
export async function createTestDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  return provider === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase();
}

// ------------------------------------------------------------------- SQLite

let sqliteTemplate: Promise<string> | undefined;

async function createSqliteDatabase(): Promise<TestDatabase> {
  sqliteTemplate ??= buildSqliteTemplate();
  const template = await sqliteTemplate;
  const dir = path.join(os.tmpdir(), `${TEST_DATABASE_PREFIX}${randomUUID().slice(0, 8)}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'helpdesk.db');
  copyFileSync(template, file);
  const url = `file:${file}`;
  const { prisma, sql, close } = await openDatabase(url);
  return {
    url,
    provider: 'sqlite',
    prisma,
    sql,
    async drop() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A migrated database file shared by all workers, named after the migrations it holds. */
async function buildSqliteTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'hd-test-templates');
  const template = path.join(dir, `sqlite-${migrationsHash('sqlite')}.db`);
  if (existsSync(template)) return template;
  mkdirSync(dir, { recursive: true });
  // Built under a private name and renamed: concurrent workers never see a partial file.
  const building = `${template}.${process.pid}.${randomUUID().slice(0, 8)}`;
  try {
    await applyMigrations(`file:${building}`);
    renameSync(building, template);
  } finally {
    rmSync(building, { force: true });
  }
  return template;
}

// --------------------------------------------------------------- PostgreSQL

let postgresTemplate: Promise<string> | undefined;

async function createPostgresDatabase(): Promise<TestDatabase> {
  const adminUrl = requirePostgres();
  postgresTemplate ??= buildPostgresTemplate(adminUrl);
  const template = await postgresTemplate;
  const name = `${TEST_DATABASE_PREFIX}${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await withAdminClient(adminUrl, (client) =>
    retryWhileInUse(() =>
      client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`),
    ),
  );
  const url = withPostgresDatabase(adminUrl, name);
  const { prisma, sql, close } = await openDatabase(url, { poolSize: 4 });
  return {
    url,
    provider: 'postgresql',
    prisma,
    sql,
    async drop() {
      await close();
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}

/** The PostgreSQL server the tests use (a URL to a maintenance database); throws when unreachable. */
export function testPostgresServerUrl(): string {
  return requirePostgres();
}

function requirePostgres(): string {
  if (postgresAdminUrl) return postgresAdminUrl;
  throw new Error(
    `PostgreSQL is not reachable (${POSTGRES_CANDIDATES.join(', ')}). ` +
      'Start it or set TEST_POSTGRES_URL; CI requires the PostgreSQL tests to run.',
  );
}

/**
 * The migrated template database for the current migrations, created once for all
 * workers: an advisory lock serialises them, and the database is migrated under a
 * temporary name then renamed, so a crash never leaves a half-migrated template.
 */
async function buildPostgresTemplate(adminUrl: string): Promise<string> {
  const template = `${TEMPLATE_PREFIX}${migrationsHash('postgresql').slice(0, 16)}`;
  return withAdminClient(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (existing.rowCount) return template;
      // Templates of other migration sets are left alone: another checkout may be using them.
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdentifier(building)}`);
      await applyMigrations(withPostgresDatabase(adminUrl, building));
      await retryWhileInUse(() =>
        client.query(`ALTER DATABASE ${quoteIdentifier(building)} RENAME TO ${quoteIdentifier(template)}`),
      );
      return template;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
}

/**
 * CREATE DATABASE ... TEMPLATE and RENAME fail with 55006 while another session is
 * connected to the source, which includes a backend still exiting after its client
 * closed, or another worker cloning the same template at that instant.
 */
async function retryWhileInUse<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * Math.min(attempt, 10)));
    }
  }
}

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ shared

/** Identifies a migrations folder's content, so templates follow schema changes. */
function migrationsHash(provider: DatabaseProvider): string {
  const dir = migrationsDirectories[provider];
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    hash.update(entry.name).update('\0');
    hash.update(readFileSync(path.join(dir, entry.name, 'migration.sql'))).update('\0');
  }
  return hash.digest('hex');
}
