import lunr from 'lunr';

const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/** Porter stem of one folded word (lunr's stemmer), memoised because stemming dominates indexing time. */
export function stemWord(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stem = /^[0-9]+$/.test(word) ? word : lunr.stemmer(new lunr.Token(word, {})).toString();
  // A bounded cache: user text can bring any number of new words.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
