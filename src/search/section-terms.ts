import type { CompactIndex } from './compact-index.js';

/**
 * The index turned around: for every section, its index words and their
 * weights (lunr's BM25 weight summed over the fields). Built from the
 * postings when first needed, for relevance feedback.
 */
export class SectionTerms {
  private readonly offsets: Int32Array;
  private readonly terms: Int32Array;
  private readonly weights: Float32Array;

  constructor(private readonly compact: CompactIndex) {
    const { refs, offsets, docs, weights } = compact;
    const counts = new Int32Array(refs.length + 1);
    for (const doc of docs) counts[doc + 1]!++;
    for (let d = 0; d < refs.length; d++) counts[d + 1]! += counts[d]!;
    this.offsets = counts;
    this.terms = new Int32Array(docs.length);
    this.weights = new Float32Array(docs.length);
    const next = counts.slice(0, refs.length);
    for (let t = 0; t + 1 < offsets.length; t++) {
      for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
        const at = next[docs[i]!]!++;
        this.terms[at] = t;
        this.weights[at] = weights[i]!;
      }
    }
  }

  /** Calls `visit` with every index word of the section and its weight there. */
  forEach(doc: number, visit: (term: string, weight: number) => void): void {
    for (let i = this.offsets[doc] ?? 0, end = this.offsets[doc + 1] ?? 0; i < end; i++) {
      visit(this.compact.terms[this.terms[i]!]!, this.weights[i]!);
    }
  }
}
