import lunr from 'lunr';
import { analyzeText } from './analyze-text.js';
import { INDEX_FIELDS, type IndexField, type IndexOptions } from './ranking-options.js';

/** What lunr indexes for one section: plain text per field, analysed here rather than by lunr. */
export type IndexableDocument = { id: string } & Record<IndexField, string>;

/**
 * Builds the lunr index. Text is analysed with the same analyzer the queries
 * use (folded, stop words removed, stemmed), so lunr's own pipelines are
 * emptied and the serialised index needs no registered pipeline functions.
 */
export function buildLunrIndex(documents: Iterable<IndexableDocument>, options: IndexOptions): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    for (const field of INDEX_FIELDS) this.field(field, { boost: options.boosts[field] });
    this.k1(options.k1);
    this.b(options.b);
    for (const doc of documents) {
      const analysed: Record<string, string> = { id: doc.id };
      for (const field of INDEX_FIELDS) analysed[field] = analyzeText(doc[field]).join(' ');
      this.add(analysed);
    }
  });
}
