import { cleanChatQuery } from './clean-chat-query.js';
import type { QueryOptions } from './ranking-options.js';
import type { SectionIndex } from './section-index.js';
import { stemWord } from './stem-word.js';
import {
  CHAT_FILLER_WORDS,
  isContentWord,
  isNoiseWord,
  NON_TOPIC_WORDS,
  QUESTION_WORDS,
  SEARCH_STOP_WORDS,
} from './stop-words.js';
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
  /**
   * False for question words (how, whats...) and particles ("up"): they shape
   * the ranking but are not what the question is about. False for every word of
   * a question without a content word ("tell me about *"): it is about nothing,
   * so it is never answered confidently.
   */
  topic: boolean;
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
    if (!stem || isNoiseWord(word, stem) || CHAT_FILLER_WORDS.has(word)) return;
    const existing = groupByStem.get(stem);
    if (existing) {
      groupAt.set(i, existing);
      return;
    }
    if (groups.length >= options.maxQueryTerms) return;
    // Question words tell "why" from "how" headings apart, but must not outweigh what the question is about.
    const questionWord = QUESTION_WORDS.has(word);
    const weight = questionWord ? options.questionWordBoost : 1;
    if (weight <= 0) return;
    const group: QueryTermGroup = {
      word,
      terms: new Map([[stem, weight]]),
      weight: index.idf(stem) * weight,
      topic: !questionWord && !NON_TOPIC_WORDS.has(word),
    };
    groups.push(group);
    groupAt.set(i, group);
    groupByStem.set(stem, group);
  });
  // Function words and single letters count towards a topic ("questions about an invoice"), never as one.
  if (!groups.some((g) => g.topic && isContentWord(g.word))) for (const group of groups) group.topic = false;

  for (const match of synonyms.match(stems)) {
    let owner: QueryTermGroup | undefined;
    for (let k = match.start; k < match.start + match.length && !owner; k++) owner = groupAt.get(k);
    if (!owner) continue;
    for (const [term, share] of match.alternatives) {
      if (!owner.terms.has(term)) owner.terms.set(term, options.synonymBoost * share);
    }
  }

  joinAdjacentWords(words, stems, groupAt, index, options);
  for (const group of groups) {
    const [stem] = group.terms.keys();
    if (stem !== undefined && !index.has(stem)) expandUnknownWord(group, stem, index, options);
    addTypoNeighbours(group, index, options);
  }

  const clauses = new Map<string, { boost: number; group: number }>();
  groups.forEach((group, g) => {
    for (const [term, boost] of group.terms) {
      const current = clauses.get(term);
      if (!current || current.boost < boost) clauses.set(term, { boost, group: g });
    }
  });
  return { groups, clauses };
}

/** "sign up" → "signup", "e mail" → "email": two typed words the index knows as one. */
function joinAdjacentWords(
  words: readonly string[],
  stems: readonly string[],
  groupAt: ReadonlyMap<number, QueryTermGroup>,
  index: SectionIndex,
  options: QueryOptions,
): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const owner = groupAt.get(i) ?? groupAt.get(i + 1);
    if (!owner) continue;
    const joined = stemWord(`${words[i]}${words[i + 1]}`);
    if (joined !== stems[i] && joined !== stems[i + 1] && index.has(joined) && !owner.terms.has(joined)) {
      owner.terms.set(joined, options.compoundBoost);
    }
  }
}

/** A word the index does not know: try it as an abbreviation ("params") and as a compound ("timezone"). */
function expandUnknownWord(
  group: QueryTermGroup,
  stem: string,
  index: SectionIndex,
  options: QueryOptions,
): void {
  const word = group.word;
  if (stem.length >= 3 && options.prefixBoost > 0) {
    for (const term of index.withPrefix(stem, options.maxTypoExpansions)) {
      if (!group.terms.has(term)) group.terms.set(term, options.prefixBoost);
    }
  }
  if (word.length < 6 || options.compoundBoost <= 0) return;
  // Split points from the middle outwards: the most balanced split that the index knows wins.
  const middle = Math.floor(word.length / 2);
  for (let offset = 0; offset <= middle; offset++) {
    for (const cut of offset === 0 ? [middle] : [middle - offset, middle + offset]) {
      if (cut < 3 || word.length - cut < 3) continue;
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      if (SEARCH_STOP_WORDS.has(head) || SEARCH_STOP_WORDS.has(tail)) continue;
      const parts = [stemWord(head), stemWord(tail)];
      if (parts.every((p) => index.has(p))) {
        for (const part of parts) if (!group.terms.has(part)) group.terms.set(part, options.compoundBoost);
        return;
      }
    }
  }
}

function addTypoNeighbours(group: QueryTermGroup, index: SectionIndex, options: QueryOptions): void {
  const [stem] = group.terms.keys();
  if (stem === undefined || /[0-9]/.test(group.word)) return;
  if (group.word.length < options.typoMinLength || stem.length < options.typoMinLength - 1) return;
  const boost = index.has(stem) ? options.typoBoost : options.unknownWordTypoBoost;
  if (boost <= 0) return;
  // Most frequent neighbours first: a typo is far likelier to be of a common word than of a rare one.
  const neighbours = index
    .neighbours(stem)
    .filter((t) => !group.terms.has(t))
    .sort((a, b) => index.documentFrequency(b) - index.documentFrequency(a))
    .slice(0, options.maxTypoExpansions);
  for (const term of neighbours) group.terms.set(term, boost);
}
