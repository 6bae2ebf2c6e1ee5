import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { derivePostgresSchema } from '../../scripts/db-generate.js';
import { migrationsDirectories } from '../../src/store/migrate.js';
import { openDatabase } from '../../src/store/prisma-client.js';
import { withPostgresDatabase } from '../../src/store/schema-engine/database-url.js';
import { dropPostgresDatabase } from '../../src/store/schema-engine/postgres-admin.js';
import { testPostgresServerUrl, testProviders } from '../support/test-database.js';

// The real Prisma CLI, through the offline schema engine set up by the configs.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const prismaCli = path.join(repoRoot, 'node_modules/prisma/build/index.js');
/** Each CLI run starts Node, the CLI and the engine (3-5 s on an idle machine). */
const CLI_TIMEOUT = 90_000;

const setups = {
  sqlite: { config: 'prisma.config.ts', schema: 'prisma/schema.prisma', migrations: 'prisma/migrations' },
  postgresql: {
    config: 'prisma/postgres/prisma.config.ts',
    schema: 'prisma/postgres/schema.prisma',
    migrations: 'prisma/postgres/migrations',
  },
} as const;

function prisma(args: string[], databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hd-prisma-cli-'));
const postgresDatabases: string[] = [];

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  for (const url of postgresDatabases) await dropPostgresDatabase(url);
});

function freshDatabaseUrl(provider: 'sqlite' | 'postgresql'): string {
  if (provider === 'sqlite') return `file:${path.join(scratch, `${Math.random().toString(36).slice(2)}.db`)}`;
  const url = withPostgresDatabase(
    testPostgresServerUrl(),
    `hd_test_cli_${Math.random().toString(36).slice(2, 10)}`,
  );
  postgresDatabases.push(url);
  return url;
}

describe('generated PostgreSQL schema', () => {
  it('is prisma/schema.prisma translated (run `npm run db:generate` after editing it)', () => {
    const source = readFileSync(path.join(repoRoot, 'prisma/schema.prisma'), 'utf8');
    const generated = readFileSync(path.join(repoRoot, 'prisma/postgres/schema.prisma'), 'utf8');
    expect(generated).toBe(derivePostgresSchema(source));
  });
});

describe.each(testProviders())('prisma CLI on %s', (provider) => {
  const setup = setups[provider];

  it('finds no difference between the schema and the migrations (run `npm run db:migration -- <name>`)', {
    timeout: CLI_TIMEOUT,
  }, async () => {
    const server = provider === 'sqlite' ? freshDatabaseUrl('sqlite') : testPostgresServerUrl();
    const { code, output } = await prisma(
      [
        'migrate',
        'diff',
        '--config',
        setup.config,
        '--from-migrations',
        setup.migrations,
        '--to-schema',
        setup.schema,
        '--exit-code',
      ],
      server,
    );
    expect(output).toContain('No difference detected');
    expect(code).toBe(0);
  });

  it('migrate deploy creates a fresh database and applies every migration', {
    timeout: CLI_TIMEOUT,
  }, async () => {
    const url = freshDatabaseUrl(provider);
    const { code, output } = await prisma(['migrate', 'deploy', '--config', setup.config], url);
    expect(output).toContain('All migrations have been successfully applied');
    expect(code).toBe(0);

    const expected = readdirSync(migrationsDirectories[provider], { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const db = await openDatabase(url);
    try {
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(expected);
    } finally {
      await db.close();
    }
  });
});
