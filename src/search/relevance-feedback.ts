import type { QueryPlan, QueryTermGroup } from './plan-query.js';
import type { RankedSection } from './rank-sections.js';
import type { QueryOptions } from './ranking-options.js';
import type { SectionIndex } from './section-index.js';

type FeedbackOptions = Pick<QueryOptions, 'feedbackSections' | 'feedbackTerms' | 'feedbackWeight'>;

/**
 * Pseudo relevance feedback (a relevance model, RM3-like): the words that
 * weigh most in the best-ranked sections, each section counted by its share
 * of their scores, join the question as words of their own: together they weigh
 * `feedbackWeight` times the typed words together, each in proportion to its weight in those sections. They find sections that say the
 * same thing in other words ("hypertension" → "blood pressure"). Returns
 * undefined when there is nothing to add.
 */
export function feedbackPlan(
  plan: QueryPlan,
  ranked: readonly RankedSection[],
  index: SectionIndex,
  options: FeedbackOptions,
): QueryPlan | undefined {
  const { feedbackSections, feedbackTerms, feedbackWeight } = options;
  if (feedbackSections <= 0 || feedbackTerms <= 0 || feedbackWeight <= 0) return undefined;
  const top = ranked.slice(0, feedbackSections).filter((r) => r.score > 0);
  const scoreSum = top.reduce((sum, r) => sum + r.score, 0);
  if (scoreSum <= 0) return undefined;
  const relevance = new Map<string, number>();
  for (const r of top) {
    let total = 0;
    index.forEachTermOf(r.doc, (_, weight) => {
      total += weight;
    });
    if (total <= 0) continue;
    const share = r.score / scoreSum / total;
    index.forEachTermOf(r.doc, (term, weight) => {
      relevance.set(term, (relevance.get(term) ?? 0) + share * weight);
    });
  }
  // A word found in a single section can only find that section again.
  const candidates = [...relevance]
    .filter(([term]) => !plan.clauses.has(term) && index.documentFrequency(term) > 1)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, feedbackTerms);
  const candidateSum = candidates.reduce((sum, [, value]) => sum + value, 0);
  if (candidateSum <= 0) return undefined;
  // The feedback words together weigh `feedbackWeight` times what the typed words weigh together.
  const typed = plan.groups.reduce((sum, g) => sum + Math.max(0, ...g.terms.values()), 0);
  const groups: QueryTermGroup[] = [...plan.groups];
  const clauses = new Map(plan.clauses);
  for (const [term, value] of candidates) {
    const boost = (feedbackWeight * typed * value) / candidateSum;
    clauses.set(term, { boost, group: groups.length });
    groups.push({
      word: term,
      terms: new Map([[term, boost]]),
      weight: index.idf(term) * boost,
      topic: true,
    });
  }
  return { groups, clauses };
}

/** Reciprocal rank fusion's usual constant: a list's first places count little more than its next ones. */
const FUSION_RANK_OFFSET = 60;

/**
 * The first `keep` sections of the ranking as they are, then the other
 * sections of both rankings by reciprocal rank fusion, up to `limit`: the
 * feedback ranking adds sections without pushing out the ones the question's
 * own words found. Tail scores come from either ranking and need not descend.
 */
export function fuseTail(
  ranked: readonly RankedSection[],
  feedback: readonly RankedSection[],
  keep: number,
  limit: number,
): RankedSection[] {
  const head = ranked.slice(0, keep);
  const shown = new Set(head.map((r) => r.doc));
  const fused = new Map<number, { section: RankedSection; score: number }>();
  for (const list of [ranked, feedback]) {
    list.forEach((section, i) => {
      if (shown.has(section.doc)) return;
      const entry = fused.get(section.doc) ?? { section, score: 0 };
      entry.score += 1 / (FUSION_RANK_OFFSET + i);
      fused.set(section.doc, entry);
    });
  }
  const tail = [...fused.values()]
    .sort((a, b) => b.score - a.score || a.section.doc - b.section.doc)
    .slice(0, Math.max(0, limit - head.length))
    .map((entry) => entry.section);
  return [...head, ...tail];
}
