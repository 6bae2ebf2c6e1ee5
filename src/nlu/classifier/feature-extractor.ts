import { Int32Map, KeyPositions } from './int32-map.js';
import { sortNonNegativeInPlace } from './radix-sort.js';
import type { SparseVector, SparseVectorArena } from './sparse-vector.js';
import { stem, words } from './tokenize.js';
import {
  TypoTolerantVocabulary,
  type VocabularyHashes,
  vocabularyHashes,
} from './typo-tolerant-vocabulary.js';

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
  /**
   * Document frequency, capped at 2, of each content word's unigram key (for the unknown-word feature:
   * all it asks is whether a word was seen, and whether in more than one text).
   */
  readonly wordDf: Record<string, number>;
  /** Content words seen in training, so that a typo of one ("tlak") does not count as unknown. */
  readonly knownWords: VocabularyHashes;
}

/** Function words: neither known nor unknown content. */
const STOPWORDS = new Set(
  'a an the i me my we our us you your it its is are was were be been am do does did to of in on at for with from by and or but if so not no can could would should will shall may might must have has had how what which who whom when where why this that these those there here please pls any some all just about as up out than then also too very get got'.split(
    ' ',
  ),
);

/** The content words among a message's tokens (not stop words, placeholders or punctuation). */
function contentWords(tokens: readonly string[]): string[] {
  return tokens.filter((w) => w !== '?' && !STOPWORDS.has(w) && !w.startsWith('xx') && !/^\d+$/.test(w));
}

const wordKey = (w: string) => hashString(stem(w)) & ~1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const isCharKey = (key: number) => (key & 1) === 1;

