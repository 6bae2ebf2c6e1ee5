// Prisma CLI config for PostgreSQL: `npx prisma <command> --config prisma/postgres/prisma.config.ts`.
// schema.prisma next to this file is generated from prisma/schema.prisma by `npm run db:generate`.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import {
  isPostgresUrl,
  repoRoot,
  useOfflineSchemaEngine,
} from '../../scripts/prisma-engine/offline-environment.ts';

useOfflineSchemaEngine();

// Local development default (trust auth on 127.0.0.1); DATABASE_URL wins when it names PostgreSQL.
const url = isPostgresUrl(process.env.DATABASE_URL)
  ? process.env.DATABASE_URL
  : 'postgresql://postgres@127.0.0.1:5432/helpdesk';

export default defineConfig({
  schema: path.join(repoRoot, 'prisma/postgres/schema.prisma'),
  migrations: { path: path.join(repoRoot, 'prisma/postgres/migrations') },
  datasource: { url },
});
