import { analyzeText } from './analyze-text.js';
import type { QueryPlan } from './plan-query.js';

/** The distinct index words of each asked phrasing; a phrasing of stop words only is left out. */
export function askedPhrasingTerms(asked: readonly string[]): string[][] {
  return asked.map((phrasing) => [...new Set(analyzeText(phrasing))]).filter((terms) => terms.length > 0);
}

/**
 * How closely the question says one of a section's asked phrasings, 0..1: for
 * the best phrasing, the idf-weighted share of its words that the question
 * contains (a synonym or typo at its weight). The asked field's BM25 score
 * pools the words of all phrasings, so a section whose phrasings each share a
 * word with the question can outscore the one that has the question itself.
 */
export function askedMatch(
  phrasings: readonly (readonly string[])[],
  plan: QueryPlan,
  idf: (term: string) => number,
): number {
  let best = 0;
  for (const terms of phrasings) {
    let matched = 0;
    let total = 0;
    for (const term of terms) {
      const weight = idf(term);
      matched += weight * Math.min(1, plan.clauses.get(term)?.boost ?? 0);
      total += weight;
    }
    if (total > 0) best = Math.max(best, matched / total);
  }
  return best;
}
