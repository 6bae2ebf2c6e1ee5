import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient as SqlitePrismaClient } from '../generated/sqlite/client.js';
import {
  type DatabaseProvider,
  databaseProviderOf,
  redactUrl,
  sqliteFilePath,
} from './schema-engine/database-url.js';

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
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
}

/**
 * Opens the database a URL names with the matching driver adapter.
 * SQLite: WAL, busy_timeout 5 s, synchronous NORMAL, foreign keys on; the parent
 * folder is created when missing. PostgreSQL: a `pg` pool.
 * The schema is not touched: run `applyMigrations` first.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const provider = databaseProviderOf(url);
  const prisma = provider === 'sqlite' ? await openSqlite(url) : await openPostgres(url, options);
  return {
    provider,
    prisma,
    async close() {
      await prisma.$disconnect();
    },
  };
}

async function openSqlite(url: string): Promise<Db> {
  const [{ PrismaBetterSqlite3 }, { PrismaClient }] = await Promise.all([
    import('@prisma/adapter-better-sqlite3'),
    import('../generated/sqlite/client.js'),
  ]);
  const file = sqliteFilePath(url);
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const prisma = new PrismaClient({ adapter });
  // The adapter opens its connection lazily; pragmas are per connection, so they
  // are set on the client's own connection. journal_mode=WAL persists in the file.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA busy_timeout = 5000');
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return prisma;
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Db> {
  const [{ PrismaPg }, { PrismaClient }] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('../generated/postgres/client.js'),
  ]);
  const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
  const prisma = new PrismaClient({ adapter });
  // The only cast between the two clients: both are generated from the same models
  // (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so their
  // model APIs are identical; only provider-specific extras (e.g. `mode: 'insensitive'`)
  // differ, and repositories must not use those.
  return prisma as unknown as Db;
}
