import lunr from 'lunr';
import { buildLunrIndex } from './build-lunr-index.js';
import { type CompactIndex, compactLunrIndex } from './compact-index.js';
import type { DocSection } from './doc-section.js';
import { indexCacheKey, readCachedIndex, writeCachedIndex } from './index-cache.js';
import { buildPhrasingIndex, type PhrasingIndexData } from './phrasing-index.js';
import type { IndexOptions } from './ranking-options.js';
import { sectionDocument } from './section-document.js';

export interface IndexJob {
  sections: DocSection[];
  contentHash: string;
  options: IndexOptions;
  cacheDir?: string | undefined;
}

export interface IndexJobResult {
  compact: CompactIndex;
  /** How users ask for each section; rebuilt each time, never cached (about 0.2 s for 500 sections). */
  phrasings: PhrasingIndexData;
  fromCache: boolean;
  /** Why the cache could not be written, if it could not (the index is still usable). */
  cacheWriteError?: string;
}

/**
 * Loads the index for these sections from the disk cache, or builds it with
 * lunr and caches it. Runs in the build worker (and inline as a fallback).
 */
export async function produceIndex(job: IndexJob): Promise<IndexJobResult> {
  const key = indexCacheKey(job.contentHash, job.options);
  if (job.cacheDir) {
    const cached = await readCachedIndex(job.cacheDir, key);
    if (cached) {
      try {
        return {
          compact: compactLunrIndex(lunr.Index.load(cached)),
          phrasings: buildPhrasingIndex(job.sections),
          fromCache: true,
        };
      } catch {
        // A damaged cache file is rebuilt below and overwritten.
      }
    }
  }
  const index = buildLunrIndex(job.sections.map(sectionDocument), job.options);
  const result: IndexJobResult = {
    compact: compactLunrIndex(index),
    phrasings: buildPhrasingIndex(job.sections),
    fromCache: false,
  };
  if (job.cacheDir) {
    try {
      await writeCachedIndex(job.cacheDir, key, JSON.stringify(index));
    } catch (error) {
      result.cacheWriteError = String(error);
    }
  }
  return result;
}
