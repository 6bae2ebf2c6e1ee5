// Prisma CLI config for the SQLite database (the embedded default).
// PostgreSQL: `--config prisma/postgres/prisma.config.ts`.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import {
  absoluteSqliteUrl,
  repoRoot,
  useOfflineSchemaEngine,
} from './scripts/prisma-engine/offline-environment.ts';

useOfflineSchemaEngine();

// DATABASE_URL may name a PostgreSQL database for the bot; this config only ever migrates SQLite.
const envUrl = process.env.DATABASE_URL;
const url = envUrl?.startsWith('file:')
  ? absoluteSqliteUrl(envUrl)
  : `file:${path.join(repoRoot, 'data/helpdesk.db')}`;

export default defineConfig({
  schema: path.join(repoRoot, 'prisma/schema.prisma'),
  migrations: { path: path.join(repoRoot, 'prisma/migrations') },
  datasource: { url },
});