/** Calls `visit` with the hashed key of every feature occurrence in one message's tokens (see words()). */
function visitTokenFeatureKeys(
  tokens: readonly string[],
  config: FeatureConfig,
  visit: (key: number) => void,
): void {
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

/** Calls `visit` with the hashed key of every feature occurrence in one normalised text. */
export function visitFeatureKeys(
  normalised: string,
  config: FeatureConfig,
  visit: (key: number) => void,
): void {
  visitTokenFeatureKeys(words(normalised), config, visit);
}

/**
 * Every feature occurrence of the training texts, by key numbered in order of first occurrence: text t's
 * occurrences are ids[textStart[t]] to ids[textStart[t + 1] - 1], in the order visitTokenFeatureKeys
 * gives them; df[id] counts the texts that have key order[id].
 */
interface KeyOccurrences {
  readonly ids: Int32Map;
  readonly order: number[];
  readonly df: number[];
  readonly occurrences: Int32Array;
  readonly textStart: Int32Array;
}

function keyOccurrences(tokenised: readonly (readonly string[])[], config: FeatureConfig): KeyOccurrences {
  // df counted once per text through a "last text" stamp.
  const ids = new Int32Map(1 << 16);
  const order: number[] = [];
  const df: number[] = [];
  const lastText: number[] = [];
  let occurrences = new Int32Array(1 << 16);
  let count = 0;
  const textStart = new Int32Array(tokenised.length + 1);
  let text = 0;
  const visit = (key: number) => {
    let id = ids.get(key);
    if (id === -1) {
      id = order.length;
      ids.set(key, id);
      order.push(key);
      df.push(0);
      lastText.push(-1);
    }
    if (lastText[id] !== text) {
      lastText[id] = text;
      df[id]!++;
    }
    if (count === occurrences.length) {
      const grown = new Int32Array(count * 2);
      grown.set(occurrences);
      occurrences = grown;
    }
    occurrences[count++] = id;
  };
  for (; text < tokenised.length; text++) {
    visitTokenFeatureKeys(tokenised[text]!, config, visit);
    textStart[text + 1] = count;
  }
  return { ids, order, df, occurrences: occurrences.subarray(0, count), textStart };
}

/** The fitted state, and each key id's feature index in it (-1 for a character n-gram too rare to keep). */
function stateOfOccurrences(
  tokenised: readonly (readonly string[])[],
  counted: KeyOccurrences,
  config: FeatureConfig,
): { state: FeatureState; featureOf: Int32Array } {
  const { ids, order, df } = counted;
  const keys: number[] = [];
  const idf: number[] = [];
  const featureOf = new Int32Array(order.length).fill(-1);
  const n = tokenised.length;
  for (let id = 0; id < order.length; id++) {
    const key = order[id]!;
    const count = df[id]!;
    if (isCharKey(key) && count < config.minDfChar) continue;
    featureOf[id] = keys.length;
    keys.push(key);
    idf.push(Math.log((1 + n) / (1 + count)) + 1);
  }
  const wordDf: Record<string, number> = {};
  const knownWords = new Set<string>();
  if (config.unknownWordWeight > 0) {
    for (const tokens of tokenised) {
      for (const w of contentWords(tokens)) {
        knownWords.add(w);
        const id = ids.get(wordKey(w));
        wordDf[wordKey(w)] = id === -1 ? 0 : Math.min(2, df[id]!);
      }
    }
  }
  return { state: { config, keys, idf, wordDf, knownWords: vocabularyHashes(knownWords) }, featureOf };
}

/** Fits vocabulary and smoothed IDF on already-normalised training texts. */
export function fitFeatures(
  texts: readonly string[],
  config: FeatureConfig = DEFAULT_FEATURE_CONFIG,
): FeatureState {
  const tokenised = texts.map(words);
  return stateOfOccurrences(tokenised, keyOccurrences(tokenised, config), config).state;
}

/**
 * Fits the features on already-normalised training texts and vectorises them as training texts, as
 * fitFeatures and FeatureTransformer.transform(text, true) would, but hashing each text's n-grams once:
 * the feature occurrences found while fitting are kept and vectorised directly.
 */
export function fitAndVectorise(
  texts: readonly string[],
  config: FeatureConfig = DEFAULT_FEATURE_CONFIG,
  arena?: SparseVectorArena,
): { state: FeatureState; transformer: FeatureTransformer; xs: SparseVector[] } {
  const tokenised = texts.map(words);
  const counted = keyOccurrences(tokenised, config);
  const { state, featureOf } = stateOfOccurrences(tokenised, counted, config);
  const transformer = new FeatureTransformer(state);
  // Occurrences turned into feature indices in place, the rare character n-grams dropped.
  const { occurrences, textStart } = counted;
  const xs: SparseVector[] = new Array(tokenised.length);
  let kept = 0;
  for (let t = 0; t < tokenised.length; t++) {
    const first = kept;
    for (let k = textStart[t]!; k < textStart[t + 1]!; k++) {
      const f = featureOf[occurrences[k]!]!;
      if (f >= 0) occurrences[kept++] = f;
    }
    xs[t] = transformer.transformFeatures(tokenised[t]!, occurrences.subarray(first, kept), true, arena);
  }
  return { state, transformer, xs };
}

/** Bits of FeatureTransformer's per-feature info below the IDF value's number. */
const INFO_BITS = 3;
const CHAR_FEATURE = 1;
/** The unigram of a content word seen in training... */
const CONTENT_WORD_SEEN = 2;
/** ...in more than one training text. */
const CONTENT_WORD_REPEATED = 4;

/** What a FeatureTransformer keeps (see there). */
interface TransformerParts {
  readonly config: FeatureConfig;
  readonly index: KeyPositions;
  readonly idfValues: Float64Array;
  readonly info: Uint16Array | Int32Array;
  readonly vocabulary: TypoTolerantVocabulary;
}

function transformerParts(state: FeatureState): TransformerParts {
  const index = new KeyPositions(state.keys);
  return {
    config: state.config,
    index,
    ...featureInfo(state, index),
    vocabulary: new TypoTolerantVocabulary(state.knownWords),
  };
}

/** The distinct IDF values and each feature's info (see FeatureTransformer). */
function featureInfo(
  state: FeatureState,
  index: KeyPositions,
): { idfValues: Float64Array; info: Uint16Array | Int32Array } {
  const values = [...new Set(state.idf)];
  const valueIndex = new Map(values.map((v, i) => [v, i]));
  const infoOf = (v: number, i: number) =>
    (valueIndex.get(v)! << INFO_BITS) | (isCharKey(state.keys[i]!) ? CHAR_FEATURE : 0);
  const info =
    values.length <= 0xffff >> INFO_BITS
      ? Uint16Array.from(state.idf, infoOf)
      : Int32Array.from(state.idf, infoOf);
  for (const [key, df] of Object.entries(state.wordDf)) {
    if (df <= 0) continue;
    const i = index.get(Number(key));
    if (i < 0) throw new Error('classifier state: word frequency of an unknown feature');
    info[i]! |= CONTENT_WORD_SEEN | (df >= 2 ? CONTENT_WORD_REPEATED : 0);
  }
  return { idfValues: Float64Array.from(values), info };
}

/**
 * Turns normalised text into a TF-IDF vector: sublinear TF, L2-normalised per block, blocks weighted.
 * A message's feature occurrences are gathered in a reusable typed buffer and counted by sorting it, so
 * scoring a message makes little garbage and the model keeps no per-feature scratch space.
 */
export class FeatureTransformer {
  /** Feature index of each key. */
  private readonly index: KeyPositions;
  /**
   * IDF of feature i: idfValues[info[i] >> INFO_BITS]. A feature's IDF depends only on its document
   * frequency, so there are few distinct values (hundreds), and two bytes per feature name them and
   * carry the feature's flags (CHAR_FEATURE, CONTENT_WORD_SEEN, CONTENT_WORD_REPEATED) besides.
   */
  private readonly idfValues: Float64Array;
  private readonly info: Uint16Array | Int32Array;
  private found = new Int32Array(256);
  private foundCount = 0;
  private tf = new Float64Array(256);
  private sortScratch = new Int32Array(256);
  private readonly visit: (key: number) => void;
  private readonly vocabulary: TypoTolerantVocabulary;
  private readonly config: FeatureConfig;

  constructor(source: FeatureState | TransformerParts) {
    const parts = 'index' in source ? source : transformerParts(source);
    this.config = parts.config;
    this.index = parts.index;
    this.idfValues = parts.idfValues;
    this.info = parts.info;
    this.vocabulary = parts.vocabulary;
    this.visit = this.visitor();
  }

  /**
   * The same features renumbered in the order the index lays out their keys, which spares the index a
   * position per feature (see KeyPositions); order[i] is the present number of new feature i.
   */
  inHashOrder(): { transformer: FeatureTransformer; order: number[] } {
    const { order, positions } = this.index.inHashOrder();
    if (positions === this.index) return { transformer: this, order };
    const transformer = new FeatureTransformer({
      config: this.config,
      index: positions,
      idfValues: this.idfValues,
      info:
        this.info instanceof Uint16Array
          ? Uint16Array.from(order, (f) => this.info[f]!)
          : Int32Array.from(order, (f) => this.info[f]!),
      vocabulary: this.vocabulary,
    });
    return { transformer, order };
  }

  /**
   * The callback that collects a message's feature indices. Made here, not in the constructor, so that
   * it holds on to nothing but the transformer (a closure keeps its whole scope: the fitted state too).
   */
  private visitor(): (key: number) => void {
    return (key: number) => {
      const i = this.index.get(key);
      if (i < 0) return;
      if (this.foundCount === this.found.length) {
        const grown = new Int32Array(this.found.length * 2);
        grown.set(this.found);
        this.found = grown;
        this.tf = new Float64Array(grown.length);
        this.sortScratch = new Int32Array(grown.length);
      }
      this.found[this.foundCount++] = i;
    };
  }

  /** The fitted state, rebuilt from the compact arrays the transformer keeps. */
  get state(): FeatureState {
    const keys = this.index.keyList();
    const wordDf: Record<string, number> = {};
    this.info.forEach((info, i) => {
      if (info & CONTENT_WORD_SEEN) wordDf[keys[i]!] = info & CONTENT_WORD_REPEATED ? 2 : 1;
    });
    return {
      config: this.config,
      keys,
      idf: Array.from(this.info, (v) => this.idfValues[v >> INFO_BITS]!),
      wordDf,
      knownWords: this.vocabulary.hashes,
    };
  }

  /** Feature count; the unknown-word feature, when on, is the last index. */
  get size(): number {
    return this.info.length + (this.config.unknownWordWeight > 0 ? 1 : 0);
  }

  /** Share of content words unknown; for a training text, "known" means seen in another training text. */
  unknownShare(normalised: string, isTrainingText: boolean): number {
    return this.unknownShareOfTokens(words(normalised), isTrainingText);
  }

  private unknownShareOfTokens(tokens: readonly string[], isTrainingText: boolean): number {
    const content = contentWords(tokens);
    if (content.length === 0) return 0;
    let unknown = 0;
    for (const w of content) {
      const i = this.index.get(wordKey(w));
      const info = i < 0 ? 0 : this.info[i]!;
      const known = isTrainingText
        ? (info & CONTENT_WORD_REPEATED) !== 0
        : (info & CONTENT_WORD_SEEN) !== 0 || this.vocabulary.hasNear(w);
      if (!known) unknown++;
    }
    return unknown / content.length;
  }

  /** `arena`, when given, provides the vector's arrays (see SparseVectorArena). */
  transform(normalised: string, isTrainingText = false, arena?: SparseVectorArena): SparseVector {
    const tokens = words(normalised);
    this.foundCount = 0;
    visitTokenFeatureKeys(tokens, this.config, this.visit);
    return this.vectorOfFound(tokens, isTrainingText, arena);
  }

  /**
   * The vector of a text whose tokens (see words()) and feature occurrences (feature indices, one per
   * occurrence, in any order) are already known: the same as transform() gives.
   */
  transformFeatures(
    tokens: readonly string[],
    features: Int32Array,
    isTrainingText = false,
    arena?: SparseVectorArena,
  ): SparseVector {
    if (features.length > this.found.length) {
      let size = this.found.length;
      while (size < features.length) size *= 2;
      this.found = new Int32Array(size);
      this.tf = new Float64Array(size);
      this.sortScratch = new Int32Array(size);
    }
    this.found.set(features);
    this.foundCount = features.length;
    return this.vectorOfFound(tokens, isTrainingText, arena);
  }

  /** The vector of the feature occurrences gathered in `found`. */
  private vectorOfFound(
    tokens: readonly string[],
    isTrainingText: boolean,
    arena: SparseVectorArena | undefined,
  ): SparseVector {
    const sorted = this.found;
    sortNonNegativeInPlace(sorted, this.foundCount, this.sortScratch);
    // Distinct features (ascending) to the front of `found`, their counts into `tf`.
    let n = 0;
    for (let k = 0; k < this.foundCount; k++) {
      if (n > 0 && sorted[k] === sorted[n - 1]) this.tf[n - 1]! += 1;
      else {
        sorted[n] = sorted[k]!;
        this.tf[n++] = 1;
      }
    }
    let wordNorm = 0;
    let charNorm = 0;
    for (let k = 0; k < n; k++) {
      const i = sorted[k]!;
      const v = (1 + Math.log(this.tf[k]!)) * this.idfValues[this.info[i]! >> INFO_BITS]!;
      this.tf[k] = v;
      if (this.info[i]! & CHAR_FEATURE) charNorm += v * v;
      else wordNorm += v * v;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.config.charWeight / Math.sqrt(charNorm) : 0;
    const weight = this.config.unknownWordWeight;
    const unknown = weight > 0 ? this.unknownShareOfTokens(tokens, isTrainingText) : 0;
    const extra = unknown > 0 ? 1 : 0;
    const { idx, val } = arena
      ? arena.allocate(n + extra)
      : { idx: new Int32Array(n + extra), val: new Float32Array(n + extra) };
    for (let k = 0; k < n; k++) {
      const i = sorted[k]!;
      idx[k] = i;
      val[k] = this.tf[k]! * (this.info[i]! & CHAR_FEATURE ? charScale : wordScale);
    }
    if (extra) {
      idx[n] = this.info.length;
      val[n] = unknown * weight;
    }
    return { idx, val };
  }
}
