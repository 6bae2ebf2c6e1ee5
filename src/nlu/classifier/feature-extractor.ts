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
  /**
   * Weight of one extra feature: the share of the message's content words never seen in training. It lets
   * the model learn that "how do I bake sourdough bread" is out of scope although "how do I" is in scope.
   * 0 disables it.
   */
  readonly unknownWordWeight: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  wordNgramMax: 2,
  charNgramMin: 2,
  charNgramMax: 5,
  charWeight: 1,
  minDfChar: 2,
  unknownWordWeight: 1,
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
  /** Document frequency of each word unigram key (for the unknown-word feature). */
  readonly wordDf: Record<string, number>;
  /** Content words seen in training, so that a typo of one ("tlak") does not count as unknown. */
  readonly knownWords: string[];
}

/** Function words: neither known nor unknown content. */
const STOPWORDS = new Set(
  'a an the i me my we our us you your it its is are was were be been am do does did to of in on at for with from by and or but if so not no can could would should will shall may might must have has had how what which who whom when where why this that these those there here please pls any some all just about as up out than then also too very get got'.split(
    ' ',
  ),
);

/** The message's content words (not stop words, placeholders or punctuation). */
function contentWords(normalised: string): string[] {
  return words(normalised).filter(
    (w) => w !== '?' && !STOPWORDS.has(w) && !w.startsWith('xx') && !/^\d+$/.test(w),
  );
}

const wordKey = (w: string) => hashString(stem(w)) & ~1;

function deletions(word: string): string[] {
  return Array.from({ length: word.length }, (_, i) => word.slice(0, i) + word.slice(i + 1));
}

/** Words within one edit (insert, delete, substitute, swap) of a known word, by the symmetric-delete trick. */
class TypoTolerantVocabulary {
  private readonly known: Set<string>;
  private readonly deletes = new Set<string>();

  constructor(words: readonly string[]) {
    this.known = new Set(words);
    for (const w of words) if (w.length >= 4) for (const d of deletions(w)) this.deletes.add(d);
  }

