import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocLoadError } from './doc-load-error.js';
import type { DocArticle, DocSection } from './doc-section.js';
import { listDocFiles } from './list-doc-files.js';
import { parseArticle } from './parse-article.js';
import { type SearchLogger, silentLogger } from './search-logger.js';

export interface LoadedDocs {
  articles: DocArticle[];
  sections: DocSection[];
  /** Articles that were skipped, with file and line. */
  errors: DocLoadError[];
  /** sha256 over every Markdown file's path and bytes (bad ones included). */
  contentHash: string;
}

/** Files in the docs folder that are not articles: READMEs and anything starting with `_` or `.`. */
function isArticleFile(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  return /\.md$/i.test(name) && !/^readme\.md$/i.test(name) && parts.every((p) => !/^[_.]/.test(p));
}

/**
 * Reads every Markdown article under `docsDir`, following symbolic links (a
 * folder mounted from a Kubernetes ConfigMap is all links). A bad article is
 * skipped and logged with its file and line; it never stops the others from
 * loading. A folder that yields no article at all is logged as a warning.
 */
export async function loadMarkdownDocs(
  docsDir: string,
  opts: { baseUrl: string; logger?: SearchLogger },
): Promise<LoadedDocs> {
  const logger = opts.logger ?? silentLogger;
  const listing = await listDocFiles(docsDir);
  for (const link of listing.broken) {
    logger.warn({ file: link.path, reason: link.reason }, `help docs: skipped ${link.path}: ${link.reason}`);
  }
  const files = listing.files.filter(isArticleFile);

  const hash = createHash('sha256');
  const articles: DocArticle[] = [];
  const errors: DocLoadError[] = [];
  const slugFiles = new Map<string, string>();
  for (const file of files) {
    const source = await readFile(join(docsDir, file), 'utf8');
    hash.update(file).update('\0').update(source).update('\0');
    try {
      const article = parseArticle(file, source, opts.baseUrl);
      const earlier = slugFiles.get(article.slug);
      if (earlier) throw new DocLoadError(file, 1, `slug "${article.slug}" is already used by ${earlier}`);
      slugFiles.set(article.slug, file);
      articles.push(article);
    } catch (error) {
      const problem = error instanceof DocLoadError ? error : new DocLoadError(file, 1, String(error));
      errors.push(problem);
      logger.error(
        { file: problem.file, line: problem.line, reason: problem.reason },
        `help article skipped: ${problem.message}`,
      );
    }
  }
  if (articles.length === 0) {
    logger.warn(
      { docsDir, markdownFiles: files.length, skipped: errors.length },
      `no help articles found in ${docsDir} (${files.length} Markdown file(s), ${errors.length} skipped): help questions will find nothing`,
    );
  }
  return {
    articles,
    sections: articles.flatMap((a) => a.sections),
    errors,
    contentHash: hash.digest('hex'),
  };
}
