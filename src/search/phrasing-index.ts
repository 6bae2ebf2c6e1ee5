import {
  DEFAULT_FEATURE_CONFIG,
  type FeatureConfig,
  type FeatureState,
  FeatureTransformer,
  fitAndVectorise,
} from '../nlu/classifier/feature-extractor.js';
import { normaliseForIntent } from '../nlu/classifier/normalise-text.js';
import type { SparseVector } from '../nlu/classifier/sparse-vector.js';
import type { DocSection } from './doc-section.js';
import { CHAT_FILLER_WORDS, STOP_WORDS } from './stop-words.js';

/**
 * The text a phrasing or question is compared as: normalised as the intent
 * classifier reads messages, without the question mark it keeps and without
 * the stop words and chat filler that the word index leaves out too: "how do
 * i get paid by" (a brand's name taken out) is the same question as "how do i
 * get paid", and "…spreadsheet?" as "…spreadsheet".
 */
export function phrasingText(raw: string): string {
  return normaliseForIntent(raw)
    .replace(/\?/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w) && !CHAT_FILLER_WORDS.has(w))
    .join(' ');
}

/**
 * Word 1–2-grams and character 2–5-grams, as the intent classifier reads a
 * message, without its unknown-word feature (a share of unknown words says
 * nothing about which section a question resembles).
 */
const PHRASING_FEATURES: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, unknownWordWeight: 0 };

/**
 * The ways users ask for each section, as TF-IDF vectors: plain data (typed
 * arrays), built in the index worker and handed to the main thread. The
 * phrasings of section s are numbers sectionStart[s] up to sectionStart[s + 1];
 * the vector of phrasing p is entries phrasingStart[p] up to phrasingStart[p + 1]
 * of `feature` / `weight`, features ascending.
 */
export interface PhrasingIndexData {
  /** How many sections the index was built from. */
  readonly sectionCount: number;
  readonly features: FeatureState;
  readonly sectionStart: Int32Array;
  readonly phrasingStart: Int32Array;
  readonly feature: Int32Array;
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

/** Fits the n-gram vocabulary on the sections' phrasings and keeps their vectors. */
export function buildPhrasingIndex(sections: readonly DocSection[]): PhrasingIndexData {
  const texts: string[] = [];
  const sectionStart = new Int32Array(sections.length + 1);
  sections.forEach((section, position) => {
    for (const phrasing of sectionPhrasings(section)) texts.push(phrasingText(phrasing));
    sectionStart[position + 1] = texts.length;
  });
  const { state, xs } = fitAndVectorise(texts, PHRASING_FEATURES);
  const phrasingStart = new Int32Array(xs.length + 1);
  xs.forEach((x, p) => {
    phrasingStart[p + 1] = phrasingStart[p]! + x.idx.length;
  });
  const feature = new Int32Array(phrasingStart[xs.length]!);
  const weight = new Float32Array(feature.length);
  xs.forEach((x, p) => {
    feature.set(x.idx, phrasingStart[p]!);
    weight.set(x.val, phrasingStart[p]!);
  });
  return { sectionCount: sections.length, features: state, sectionStart, phrasingStart, feature, weight };
}

/** The typed arrays of an index, for handing it to another thread without copying. */
export function phrasingIndexBuffers(data: PhrasingIndexData): ArrayBuffer[] {
  return [data.sectionStart, data.phrasingStart, data.feature, data.weight].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/**
 * How closely a question resembles the ways users ask for a section: the
 * cosine between the question and the section's nearest phrasing, over word and
 * character n-grams. Unlike the word index it sees "partnership" in
 * "partner" and "unsubscribed" in "subscription", and it weighs a phrasing as a
 * whole rather than word by word. Only the sections asked about are compared,
 * so a question costs the same however large the help center is.
 */
export class PhrasingIndex {
  private readonly transformer: FeatureTransformer;
  /** A vector's word block and character block are each of length 1, the latter weighted: its dot product with itself. */
  private readonly selfSimilarity: number;

  constructor(private readonly data: PhrasingIndexData) {
    this.transformer = new FeatureTransformer(data.features);
    this.selfSimilarity = 1 + data.features.config.charWeight ** 2;
  }

  get sectionCount(): number {
    return this.data.sectionCount;
  }

  /** The question as the phrasings are compared with it (an empty vector for text of stop words only). */
  vectorOf(question: string): SparseVector {
    return this.transformer.transform(phrasingText(question));
  }

  /** Similarity 0..1 of a question's vector to a section (by position in the sections the index was built from). */
  similarity(question: SparseVector, position: number): number {
    const { sectionStart, phrasingStart, feature, weight } = this.data;
    if (question.idx.length === 0 || position < 0 || position >= this.data.sectionCount) return 0;
    const { idx, val } = question;
    let best = 0;
    for (let p = sectionStart[position]!; p < sectionStart[position + 1]!; p++) {
      // Dot product of two sparse vectors whose features ascend.
      let i = 0;
      let j = phrasingStart[p]!;
      const end = phrasingStart[p + 1]!;
      let dot = 0;
      while (i < idx.length && j < end) {
        const a = idx[i]!;
        const b = feature[j]!;
        if (a === b) dot += val[i++]! * weight[j++]!;
        else if (a < b) i++;
        else j++;
      }
      if (dot > best) best = dot;
    }
    return Math.min(1, best / this.selfSimilarity);
  }
}
