import { foldAccents } from './fold-accents.js';
import { spellGreekLetters } from './spell-greek-letters.js';

const APOSTROPHES = /['’ʼ`´]/g;
// A word: letters of any script and digits, possibly joined by hyphens ("sign-in", "covid-19", "вход").
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** "id" before a wish, with the word before it (if any). */
const ID_PRONOUN = /(?:\b([\p{L}\p{N}]+)\s+)?\bid(?= (?:like|love|rather|prefer)\b)/giu;
/** Words after which "id" names an ID: determiners and the things that have one. */
const ID_OWNER =
  /^(?:my|your|our|their|his|her|its|the|a|an|this|that|which|what|partner|campaign|tracking|user|account|program|brand|ticket|order|customer|client|publisher|affiliate|transaction|click|session|device|app|merchant|creator|payout|invoice|tax|vat|group|contract|link|code|tag|pixel)$/i;

/**
 * Splits text into folded words (accents removed, lower-case, punctuation
 * dropped, Greek letters used as symbols spelled out). Letters of every
 * script count. Possessive `'s` is dropped, "I'd" becomes "i" (so "id" is
 * left to mean an ID) and other apostrophes are removed ("don't" → "dont"). A hyphenated word yields its parts and the joined form
 * ("e-mail" → "e", "mail", "email") so either spelling matches.
 */
export function tokenizeWords(text: string): string[] {
  const folded = spellGreekLetters(foldAccents(text))
    // "I'd" is the pronoun, so "id" is left to mean an ID ("partner ID"). Typed without the
    // apostrophe, "id" before a wish ("id like to…", "thanks id rather…") is the pronoun too,
    // unless a word that names an ID comes first ("my partner id rather than my email").
    .replace(/\bi['’ʼ`´]d\b/giu, 'i')
    .replace(ID_PRONOUN, (match: string, before: string | undefined) =>
      before && ID_OWNER.test(before) ? match : `${match.slice(0, match.length - 2)}i`,
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
