/**
 * Derives the PostgreSQL schema from the SQLite source schema and generates
 * both Prisma clients, offline.
 *
 *   npm run db:generate              always regenerate
 *   tsx scripts/db-generate.ts --if-needed   (postinstall) skip when up to date
 *
 * "Up to date" means: the hash stored next to each generated client matches the
 * source schema, this script and the installed Prisma version.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceSchemaPath = path.join(repoRoot, 'prisma/schema.prisma');
const postgresSchemaPath = path.join(repoRoot, 'prisma/postgres/schema.prisma');
const prismaCli = path.join(repoRoot, 'node_modules/prisma/build/index.js');

interface ClientTarget {
  readonly name: string;
  readonly config: string;
  readonly outputDir: string;
}

const targets: readonly ClientTarget[] = [
  { name: 'sqlite', config: 'prisma.config.ts', outputDir: 'src/generated/sqlite' },
  { name: 'postgres', config: 'prisma/postgres/prisma.config.ts', outputDir: 'src/generated/postgres' },
];

const HASH_FILE = '.schema-hash';

const GENERATED_HEADER = `// GENERATED FILE - do not edit. Source: prisma/schema.prisma
// Regenerate with \`npm run db:generate\` (PostgreSQL variant of the SQLite source schema).
`;

/** Rewrites the source schema for PostgreSQL: provider, client output and header. */
export function derivePostgresSchema(source: string): string {
  const withProvider = replaceOnce(
    source,
    /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    'the datasource provider "sqlite"',
  );
  const withOutput = replaceOnce(
    withProvider,
    /(generator\s+\w+\s*\{[^}]*?output\s*=\s*)"\.\.\/src\/generated\/sqlite"/,
    '$1"../../src/generated/postgres"',
    'the generator output "../src/generated/sqlite"',
  );
  // The source's leading comment block talks about itself; the copy says where it comes from.
  const body = withOutput.replace(/^(\/\/[^\n]*\n)+\n?/, '');
  return `${GENERATED_HEADER}\n${body}`;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) {
    throw new Error(`prisma/schema.prisma: cannot find ${what}; update scripts/db-generate.ts`);
  }
  return text.replace(pattern, replacement);
}

function currentHash(source: string): string {
  const prismaVersion = readPrismaVersion();
  const script = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  return createHash('sha256')
    .update(source)
    .update('\0')
    .update(prismaVersion)
    .update('\0')
    .update(script)
    .digest('hex');
}

function readPrismaVersion(): string {
  const pkg = path.join(repoRoot, 'node_modules/prisma/package.json');
  return existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : 'missing';
}

function isUpToDate(target: ClientTarget, hash: string): boolean {
  const hashFile = path.join(repoRoot, target.outputDir, HASH_FILE);
  return existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === hash;
}

function writePostgresSchema(source: string): void {
  const derived = derivePostgresSchema(source);
  mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  const previous = existsSync(postgresSchemaPath) ? readFileSync(postgresSchemaPath, 'utf8') : '';
  if (previous !== derived) writeFileSync(postgresSchemaPath, derived);
}

function generateClient(target: ClientTarget, hash: string): void {
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--config', target.config], {
    cwd: repoRoot,
    stdio: 'inherit',
    // generate never talks to the schema engine; the configs point the CLI at the offline one anyway.
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (result.status !== 0) {
    throw new Error(`prisma generate failed for the ${target.name} client (exit ${result.status})`);
  }
  writeFileSync(path.join(repoRoot, target.outputDir, HASH_FILE), `${hash}\n`);
}

function main(): void {
  const ifNeeded = process.argv.includes('--if-needed');
  if (!existsSync(sourceSchemaPath)) {
    // A partial checkout (e.g. a Docker layer with only package files) has nothing to generate yet.
    console.warn('db-generate: prisma/schema.prisma not found, skipping');
    return;
  }
  const source = readFileSync(sourceSchemaPath, 'utf8');
  const hash = currentHash(source);
  writePostgresSchema(source);
  for (const target of targets) {
    if (ifNeeded && isUpToDate(target, hash)) continue;
    generateClient(target, hash);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
