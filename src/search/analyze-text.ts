import { stemWord } from './stem-word.js';
import { isNoiseWord } from './stop-words.js';
import { tokenizeWords } from './tokenize-words.js';

/** Longest word kept: longer "words" are hashes, URLs or junk and only bloat the index. */
const MAX_WORD_LENGTH = 40;

/**
 * The one analyzer used for both the index and the queries: folded words,
 * stop words and short numbers removed, Porter-stemmed.
 */
export function analyzeText(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenizeWords(text)) {
    if (word.length > MAX_WORD_LENGTH) continue;
    const stem = stemWord(word);
    if (!isNoiseWord(word, stem)) terms.push(stem);
  }
  return terms;
}
