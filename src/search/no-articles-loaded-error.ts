import type { SkippedDocFile } from './skipped-doc-file.js';

/** A reload that loaded no article at all: refused, so the previous index keeps serving. */
export class NoArticlesLoadedError extends Error {
  constructor(readonly skipped: readonly SkippedDocFile[]) {
    super(
      `no help article could be loaded (${skipped.length} Markdown file(s) skipped); the previous index is kept`,
    );
    this.name = 'NoArticlesLoadedError';
  }
}
