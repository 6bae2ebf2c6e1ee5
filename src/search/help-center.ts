import { type ConfidenceRule, DEFAULT_CONFIDENCE_RULE } from './confidence-rule.js';
import type { DocSection, SearchAudience } from './doc-section.js';
import { DOMAIN_SYNONYMS, HELP_DESK_PARAPHRASES } from './domain-synonyms.js';
import { keepLastGoodArticles, type ServedDocs } from './keep-last-good-articles.js';
import { loadMarkdownDocs } from './load-markdown-docs.js';
import { NoArticlesLoadedError } from './no-articles-loaded-error.js';
import { type IndexJob, type IndexJobResult, produceIndex } from './produce-index.js';
import { produceIndexInWorker } from './produce-index-in-worker.js';
import {
  DEFAULT_INDEX_OPTIONS,
  DEFAULT_QUERY_OPTIONS,
  type IndexOptions,
  type QueryOptions,
} from './ranking-options.js';
import { type SearchLogger, silentLogger } from './search-logger.js';
import type { SearchResult } from './search-result.js';
import { SectionIndex } from './section-index.js';
import { SectionSearcher } from './section-searcher.js';
import type { SkippedDocFile } from './skipped-doc-file.js';
import { SynonymTable } from './synonym-table.js';
import { watchDocs } from './watch-docs.js';

export const DEFAULT_DOCS_BASE_URL = 'https://help.example.com/articles';

export interface HelpCenter {
  /** Best sections for the user's audience; never throws. */
  search(query: string, opts: { audience: SearchAudience; limit?: number }): SearchResult;
  sections(): ReadonlyArray<DocSection>;
  articleCount(): number;
  /**
   * Re-reads the docs and rebuilds the index in a worker; the old index serves until the new one is ready.
   * A broken file keeps its article's last good version; a reload that loads no article at all is refused.
   * @throws {NoArticlesLoadedError} when no article loads (the old index keeps serving), or the folder's error.
   */
  reload(): Promise<ReloadSummary>;
  /** Stops the file watcher. */
  close(): void;
}

export interface ReloadSummary {
  /** Articles and sections served now, last good versions of broken files included. */
  articles: number;
  sections: number;
  ms: number;
  /** Markdown files that could not be loaded, in file order. */
  skipped: readonly SkippedDocFile[];
}

export interface HelpCenterOptions {
  docsDir: string;
  baseUrl?: string;
  /** Folder for the index cache (keyed by content hash); no cache without it. */
  cacheDir?: string;
  /** Reload when files in docsDir change (development). */
  watch?: boolean;
  logger?: SearchLogger;
  synonyms?: ReadonlyArray<ReadonlyArray<string>>;
  indexOptions?: IndexOptions;
  queryOptions?: QueryOptions;
  confidence?: ConfidenceRule;
  /** Build in a worker thread (default); false builds inline (tests, scripts). */
  useWorker?: boolean;
}

interface Generation {
  docs: ServedDocs;
  searcher: SectionSearcher;
}

const EMPTY_RESULT: SearchResult = { hits: [], confident: false };
const DEFAULT_LIMIT = 3;

/**
 * Loads the help center from a folder of Markdown articles and returns the
 * search service the bot uses. Bad articles are skipped and logged (on a reload,
 * one that loaded before keeps its last good version); a missing folder gives
 * an empty help center (logged) rather than a crash.
 */
export async function loadHelpCenter(options: HelpCenterOptions): Promise<HelpCenter> {
  const logger = options.logger ?? silentLogger;
  const baseUrl = options.baseUrl ?? DEFAULT_DOCS_BASE_URL;
  const indexOptions = options.indexOptions ?? DEFAULT_INDEX_OPTIONS;
  const synonyms = new SynonymTable(options.synonyms ?? [...DOMAIN_SYNONYMS, ...HELP_DESK_PARAPHRASES]);
  const queryOptions = options.queryOptions ?? DEFAULT_QUERY_OPTIONS;
  const rule = options.confidence ?? DEFAULT_CONFIDENCE_RULE;
  let current: Generation | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const buildIndex = async (job: IndexJob): Promise<IndexJobResult> => {
    if (options.useWorker === false) return produceIndex(job);
    try {
      return await produceIndexInWorker(job);
    } catch (error) {
      logger.warn({ err: String(error) }, 'index build worker failed; building on the main thread');
      return produceIndex(job);
    }
  };

  const rebuild = async (): Promise<ReloadSummary> => {
    const started = performance.now();
    const loaded = await loadMarkdownDocs(options.docsDir, { baseUrl, logger });
    const docs = keepLastGoodArticles(loaded, current?.docs.articles ?? []);
    for (const skipped of docs.skipped) {
      if (skipped.servedFromLastGood)
        logger.warn(
          { file: skipped.file },
          `help article ${skipped.file} is broken; its last good version is still served`,
        );
    }
    // An emptied folder or a half-written copy must not take every answer away (a missing folder does not either).
    if (docs.articles.length === 0 && current && current.docs.articles.length > 0)
      throw new NoArticlesLoadedError(docs.skipped);
    if (current?.docs.contentHash !== docs.contentHash) {
      const result = await buildIndex({
        sections: docs.sections,
        contentHash: docs.contentHash,
        options: indexOptions,
        cacheDir: options.cacheDir,
      });
      if (result.cacheWriteError)
        logger.warn({ err: result.cacheWriteError }, 'help index cache not written');
      const index = new SectionIndex(result.compact);
      current = {
        docs,
        searcher: new SectionSearcher(docs.sections, index, synonyms, queryOptions, rule, result.phrasings),
      };
      logger.info(
        {
          articles: docs.articles.length,
          sections: docs.sections.length,
          skipped: docs.skipped.length,
          servedFromLastGood: docs.skipped.filter((s) => s.servedFromLastGood).length,
          fromCache: result.fromCache,
        },
        'help center index ready',
      );
    }
    return {
      articles: docs.articles.length,
      sections: docs.sections.length,
      ms: Math.round(performance.now() - started),
      skipped: docs.skipped,
    };
  };
  // One rebuild at a time; a reload asked for during a rebuild runs after it.
  const reload = (): Promise<ReloadSummary> => {
    const next = queue.then(rebuild, rebuild);
    queue = next.catch(() => undefined);
    return next;
  };

  try {
    await reload();
  } catch (error) {
    logger.error(
      { err: String(error), docsDir: options.docsDir },
      'help docs could not be loaded; search answers nothing',
    );
  }
  const stopWatching = options.watch
    ? watchDocs(
        options.docsDir,
        () => void reload().catch((error) => logger.error({ err: String(error) }, 'help docs reload failed')),
        { logger },
      )
    : () => {};

  return {
    search(query, opts) {
      if (!current) return EMPTY_RESULT;
      try {
        return current.searcher.search(query, {
          audience: opts?.audience,
          limit: opts?.limit ?? DEFAULT_LIMIT,
        });
      } catch (error) {
        logger.error({ err: String(error) }, 'help search failed');
        return EMPTY_RESULT;
      }
    },
    sections: () => current?.docs.sections ?? [],
    articleCount: () => current?.docs.articles.length ?? 0,
    reload,
    close: stopWatching,
  };
}
