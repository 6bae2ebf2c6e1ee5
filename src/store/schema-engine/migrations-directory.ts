import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationDirectory, MigrationList } from '@prisma/schema-engine-wasm';

export const MIGRATION_LOCK_FILE = 'migration_lock.toml';

/**
 * Reads a migrations folder into the shape the schema engine expects, the way the
 * Prisma CLI does: one sub-folder per migration holding `migration.sql`, sorted by name.
 * A missing folder is an empty history.
 */
export async function readMigrationsDirectory(
  baseDir: string,
  shadowDbInitScript = '',
): Promise<MigrationList> {
  const lockContent = await readFile(path.join(baseDir, MIGRATION_LOCK_FILE), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const content = await readFile(path.join(baseDir, entry.name, 'migration.sql'), 'utf8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (error: Error) => ({ tag: 'error' as const, value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: 'migration.sql', content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    migrationDirectories,
    shadowDbInitScript,
  };
}
