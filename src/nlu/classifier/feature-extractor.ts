import type { SparseVector } from './sparse-vector.js';
import { stem, words } from './tokenize.js';

/** How text becomes features: stemmed word n-grams plus character n-grams inside word boundaries. */
export interface FeatureConfig {
  readonly wordNgramMax: number;
  readonly charNgramMin: number;
  readonly charNgramMax: number;
  /** Relative weight of the character block against the word block (each is L2-normalised first). */
  readonly charWeight: number;
  readonly minDfChar: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  wordNgramMax: 2,
  charNgramMin: 2,
  charNgramMax: 5,
  charWeight: 1,
  minDfChar: 2,
};

/**
 * The fitted vocabulary and IDF weights; plain data so it can be cached as JSON. Features are 32-bit
 * FNV-1a hashes (odd = character n-gram, even = word n-gram) so that scoring a message allocates no
 * n-gram strings; a collision merely merges two rare features.
 */
export interface FeatureState {
  readonly config: FeatureConfig;
  readonly keys: number[];
  readonly idf: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const isCharKey = (key: number) => (key & 1) === 1;

/** Counts the hashed features of one normalised text into `counts` (cleared first). */
export function countFeatures(normalised: string, config: FeatureConfig, counts: Map<number, number>): void {
  counts.clear();
  const add = (key: number) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const tokens = words(normalised);
  const stems = tokens.map(stem);
  for (const s of stems) add(hashString(s) & ~1);
  const padded = ['^', ...stems, '$'];
  for (let n = 2; n <= config.wordNgramMax; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      let h = FNV_OFFSET;
      for (let k = 0; k < n; k++) h = hashString(padded[i + k]!, Math.imul(h ^ 32, FNV_PRIME));
      add(h & ~1);
    }
  }
  for (const token of tokens) {
    if (token === '?') continue;
    const len = token.length + 2;
    // " token " with boundary spaces, hashed incrementally from each start position.
    const code = (i: number) => (i === 0 || i === len - 1 ? 32 : token.charCodeAt(i - 1));
    for (let start = 0; start + config.charNgramMin <= len; start++) {
      let h = FNV_OFFSET ^ 0x9e3779b9;
      for (let end = start; end < len && end - start < config.charNgramMax; end++) {
        h = Math.imul(h ^ code(end), FNV_PRIME);
        if (end - start + 1 >= config.charNgramMin) add(h | 1);
      }
    }
  }
}

/** Fits vocabulary and smoothed IDF on already-normalised training texts. */
export function fitFeatures(
  texts: readonly string[],
  config: FeatureConfig = DEFAULT_FEATURE_CONFIG,
): FeatureState {
  const df = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const text of texts) {
    countFeatures(text, config, counts);
    for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const keys: number[] = [];
  const idf: number[] = [];
  const n = texts.length;
  for (const [key, count] of df) {
    if (isCharKey(key) && count < config.minDfChar) continue;
    keys.push(key);
    idf.push(Math.log((1 + n) / (1 + count)) + 1);
  }
  return { config, keys, idf };
}

/** Turns normalised text into a TF-IDF vector: sublinear TF, L2-normalised per block, blocks weighted. */
export class FeatureTransformer {
  private readonly index = new Map<number, number>();
  private readonly counts = new Map<number, number>();

  constructor(readonly state: FeatureState) {
    state.keys.forEach((key, i) => {
      this.index.set(key, i);
    });
  }

  get size(): number {
    return this.state.keys.length;
  }

  transform(normalised: string): SparseVector {
    countFeatures(normalised, this.state.config, this.counts);
    const idx = new Int32Array(this.counts.size);
    const raw = new Float64Array(this.counts.size);
    let n = 0;
    let wordNorm = 0;
    let charNorm = 0;
    for (const [key, count] of this.counts) {
      const i = this.index.get(key);
      if (i === undefined) continue;
      const v = (1 + Math.log(count)) * this.state.idf[i]!;
      if (isCharKey(key)) {
        charNorm += v * v;
        idx[n] = -1 - i; // sign marks the block until scaling
      } else {
        wordNorm += v * v;
        idx[n] = i;
      }
      raw[n++] = v;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.state.config.charWeight / Math.sqrt(charNorm) : 0;
    const order = Array.from({ length: n }, (_, k) => k);
    const feature = (k: number) => (idx[k]! < 0 ? -1 - idx[k]! : idx[k]!);
    order.sort((a, b) => feature(a) - feature(b));
    const out: SparseVector = { idx: new Int32Array(n), val: new Float32Array(n) };
    order.forEach((k, j) => {
      (out.idx as Int32Array)[j] = feature(k);
      (out.val as Float32Array)[j] = raw[k]! * (idx[k]! < 0 ? charScale : wordScale);
    });
    return out;
  }
}
