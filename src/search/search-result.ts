import type { DocSection } from './doc-section.js';

export interface SearchHit {
  section: DocSection;
  score: number;
  /** A short extract of the section; matched words are wrapped in `**` for bold. */
  extract: string;
  /** Distinct words of the section (lower-cased) that matched the query, in order of appearance. */
  matchedTerms: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** false → the bot says it found nothing good (and offers a ticket or a human). */
  confident: boolean;
}
