import { cleanChatQuery } from './clean-chat-query.js';
import type { QueryOptions } from './ranking-options.js';
import type { SectionIndex } from './section-index.js';
import { stemWord } from './stem-word.js';
import { CHAT_FILLER_WORDS, STOP_WORDS } from './stop-words.js';
import type { SynonymTable } from './synonym-table.js';
import { tokenizeWords } from './tokenize-words.js';

/** One meaningful word of the question and the index words that stand for it. */
export interface QueryTermGroup {
  /** The word as typed (folded). */
  word: string;
  /** Index word → weight: 1 for the typed word, less for synonyms and typo neighbours. */
  terms: Map<string, number>;
  /** How much the word matters for the coverage rule (its idf; unknown words count most). */
  weight: number;
}

/** A question turned into weighted index words, ready to run against lunr term by term. */
export interface QueryPlan {
  groups: QueryTermGroup[];
  /** Every index word to search, with its weight and the group it stands for. */
  clauses: Map<string, { boost: number; group: number }>;
}

const MAX_WORD_LENGTH = 40;
const MAX_WORDS_LOOKED_AT = 300;

/**
 * Plans a query from raw user text. Never throws and never hands text to
 * lunr's query parser: the result is a list of plain index words.
 */
export function planQuery(
  text: unknown,
  index: SectionIndex,
  synonyms: SynonymTable,
  options: QueryOptions,
): QueryPlan {
  const words = tokenizeWords(cleanChatQuery(text)).slice(0, MAX_WORDS_LOOKED_AT);
  const stems = words.map((w) => (w.length > MAX_WORD_LENGTH ? '' : stemWord(w)));
  const groups: QueryTermGroup[] = [];
  const groupAt = new Map<number, QueryTermGroup>();
  const groupByStem = new Map<string, QueryTermGroup>();

  words.forEach((word, i) => {
    const stem = stems[i] ?? '';
    if (!stem || STOP_WORDS.has(word) || CHAT_FILLER_WORDS.has(word)) return;
    const existing = groupByStem.get(stem);
    if (existing) {
      groupAt.set(i, existing);
      return;
    }
    if (groups.length >= options.maxQueryTerms) return;
    const group: QueryTermGroup = { word, terms: new Map([[stem, 1]]), weight: index.idf(stem) };
    groups.push(group);
    groupAt.set(i, group);
    groupByStem.set(stem, group);
  });

  for (const match of synonyms.match(stems)) {
    let owner: QueryTermGroup | undefined;
    for (let k = match.start; k < match.start + match.length && !owner; k++) owner = groupAt.get(k);
    if (!owner) continue;
    for (const term of match.alternatives) {
      if (!owner.terms.has(term)) owner.terms.set(term, options.synonymBoost);
    }
  }

  for (const group of groups) addTypoNeighbours(group, index, options);

  const clauses = new Map<string, { boost: number; group: number }>();
  groups.forEach((group, g) => {
    for (const [term, boost] of group.terms) {
      const current = clauses.get(term);
      if (!current || current.boost < boost) clauses.set(term, { boost, group: g });
    }
  });
  return { groups, clauses };
}

function addTypoNeighbours(group: QueryTermGroup, index: SectionIndex, options: QueryOptions): void {
  if (group.word.length < options.typoMinLength || /[0-9]/.test(group.word)) return;
  const [stem] = group.terms.keys();
  if (stem === undefined) return;
  const known = index.has(stem);
  const boost = known ? options.typoBoost : options.unknownWordTypoBoost;
  if (boost <= 0) return;
  // Most frequent neighbours first: a typo is far likelier to be of a common word than of a rare one.
  const neighbours = index
    .neighbours(stem)
    .filter((t) => !group.terms.has(t))
    .sort((a, b) => index.documentFrequency(b) - index.documentFrequency(a))
    .slice(0, options.maxTypoExpansions);
  for (const term of neighbours) group.terms.set(term, boost);
}
