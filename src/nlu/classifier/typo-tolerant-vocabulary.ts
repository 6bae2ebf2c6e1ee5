import { Int32Set } from './int32-map.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a hash of `word` without its character at `skip` (-1 skips none). */
function wordHash(word: string, skip = -1): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) if (i !== skip) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Hashes of a vocabulary's words and of their one-letter deletions: JSON-able, no strings kept. */
export interface VocabularyHashes {
  readonly words: number[];
  readonly deletions: number[];
}

export function vocabularyHashes(words: Iterable<string>): VocabularyHashes {
  const known = new Set<number>();
  const deletions = new Set<number>();
  for (const w of words) {
    known.add(wordHash(w));
    if (w.length >= 4) for (let i = 0; i < w.length; i++) deletions.add(wordHash(w, i));
  }
  return { words: [...known], deletions: [...deletions] };
}

/**
 * Words within one edit (insert, delete, substitute, swap) of a known word, by the symmetric-delete trick
 * over 32-bit hashes (a false match needs a hash collision: about one lookup in 10^5 at 40k deletions).
 */
export class TypoTolerantVocabulary {
  private readonly known: Int32Set;
  private readonly deletes: Int32Set;

  constructor(hashes: VocabularyHashes) {
    this.known = new Int32Set(hashes.words);
    this.deletes = new Int32Set(hashes.deletions);
  }

  /** The hashes again (for the model's state). */
  get hashes(): VocabularyHashes {
    return { words: this.known.keys(), deletions: this.deletes.keys() };
  }

  hasNear(word: string): boolean {
    const h = wordHash(word);
    if (this.known.has(h)) return true;
    if (word.length < 4) return false;
    if (this.deletes.has(h)) return true;
    for (let i = 0; i < word.length; i++) {
      const d = wordHash(word, i);
      if ((word.length > 4 && this.known.has(d)) || this.deletes.has(d)) return true;
    }
    return false;
  }
}
