import {
  DEFAULT_FEATURE_CONFIG,
  type FeatureConfig,
  type FeatureState,
  FeatureTransformer,
  fitAndVectorise,
} from '../nlu/classifier/feature-extractor.js';
import { normaliseForIntent } from '../nlu/classifier/normalise-text.js';
import type { DocSection } from './doc-section.js';
import { CHAT_FILLER_WORDS, STOP_WORDS } from './stop-words.js';

/**
 * The text a phrasing or question is compared as: normalised as the intent
 * classifier reads messages, without the stop words and chat filler that the
 * word index leaves out too: "how do i get paid by" (a brand's name taken
 * out) is the same question as "how do i get paid".
 */
export function phrasingText(raw: string): string {
  return normaliseForIntent(raw)
    .split(' ')
    .filter((w) => !STOP_WORDS.has(w) && !CHAT_FILLER_WORDS.has(w))
    .join(' ');
}

/**
 * Word 1–2-grams and character 2–5-grams, as the intent classifier reads a
 * message, without its unknown-word feature (a share of unknown words says
 * nothing about which section a question resembles).
 */
const PHRASING_FEATURES: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, unknownWordWeight: 0 };

/**
 * The ways users ask for each section, as TF-IDF vectors in an inverted
 * index: plain data (typed arrays), built in the index worker and handed to
 * the main thread.
 */
export interface PhrasingIndexData {
  /** How many sections the index was built from. */
  readonly sectionCount: number;
  readonly features: FeatureState;
  /** Position, in the sections the index was built from, of each phrasing's section. */
  readonly sectionOf: Int32Array;
  /** Postings of feature f: entries featureStart[f] up to featureStart[f + 1]. */
  readonly featureStart: Int32Array;
  /** Phrasing number of each posting. */
  readonly phrasing: Int32Array;
  /** Weight of the feature in that phrasing's vector. */
  readonly weight: Float32Array;
}

/**
 * What a section is asked as: its asked phrasings, its heading, and for a
 * section below the intro the article title with the heading ("Payouts
 * Payout schedule"), which is how a user names it without the article open.
 */
export function sectionPhrasings(section: DocSection): string[] {
  const phrasings = [...section.asked, section.heading];
  if (section.anchor !== '') phrasings.push(`${section.articleTitle} ${section.heading}`);
  return phrasings.filter((p) => p.trim() !== '');
}

/** Fits the n-gram vocabulary on the sections' phrasings and indexes their vectors. */
export function buildPhrasingIndex(sections: readonly DocSection[]): PhrasingIndexData {
  const texts: string[] = [];
  const owners: number[] = [];
  sections.forEach((section, position) => {
    for (const phrasing of sectionPhrasings(section)) {
      texts.push(phrasingText(phrasing));
      owners.push(position);
    }
  });
  const { state, transformer, xs } = fitAndVectorise(texts, PHRASING_FEATURES);
  const featureStart = new Int32Array(transformer.size + 1);
  for (const x of xs) for (const f of x.idx) featureStart[f + 1]! += 1;
  for (let f = 0; f < transformer.size; f++) featureStart[f + 1]! += featureStart[f]!;
  const total = featureStart[transformer.size]!;
  const phrasing = new Int32Array(total);
  const weight = new Float32Array(total);
  const filled = featureStart.slice(0, transformer.size);
  xs.forEach((x, p) => {
    for (let k = 0; k < x.idx.length; k++) {
      const at = filled[x.idx[k]!]!++;
      phrasing[at] = p;
      weight[at] = x.val[k]!;
    }
  });
  return {
    sectionCount: sections.length,
    features: state,
    sectionOf: Int32Array.from(owners),
    featureStart,
    phrasing,
    weight,
  };
}

/** The typed arrays of an index, for handing it to another thread without copying. */
export function phrasingIndexBuffers(data: PhrasingIndexData): ArrayBuffer[] {
  return [data.sectionOf, data.featureStart, data.phrasing, data.weight].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/**
 * How closely a question resembles the ways users ask for each section: the
 * cosine between the question and the section's nearest phrasing, over word and
 * character n-grams. Unlike the word index it sees "partnership" in
 * "partner" and "unsubscribed" in "subscription", and it weighs a phrasing as a
 * whole rather than word by word.
 */
export class PhrasingIndex {
  private readonly transformer: FeatureTransformer;
  private readonly sums: Float64Array;
  private readonly touched: Int32Array;
  /** A vector's word block and character block are each of length 1, the latter weighted: its dot product with itself. */
  private readonly selfSimilarity: number;

  constructor(private readonly data: PhrasingIndexData) {
    this.transformer = new FeatureTransformer(data.features);
    this.selfSimilarity = 1 + data.features.config.charWeight ** 2;
    this.sums = new Float64Array(data.sectionOf.length);
    this.touched = new Int32Array(data.sectionOf.length);
  }

  get sectionCount(): number {
    return this.data.sectionCount;
  }

  /**
   * Similarity 0..1 of the question to each section (by position in the
   * sections the index was built from); sections it shares no n-gram with
   * are left out.
   */
  similarities(question: string): Map<number, number> {
    const { featureStart, phrasing, weight, sectionOf } = this.data;
    const x = this.transformer.transform(phrasingText(question));
    let touchedCount = 0;
    for (let k = 0; k < x.idx.length; k++) {
      const f = x.idx[k]!;
      const value = x.val[k]!;
      for (let at = featureStart[f]!; at < featureStart[f + 1]!; at++) {
        const p = phrasing[at]!;
        if (this.sums[p] === 0) this.touched[touchedCount++] = p;
        this.sums[p]! += value * weight[at]!;
      }
    }
    const bySection = new Map<number, number>();
    for (let t = 0; t < touchedCount; t++) {
      const p = this.touched[t]!;
      const section = sectionOf[p]!;
      const similarity = Math.min(1, this.sums[p]! / this.selfSimilarity);
      this.sums[p] = 0;
      if (similarity > (bySection.get(section) ?? 0)) bySection.set(section, similarity);
    }
    return bySection;
  }
}
