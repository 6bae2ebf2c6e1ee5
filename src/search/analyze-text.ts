import { stemWord } from './stem-word.js';
import { STOP_WORDS } from './stop-words.js';
import { tokenizeWords } from './tokenize-words.js';

/** Longest word kept: longer "words" are hashes, URLs or junk and only bloat the index. */
const MAX_WORD_LENGTH = 40;

/**
 * The one analyzer used for both the index and the queries: folded words,
 * stop words removed, Porter-stemmed.
 */
export function analyzeText(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenizeWords(text)) {
    if (word.length > MAX_WORD_LENGTH || STOP_WORDS.has(word)) continue;
    terms.push(stemWord(word));
  }
  return terms;
}
