import { foldAccents } from './fold-accents.js';
import { spellGreekLetters } from './spell-greek-letters.js';

const APOSTROPHES = /['’ʼ`´]/g;
// A word: letters of any script and digits, possibly joined by hyphens ("sign-in", "covid-19", "вход").
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/**
 * Splits text into folded words (accents removed, lower-case, punctuation
 * dropped, Greek letters used as symbols spelled out). Letters of every
 * script count. Possessive `'s` is dropped, "I'd" becomes "i" (so "id" is
 * left to mean an ID) and other apostrophes are removed ("don't" → "dont"). A hyphenated word yields its parts and the joined form
 * ("e-mail" → "e", "mail", "email") so either spelling matches.
 */
export function tokenizeWords(text: string): string[] {
  const folded = spellGreekLetters(foldAccents(text))
    // "I'd" is the pronoun, so "id" is left to mean an ID ("partner ID"); typed without the
    // apostrophe it is the pronoun only opening a wish ("id like to…", "hi, id rather…"), never
    // after another word ("my partner id like ABC-123", "the id rather than the e-mail").
    .replace(/\bi['’ʼ`´]d\b/giu, 'i')
    .replace(
      /(^|[.!?,;:]\s*|\b(?:hi|hey|hello|so|ok|okay|yes|well|and|but|also)\s+)id(?= (?:like|love|rather|prefer)\b)/giu,
      '$1i',
    )
    .replace(/([\p{L}\p{N}])['’ʼ`´]s\b/gu, '$1')
    .replace(/([\p{L}\p{N}])['’ʼ`´](?=[\p{L}\p{N}])/gu, '$1')
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
