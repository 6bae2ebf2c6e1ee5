import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { STOP_WORDS } from '../../search/stop-words.js';

/**
 * Lower-case, stemmed content words of a text, numbers kept (campaign IDs and
 * error codes tell tickets apart). Stop words are dropped.
 */
export function contentWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
  return words.map((w) => (/^[a-z]+$/.test(w) && w.length > 2 ? PorterStemmer.stem(w) : w));
}
