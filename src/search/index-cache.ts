import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexOptions } from './ranking-options.js';

/** Bump when the analyzer or index layout changes, so old cache files are not reused. */
export const INDEX_FORMAT_VERSION = 7;
const PREFIX = 'help-index-';

/** Cache key: the docs' content hash plus everything that shapes the index built from them. */
export function indexCacheKey(contentHash: string, options: IndexOptions): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: INDEX_FORMAT_VERSION, contentHash, options }))
    .digest('hex')
    .slice(0, 32);
}

export function indexCachePath(cacheDir: string, key: string): string {
  return join(cacheDir, `${PREFIX}${key}.json`);
}

/** The serialised lunr index for this key, or undefined when absent or unreadable. */
export async function readCachedIndex(cacheDir: string, key: string): Promise<object | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(indexCachePath(cacheDir, key), 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename) and removes cache files of older content. */
export async function writeCachedIndex(cacheDir: string, key: string, json: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const path = indexCachePath(cacheDir, key);
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, json);
  await rename(temp, path);
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(PREFIX) && name !== `${PREFIX}${key}.json`)
      await rm(join(cacheDir, name), { force: true });
  }
}
