import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationsDirectories } from '../../src/store/migrate.js';
import { type DatabaseProvider, openDatabase } from '../../src/store/prisma-client.js';
import { withPostgresDatabase } from '../../src/store/schema-engine/database-url.js';
import {
  dropPostgresDatabase,
  postgresDatabaseExists,
} from '../../src/store/schema-engine/postgres-admin.js';
import { testPostgresServerUrl, testProviders } from '../support/test-database.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hd-migrate-'));
const postgresDatabases: string[] = [];

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  for (const url of postgresDatabases) await dropPostgresDatabase(url);
});

/** A database that does not exist yet. */
function freshDatabaseUrl(provider: DatabaseProvider): string {
  const id = Math.random().toString(36).slice(2, 10);
  if (provider === 'sqlite') return `file:${path.join(scratch, id, 'nested', 'helpdesk.db')}`;
  const url = withPostgresDatabase(testPostgresServerUrl(), `hd_test_migrate_${id}`);
  postgresDatabases.push(url);
  return url;
}

function migrationNames(provider: DatabaseProvider): string[] {
  return readdirSync(migrationsDirectories[provider], { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function appliedRows(url: string): Promise<{ migration_name: string; finished: boolean }[]> {
  const db = await openDatabase(url);
  try {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
      'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    return rows.map((row) => ({ migration_name: row.migration_name, finished: row.finished_at !== null }));
  } finally {
    await db.close();
  }
}

describe.each(testProviders())('applyMigrations on %s', (provider) => {
  it('creates the database, applies every migration once, then has nothing to do', async () => {
    const url = freshDatabaseUrl(provider);
    const first = await applyMigrations(url);
    expect(first.provider).toBe(provider);
    expect(first.applied).toEqual(migrationNames(provider));

    const second = await applyMigrations(url);
    expect(second.applied).toEqual([]);
    expect((await appliedRows(url)).map((row) => row.migration_name)).toEqual(migrationNames(provider));
  });

  it('names the migration that failed and applies nothing after it', async () => {
    const dir = path.join(scratch, `broken-${provider}`);
    const write = (name: string, sql: string) => {
      mkdirSync(path.join(dir, name), { recursive: true });
      writeFileSync(path.join(dir, name, 'migration.sql'), sql);
    };
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration_lock.toml'), `provider = "${provider}"\n`);
    write('1_good', 'CREATE TABLE "Good" ("id" INTEGER NOT NULL PRIMARY KEY);');
    write(
      '2_bad',
      'CREATE TABLE "Bad" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "Missing" VALUES (1);',
    );
    write('3_later', 'CREATE TABLE "Later" ("id" INTEGER NOT NULL PRIMARY KEY);');
    const url = freshDatabaseUrl(provider);

    await expect(applyMigrations(url, undefined, { migrationsDir: dir })).rejects.toThrow(
      /migration 2_bad failed/,
    );
    expect(await appliedRows(url)).toEqual([
      { migration_name: '1_good', finished: true },
      { migration_name: '2_bad', finished: false },
    ]);
    // A failed migration blocks the next runs until it is resolved (prisma migrate resolve).
    await expect(applyMigrations(url, undefined, { migrationsDir: dir })).rejects.toThrow(
      /P3009|failed migrations/,
    );
  });
});

describe.runIf(testProviders().includes('postgresql'))('applyMigrations on postgresql, concurrently', () => {
  it('two instances starting together on a new database both succeed and apply each migration once', async () => {
    const url = freshDatabaseUrl('postgresql');
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(await postgresDatabaseExists(url)).toBe(true);
    const appliedByEither = results.flatMap((result) => result.applied).sort();
    expect(appliedByEither).toEqual(migrationNames('postgresql'));
    expect(await appliedRows(url)).toEqual(
      migrationNames('postgresql').map((name) => ({ migration_name: name, finished: true })),
    );
  });
});
