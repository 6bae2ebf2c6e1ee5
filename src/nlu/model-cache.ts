import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PREFIX = 'nlu-model-';

/** Cache key: the intent files' hash plus everything about the code that shapes the model. */
export function modelCacheKey(intentsHash: string, codeVersion: string): string {
  return createHash('sha256').update(`${intentsHash}\u0000${codeVersion}`).digest('hex').slice(0, 24);
}

/** Reads a cached model state, or null when absent or unreadable (a bad cache must never stop start-up). */
export async function readCachedModel(cacheDir: string, key: string): Promise<unknown | null> {
  try {
    return JSON.parse(await readFile(join(cacheDir, `${PREFIX}${key}.json`), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes the state atomically (temp file + rename) and removes caches of older keys. */
export async function writeCachedModel(cacheDir: string, key: string, state: unknown): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = join(cacheDir, `${PREFIX}${key}.json`);
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(state));
  await rename(temp, target);
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(PREFIX) && name.endsWith('.json') && name !== `${PREFIX}${key}.json`) {
      await rm(join(cacheDir, name), { force: true });
    }
  }
}
