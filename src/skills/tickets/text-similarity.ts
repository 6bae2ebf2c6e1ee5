import { contentWords } from './ticket-text-features.js';

type Vector = Map<string, number>;

/** A text prepared once for similarity: word 1–2-grams and character 3-grams, each L2-normalised. */
export interface TextProfile {
  readonly words: Vector;
  readonly chars: Vector;
}

/** Word n-grams catch the same wording; character n-grams catch typos and word forms ("fire" / "firing"). */
export function textProfile(text: string): TextProfile {
  const words = contentWords(text);
  const wordGrams: Vector = new Map();
  words.forEach((w, i) => {
    add(wordGrams, w, 1);
    const next = words[i + 1];
    if (next) add(wordGrams, `${w} ${next}`, 1);
  });
  const chars: Vector = new Map();
  for (const w of words) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) add(chars, padded.slice(i, i + 3), 1);
  }
  return { words: normalise(wordGrams), chars: normalise(chars) };
}

/**
 * Cosine similarity of two profiles in [0, 1]: the mean of the word and the
 * character cosines, so neither a shared typo nor a shared stop phrase alone
 * makes two tickets look the same.
 */
export function similarity(a: TextProfile, b: TextProfile): number {
  return (dot(a.words, b.words) + dot(a.chars, b.chars)) / 2;
}

function add(v: Vector, key: string, weight: number): void {
  v.set(key, (v.get(key) ?? 0) + weight);
}

function normalise(v: Vector): Vector {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm === 0) return v;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, x] of small) sum += x * (large.get(k) ?? 0);
  return sum;
}
