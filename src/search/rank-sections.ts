import type { QueryPlan } from './plan-query.js';
import type { SearchIndexOptions, SectionIndex } from './section-index.js';

export interface RankSectionsOptions extends SearchIndexOptions {
  /** Index words each section has only in its code samples (by document number). */
  codeOnlyTerms?: readonly (ReadonlySet<string> | undefined)[] | undefined;
  /** Credit, in coverage, of a question word that a section has only in its code samples (1 = full). */
  codeMatchCredit?: number | undefined;
}

/** A section ranked for a query, before it is turned into a hit for the user. */
export interface RankedSection {
  doc: number;
  ref: string;
  /** lunr's BM25 score over the weighted query words, times the re-ranking factors. */
  score: number;
  /**
   * The score without the factor for how the question resembles the section's
   * phrasings (see QueryOptions.sectionPhrasingWeight): what the question's
   * words alone say, which the confidence floor is measured against.
   */
  wordScore: number;
  /**
   * Share of the question's weight (by idf) that this section matches, 0..1;
   * a word found only in the section's code samples counts at `codeMatchCredit`.
   */
  coverage: number;
  /**
   * The same share over the words the question is about (question words left
   * out); 0 when the question has no such word ("whats up", "how are you").
   */
  topicCoverage: number;
  /** Index words that matched. */
  matchedTerms: string[];
}

/**
 * Ranks sections for a query plan, word by word (user text never reaches a
 * query parser), and returns the best `limit` sections that pass the filter.
 */
export function rankSections(
  index: SectionIndex,
  plan: QueryPlan,
  opts: RankSectionsOptions,
): RankedSection[] {
  if (plan.clauses.size === 0 || opts.limit <= 0) return [];
  const boosts = new Map<string, number>();
  for (const [term, { boost }] of plan.clauses) boosts.set(term, boost);
  const codeCredit = opts.codeMatchCredit ?? 1;
  return index.search(boosts, opts).map(({ doc, score }) => {
    const matchedTerms = index.matchingTerms(doc, boosts.keys());
    const codeOnly = opts.codeOnlyTerms?.[doc];
    const credit = codeOnly?.size ? (term: string) => (codeOnly.has(term) ? codeCredit : 1) : undefined;
    return {
      doc,
      ref: index.ref(doc),
      score,
      wordScore: score,
      coverage: coverage(plan, matchedTerms, false, credit),
      topicCoverage: coverage(plan, matchedTerms, true, credit),
      matchedTerms,
    };
  });
}

/**
 * Idf-weighted share of the question's words matched; a synonym or typo match
 * counts at its weight, times `termCredit` (for words the section has only in
 * its code samples). `topicOnly` leaves question words and particles out.
 */
export function coverage(
  plan: QueryPlan,
  matchedTerms: readonly string[],
  topicOnly = false,
  termCredit?: (term: string) => number,
): number {
  const credit = new Array<number>(plan.groups.length).fill(0);
  for (const term of matchedTerms) {
    const clause = plan.clauses.get(term);
    if (!clause) continue;
    const share = Math.min(1, clause.boost) * (termCredit ? termCredit(term) : 1);
    credit[clause.group] = Math.max(credit[clause.group] ?? 0, share);
  }
  let matched = 0;
  let total = 0;
  plan.groups.forEach((group, g) => {
    if (topicOnly && !group.topic) return;
    matched += group.weight * (credit[g] ?? 0);
    total += group.weight;
  });
  return total > 0 ? matched / total : 0;
}
