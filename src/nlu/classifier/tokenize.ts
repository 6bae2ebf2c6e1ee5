import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Porter stem of a lower-case word, memoised because the same words recur in every message. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) && word.length > 2 ? PorterStemmer.stem(word) : word;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Splits normalised text (see normaliseForIntent) into words, keeping "?" as its own token. */
export function words(normalised: string): string[] {
  if (normalised.length === 0) return [];
  return normalised
    .replace(/\?+/g, ' ? ')
    .split(' ')
    .filter((w) => w.length > 0);
}
