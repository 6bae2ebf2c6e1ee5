import { createHash } from 'node:crypto';
import type { DocArticle, DocSection } from './doc-section.js';
import type { LoadedDocs } from './load-markdown-docs.js';
import type { SkippedDocFile } from './skipped-doc-file.js';

/** The articles a help center serves after a load: those that loaded, plus the last good version of broken ones. */
export interface ServedDocs {
  articles: DocArticle[];
  sections: DocSection[];
  skipped: SkippedDocFile[];
  /**
   * What the index is built from and cached under: the files' content hash, or,
   * with kept articles, a hash over it and them (the files alone give another index).
   */
  contentHash: string;
}

/**
 * A file that held an article at the last load and is broken now keeps being
 * served in its last good version, so a typo in one file never takes an answer
 * away; unless its slug now belongs to an article that loaded. A deleted file's
 * article goes, and a broken file that never loaded is skipped.
 */
export function keepLastGoodArticles(loaded: LoadedDocs, previous: readonly DocArticle[]): ServedDocs {
  const previousByFile = new Map(previous.map((a) => [a.file, a]));
  const slugs = new Set(loaded.articles.map((a) => a.slug));
  const kept: DocArticle[] = [];
  const skipped = loaded.errors.map((error): SkippedDocFile => {
    const last = previousByFile.get(error.file);
    const keep = last !== undefined && !slugs.has(last.slug);
    if (keep) {
      kept.push(last);
      slugs.add(last.slug);
    }
    return { file: error.file, line: error.line, reason: error.reason, servedFromLastGood: keep };
  });
  if (kept.length === 0)
    return { articles: loaded.articles, sections: loaded.sections, skipped, contentHash: loaded.contentHash };
  // In file order, as a load of the good files would give them.
  const articles = [...loaded.articles, ...kept].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  const contentHash = createHash('sha256')
    .update(loaded.contentHash)
    .update(JSON.stringify(kept))
    .digest('hex');
  return { articles, sections: articles.flatMap((a) => a.sections), skipped, contentHash };
}