  hasNear(word: string): boolean {
    if (this.known.has(word)) return true;
    if (word.length < 4) return false;
    if (this.deletes.has(word)) return true;
    return deletions(word).some((d) => (d.length >= 4 && this.known.has(d)) || this.deletes.has(d));
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const isCharKey = (key: number) => (key & 1) === 1;

/** Calls `visit` with the hashed key of every feature occurrence in one normalised text. */
export function visitFeatureKeys(
  normalised: string,
  config: FeatureConfig,
  visit: (key: number) => void,
): void {
  const tokens = words(normalised);
  const stems = tokens.map(stem);
  for (const s of stems) visit(hashString(s) & ~1);
  const padded = ['^', ...stems, '$'];
  for (let n = 2; n <= config.wordNgramMax; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      let h = FNV_OFFSET;
      for (let k = 0; k < n; k++) h = hashString(padded[i + k]!, Math.imul(h ^ 32, FNV_PRIME));
      visit(h & ~1);
    }
  }
  for (const token of tokens) {
    if (token === '?') continue;
    const len = token.length + 2;
    // " token " with boundary spaces, hashed incrementally from each start position.
    for (let start = 0; start + config.charNgramMin <= len; start++) {
      let h = FNV_OFFSET ^ 0x9e3779b9;
      for (let end = start; end < len && end - start < config.charNgramMax; end++) {
        h = Math.imul(h ^ (end === 0 || end === len - 1 ? 32 : token.charCodeAt(end - 1)), FNV_PRIME);
        if (end - start + 1 >= config.charNgramMin) visit(h | 1);
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
  const seen = new Set<number>();
  const visit = (key: number) => seen.add(key);
  for (const text of texts) {
    seen.clear();
    visitFeatureKeys(text, config, visit);
    for (const key of seen) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const keys: number[] = [];
  const idf: number[] = [];
  const n = texts.length;
  for (const [key, count] of df) {
    if (isCharKey(key) && count < config.minDfChar) continue;
    keys.push(key);
    idf.push(Math.log((1 + n) / (1 + count)) + 1);
  }
  const wordDf: Record<string, number> = {};
  const knownWords = new Set<string>();
  if (config.unknownWordWeight > 0) {
    for (const text of texts) {
      for (const w of contentWords(text)) {
        knownWords.add(w);
        wordDf[wordKey(w)] = df.get(wordKey(w)) ?? 0;
      }
    }
  }
  return { config, keys, idf, wordDf, knownWords: [...knownWords] };
}

/** Open-addressing map from 32-bit feature key to feature index, in typed arrays (no per-lookup allocation). */
class KeyIndex {
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly shift: number;

  constructor(keys: readonly number[]) {
    const bits = Math.max(4, Math.ceil(Math.log2(keys.length * 2 + 1)));
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits);
    this.slots = new Int32Array(1 << bits).fill(-1);
    keys.forEach((key, index) => {
      let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.slots[at] !== -1) at = (at + 1) & (this.slots.length - 1);
      this.keys[at] = key;
      this.slots[at] = index;
    });
  }

  /** Feature index of `key`, or -1 when the key is not in the vocabulary. */
  get(key: number): number {
    const mask = this.slots.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const index = this.slots[at]!;
      if (index === -1 || this.keys[at] === (key | 0)) return index;
    }
  }
}

/**
 * Turns normalised text into a TF-IDF vector: sublinear TF, L2-normalised per block, blocks weighted.
 * Counting goes through reusable typed buffers, so scoring a message makes little garbage.
 */
export class FeatureTransformer {
  private readonly index: KeyIndex;
  private readonly idf: Float64Array;
  private readonly charFeature: Uint8Array;
  private readonly counts: Float64Array;
  private touched = new Int32Array(256);
  private touchedCount = 0;
  private readonly visit: (key: number) => void;
  private readonly vocabulary: TypoTolerantVocabulary;

  constructor(readonly state: FeatureState) {
    this.index = new KeyIndex(state.keys);
    this.idf = Float64Array.from(state.idf);
    this.charFeature = Uint8Array.from(state.keys, (key) => (isCharKey(key) ? 1 : 0));
    this.counts = new Float64Array(state.keys.length);
    this.visit = (key: number) => {
      const i = this.index.get(key);
      if (i < 0) return;
      if (this.counts[i] === 0) {
        if (this.touchedCount === this.touched.length) {
          const grown = new Int32Array(this.touched.length * 2);
          grown.set(this.touched);
          this.touched = grown;
        }
        this.touched[this.touchedCount++] = i;
      }
      this.counts[i]! += 1;
    };
    this.vocabulary = new TypoTolerantVocabulary(state.knownWords ?? []);
  }

  /** Feature count; the unknown-word feature, when on, is the last index. */
  get size(): number {
    return this.state.keys.length + (this.state.config.unknownWordWeight > 0 ? 1 : 0);
  }

  /** Share of content words unknown; for a training text, "known" means seen in another training text. */
  unknownShare(normalised: string, isTrainingText: boolean): number {
    const content = contentWords(normalised);
    if (content.length === 0) return 0;
    let unknown = 0;
    for (const w of content) {
      const known = isTrainingText
        ? (this.state.wordDf[wordKey(w)] ?? 0) >= 2
        : Boolean(this.state.wordDf[wordKey(w)]) || this.vocabulary.hasNear(w);
      if (!known) unknown++;
    }
    return unknown / content.length;
  }

  transform(normalised: string, isTrainingText = false): SparseVector {
    this.touchedCount = 0;
    visitFeatureKeys(normalised, this.state.config, this.visit);
    const n = this.touchedCount;
    const features = this.touched.subarray(0, n).sort();
    let wordNorm = 0;
    let charNorm = 0;
    for (let k = 0; k < n; k++) {
      const i = features[k]!;
      const v = (1 + Math.log(this.counts[i]!)) * this.idf[i]!;
      this.counts[i] = v;
      if (this.charFeature[i]) charNorm += v * v;
      else wordNorm += v * v;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.state.config.charWeight / Math.sqrt(charNorm) : 0;
    const weight = this.state.config.unknownWordWeight;
    const unknown = weight > 0 ? this.unknownShare(normalised, isTrainingText) : 0;
    const extra = unknown > 0 ? 1 : 0;
    const idx = new Int32Array(n + extra);
    const val = new Float32Array(n + extra);
    for (let k = 0; k < n; k++) {
      const i = features[k]!;
      idx[k] = i;
      val[k] = this.counts[i]! * (this.charFeature[i] ? charScale : wordScale);
      this.counts[i] = 0;
    }
    if (extra) {
      idx[n] = this.state.keys.length;
      val[n] = unknown * weight;
    }
    return { idx, val };
  }
}
