import { foldAccents } from './fold-accents.js';

const APOSTROPHES = /['’ʼ`´]/g;
// A word: letters/digits, possibly joined by hyphens ("sign-in", "covid-19").
const WORD = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

/**
 * Splits text into folded words (accents removed, lower-case, punctuation
 * dropped). Possessive `'s` is dropped and other apostrophes are removed
 * ("don't" → "dont"). A hyphenated word yields its parts and the joined form
 * ("e-mail" → "e", "mail", "email") so either spelling matches.
 */
export function tokenizeWords(text: string): string[] {
  const folded = foldAccents(text)
    .replace(/([a-z0-9])['’ʼ`´]s\b/g, '$1')
    .replace(/([a-z0-9])['’ʼ`´](?=[a-z0-9])/g, '$1')
    .replace(APOSTROPHES, ' ');
  const words: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    if (!word.includes('-')) {
      words.push(word);
      continue;
    }
    const parts = word.split('-');
    words.push(...parts);
    if (parts.length <= 3) words.push(parts.join(''));
  }
  return words;
}
