import { stemWord } from './stem-word.js';
import { SEARCH_STOP_WORDS } from './stop-words.js';
import { tokenizeWords } from './tokenize-words.js';

interface Phrase {
  /** Stems of every word, stop words included ("log in" → log, in), for matching the query. */
  stems: string[];
  /** Stems of the meaningful words, searched when another member of the group matches. */
  terms: string[];
  group: number;
}

/** A phrase found in a query, with the words its synonyms add. */
export interface SynonymMatch {
  /** Position of the first matched word in the query's word list. */
  start: number;
  length: number;
  /**
   * Index words of the other members of the group, each with a share: 1 for a
   * one-word member, 1/n for the n words of a phrase ("support request" alone
   * does not mean "support").
   */
  alternatives: Map<string, number>;
}

/** Synonym groups compiled for fast phrase look-up on stemmed query words. */
export class SynonymTable {
  private readonly byFirstStem = new Map<string, Phrase[]>();
  private readonly groups: Phrase[][] = [];

  constructor(groups: ReadonlyArray<ReadonlyArray<string>>) {
    groups.forEach((members, group) => {
      const phrases: Phrase[] = [];
      for (const member of members) {
        // Match on the plain words ("w-9" → w, 9); search the joined form and words of 3+ letters
        // ("w9", not "w" and "9"), unless the member is a single short word such as "ad".
        const parts = tokenizeWords(member.replace(/-/g, ' '));
        if (parts.length === 0) continue;
        const stems = parts.map(stemWord);
        const words = tokenizeWords(member).filter(
          (w) => !SEARCH_STOP_WORDS.has(w) && (w.length >= 3 || parts.length === 1),
        );
        const terms = [...new Set(words.map(stemWord))];
        phrases.push({ stems, terms, group });
      }
      this.groups.push(phrases);
      for (const phrase of phrases) {
        const first = phrase.stems[0]!;
        const list = this.byFirstStem.get(first) ?? [];
        list.push(phrase);
        // Longest phrases first, so "tracking link" wins over "tracking".
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.byFirstStem.set(first, list);
      }
    });
  }

  /** Finds synonym phrases in a query's stemmed words (stop words included), longest match first. */
  match(stems: readonly string[]): SynonymMatch[] {
    const matches: SynonymMatch[] = [];
    let i = 0;
    while (i < stems.length) {
      const phrase = this.longestAt(stems, i);
      if (!phrase) {
        i += 1;
        continue;
      }
      const alternatives = new Map<string, number>();
      for (const other of this.groups[phrase.group] ?? []) {
        if (other === phrase) continue;
        const share = 1 / other.terms.length;
        for (const term of other.terms) {
          if (!phrase.terms.includes(term))
            alternatives.set(term, Math.max(alternatives.get(term) ?? 0, share));
        }
      }
      matches.push({ start: i, length: phrase.stems.length, alternatives });
      i += phrase.stems.length;
    }
    return matches;
  }

  private longestAt(stems: readonly string[], start: number): Phrase | undefined {
    for (const phrase of this.byFirstStem.get(stems[start] ?? '') ?? []) {
      if (phrase.stems.every((stem, k) => stems[start + k] === stem)) return phrase;
    }
    return undefined;
  }
}
