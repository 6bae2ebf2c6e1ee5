/**
 * Environment for running the Prisma CLI offline; imported by both prisma.config.ts files.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Points the Prisma CLI at the Node schema engine in this folder (the native one is
 * downloaded from a host that is not reachable here) and turns off the CLI's network
 * calls (update check, telemetry). Values already set in the environment win.
 */
export function useOfflineSchemaEngine(): void {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(repoRoot, 'scripts/prisma-engine/schema-engine.mjs');
  process.env.CHECKPOINT_DISABLE ??= '1';
  process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';
  process.env.PRISMA_SKIP_POSTINSTALL_GENERATE ??= '1';
}

/** A relative `file:` URL resolved against the working directory, like the bot does. */
export function absoluteSqliteUrl(url: string): string {
  const file = url.slice('file:'.length);
  if (file === ':memory:' || path.isAbsolute(file)) return url;
  return `file:${path.resolve(process.cwd(), file)}`;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}
