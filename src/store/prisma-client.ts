import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { PrismaClient as SqlitePrismaClient } from '../generated/sqlite/client.js';
import {
  type DatabaseProvider,
  databaseProviderOf,
  redactUrl,
  sqliteFilePath,
} from './schema-engine/database-url.js';
import { ConnectionGate } from './sql/connection-gate.js';
import type { SqlExecutor } from './sql/sql-executor.js';

export type { DatabaseProvider };
export { databaseProviderOf, redactUrl };

/**
 * The Prisma client type every repository works with. The PostgreSQL client is
 * generated from the same models and has the same API; see `openDatabase`.
 */
export type Db = SqlitePrismaClient;

export interface OpenDatabase {
  readonly provider: DatabaseProvider;
  readonly prisma: Db;
  /** Hand-written statements on the same connection(s), for the per-turn hot path. */
  readonly sql: SqlExecutor;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /** SQLite file: checkpoint the write-ahead log from a worker thread (the running bot), logging to this. */
  readonly backgroundCheckpoints?: Logger;
}

/**
 * Opens the database a URL names with the matching driver adapter.
 * SQLite: WAL, busy_timeout 5 s, synchronous NORMAL, foreign keys on; the parent
 * folder is created when missing. PostgreSQL: a `pg` pool.
 * The schema is not touched: run `applyMigrations` first.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const provider = databaseProviderOf(url);
  const { prisma, sql, end } =
    provider === 'sqlite' ? await openSqlite(url, options) : await openPostgres(url, options);
  return {
    provider,
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await end();
    },
  };
}

interface Opened {
  readonly prisma: Db;
  readonly sql: SqlExecutor;
  end(): Promise<void>;
}

async function openSqlite(url: string, options: OpenDatabaseOptions): Promise<Opened> {
  const [{ PrismaBetterSqlite3 }, { PrismaClient }, { gateSqliteAdapter }, { createSqliteExecutor }] =
    await Promise.all([
      import('@prisma/adapter-better-sqlite3'),
      import('../generated/sqlite/client.js'),
      import('./sql/gated-sqlite-adapter.js'),
      import('./sql/sqlite-executor.js'),
    ]);
  const file = sqliteFilePath(url);
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  // One connection, shared by Prisma and the hand-written statements, one owner at a time.
  const gate = new ConnectionGate();
  const shared = gateSqliteAdapter(new PrismaBetterSqlite3({ url: file, timeout: 5000 }), gate);
  const prisma = new PrismaClient({ adapter: shared.factory });
  // The adapter opens its connection lazily; pragmas are per connection, so they
  // are set on the client's own connection. journal_mode=WAL persists in the file.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA busy_timeout = 5000');
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  await shared.connect();
  const sql = createSqliteExecutor(shared.connection, gate);
  if (!options.backgroundCheckpoints || file === ':memory:') return { prisma, sql, end: async () => {} };
  const { startSqliteCheckpointer, FALLBACK_AUTOCHECKPOINT_PAGES } = await import(
    './sql/sqlite-checkpointer.js'
  );
  await prisma.$executeRawUnsafe(`PRAGMA wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = startSqliteCheckpointer(file, options.backgroundCheckpoints);
  return { prisma, sql, end: () => checkpointer.stop() };
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Opened> {
  const [{ PrismaPg }, { PrismaClient }, { default: pg }, { createPostgresExecutor }] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('../generated/postgres/client.js'),
    import('pg'),
    import('./sql/postgres-executor.js'),
  ]);
  // One pool for Prisma and the hand-written statements.
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on('error', () => undefined); // an idle client's lost connection: the next query reconnects
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  // The only cast between the two clients: both are generated from the same models
  // (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so their
  // model APIs are identical; only provider-specific extras (e.g. `mode: 'insensitive'`)
  // differ, and repositories must not use those.
  return {
    prisma: prisma as unknown as Db,
    sql: createPostgresExecutor(pool),
    end: () => pool.end(),
  };
}
