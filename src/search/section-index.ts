import lunr from 'lunr';
import type { CompactIndex } from './compact-index.js';
import { SectionTerms } from './section-terms.js';

/** Static TokenSet constructors lunr has but @types/lunr does not declare. */
const TokenSets = lunr.TokenSet as unknown as {
  fromArray(sortedWords: string[]): lunr.TokenSet;
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet;
};

/** One scored section. */
export interface ScoredDocument {
  doc: number;
  /** lunr's score for the section times its prior. */
  score: number;
}

export interface SearchIndexOptions {
  limit: number;
  accept?: ((doc: number) => boolean) | undefined;
  /** A multiplier per section (e.g. article intros count less than sections). */
  prior?: Float32Array | undefined;
}

/**
 * The in-memory search index: lunr's postings and BM25 weights in typed
 * arrays, plus lunr's token set for typo look-ups. Scoring follows lunr's
 * `Index#query` formula (sum over fields and query words of boost × weight,
 * divided by the query vector's length) without lunr's per-match allocations,
 * which made a query 30+ ms at 5k sections.
 */
export class SectionIndex {
  readonly documentCount: number;
  private readonly termNumbers = new Map<string, number>();
  private readonly tokenSet: lunr.TokenSet;
  private readonly scores: Float64Array;
  /** Query number that last touched each section, so score buffers are reused without clearing. */
  private readonly touchedBy: Uint32Array;
  private queryNumber = 0;
  private sectionTerms: SectionTerms | undefined;

  constructor(readonly compact: CompactIndex) {
    this.documentCount = compact.refs.length;
    compact.terms.forEach((term, t) => {
      this.termNumbers.set(term, t);
    });
    this.scores = new Float64Array(this.documentCount);
    this.touchedBy = new Uint32Array(this.documentCount);
    this.tokenSet = TokenSets.fromArray(compact.terms);
  }

  ref(doc: number): string {
    return this.compact.refs[doc] ?? '';
  }

  has(term: string): boolean {
    return this.termNumbers.has(term);
  }

  /** Number of sections containing the word in any field. */
  documentFrequency(term: string): number {
    const t = this.termNumbers.get(term);
    return t === undefined ? 0 : this.compact.offsets[t + 1]! - this.compact.offsets[t]!;
  }

  /** BM25 inverse document frequency; a word the index does not know gets the highest value. */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }

  /** Every index word of a section with its weight there (the postings turned around on first use). */
  forEachTermOf(doc: number, visit: (term: string, weight: number) => void): void {
    this.sectionTerms ??= new SectionTerms(this.compact);
    this.sectionTerms.forEach(doc, visit);
  }

  /** Index words one edit (insert, delete, substitute, transpose) away from `term`, itself excluded. */
  neighbours(term: string): string[] {
    return this.tokenSet
      .intersect(TokenSets.fromFuzzyString(term, 1))
      .toArray()
      .filter((t) => t !== term);
  }

  /** Index words that start with `prefix` (itself excluded), at most `max`, most frequent first. */
  withPrefix(prefix: string, max: number): string[] {
    const terms = this.compact.terms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++)
      if (terms[i] !== prefix) found.push(terms[i]!);
    return found.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a)).slice(0, max);
  }

  /**
   * Scores every section containing at least one of the words and returns the
   * best `limit` accepted ones, each multiplied by its prior.
   */
  search(clauses: ReadonlyMap<string, number>, opts: SearchIndexOptions): ScoredDocument[] {
    const { offsets, docs, weights } = this.compact;
    const { scores, touchedBy } = this;
    const query = ++this.queryNumber;
    const touched: number[] = [];
    let norm = 0;
    for (const [term, boost] of clauses) {
      const t = this.termNumbers.get(term);
      if (t === undefined || boost <= 0) continue;
      norm += boost * boost;
      for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
        const doc = docs[i]!;
        if (touchedBy[doc] !== query) {
          touchedBy[doc] = query;
          scores[doc] = 0;
          touched.push(doc);
        }
        scores[doc]! += boost * weights[i]!;
      }
    }
    const magnitude = Math.sqrt(norm);
    // The best `limit` sections through a bounded min-heap (worst of the kept ones on top): a query
    // can touch most of the index, and sorting all of it made up most of a query's time.
    const limit = Math.max(0, Math.min(opts.limit, touched.length));
    const heap = new TopSections(limit);
    for (const doc of touched) {
      if (opts.accept && !opts.accept(doc)) continue;
      heap.offer(doc, (scores[doc]! / magnitude) * (opts.prior?.[doc] ?? 1));
    }
    return heap.sorted();
  }

  /** Which of the words occur in a section (binary search in each posting). */
  matchingTerms(doc: number, terms: Iterable<string>): string[] {
    const { offsets, docs } = this.compact;
    const matched: string[] = [];
    for (const term of terms) {
      const t = this.termNumbers.get(term);
      if (t === undefined) continue;
      let lo = offsets[t]!;
      let hi = offsets[t + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const value = docs[mid]!;
        if (value === doc) {
          matched.push(term);
          break;
        }
        if (value < doc) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return matched;
  }
}

/** A bounded min-heap of (section, score) that keeps the best `capacity` sections offered to it. */
class TopSections {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.docs = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** True when (docA, scoreA) ranks below (docB, scoreB): lower score, or the same score and a later section. */
  private static below(docA: number, scoreA: number, docB: number, scoreB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && docA > docB);
  }

  offer(doc: number, score: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopSections.below(doc, score, this.docs[parent]!, this.scores[parent]!)) break;
        this.docs[i] = this.docs[parent]!;
        this.scores[i] = this.scores[parent]!;
        i = parent;
      }
      this.docs[i] = doc;
      this.scores[i] = score;
      return;
    }
    if (!TopSections.below(this.docs[0]!, this.scores[0]!, doc, score)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let child = left;
      if (
        right < this.size &&
        TopSections.below(this.docs[right]!, this.scores[right]!, this.docs[left]!, this.scores[left]!)
      )
        child = right;
      if (!TopSections.below(this.docs[child]!, this.scores[child]!, doc, score)) break;
      this.docs[i] = this.docs[child]!;
      this.scores[i] = this.scores[child]!;
      i = child;
    }
    this.docs[i] = doc;
    this.scores[i] = score;
  }

  /** The kept sections, best first (ties: earlier section first). */
  sorted(): ScoredDocument[] {
    const found: ScoredDocument[] = [];
    for (let i = 0; i < this.size; i++) found.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return found.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
