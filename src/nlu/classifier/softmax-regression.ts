import { seededRandom, shuffleInPlace } from './seeded-random.js';
import type { SparseVector } from './sparse-vector.js';

/** A linear multi-class model; weights are feature-major (`weights[f * classes + c]`) for cache-friendly scoring. */
export interface LinearModel {
  readonly classes: number;
  readonly features: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

export interface SoftmaxTrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
  /** Weight per class, e.g. to keep a large "none" class from swallowing small ones. */
  readonly classWeights?: Float32Array;
  /** 'log' = softmax cross-entropy; 'hinge' = multi-class (Crammer–Singer) hinge, cheaper updates. */
  readonly loss?: 'log' | 'hinge';
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainingOptions = {
  epochs: 12,
  learningRate: 0.5,
  l2: 1e-5,
  seed: 7,
};

/** Raw class scores (logits) of one vector. */
export function linearScores(
  model: LinearModel,
  x: SparseVector,
  out: Float64Array = new Float64Array(model.classes),
): Float64Array {
  const C = model.classes;
  for (let c = 0; c < C; c++) out[c] = model.bias[c]!;
  for (let k = 0; k < x.idx.length; k++) {
    const base = x.idx[k]! * C;
    const v = x.val[k]!;
    for (let c = 0; c < C; c++) out[c]! += v * model.weights[base + c]!;
  }
  return out;
}

/** In-place softmax of logits divided by a temperature. */
export function softmaxInPlace<T extends Float64Array>(logits: T, temperature = 1): T {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of logits) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    const e = Math.exp((logits[c]! - max) / temperature);
    logits[c] = e;
    sum += e;
  }
  for (let c = 0; c < logits.length; c++) logits[c]! /= sum;
  return logits;
}

/**
 * Multinomial logistic regression by averaged SGD with L2 kept lazy through a global scale, so one
 * update touches only the example's non-zero features.
 */
export function trainSoftmax(
  xs: readonly SparseVector[],
  ys: ArrayLike<number>,
  classes: number,
  features: number,
  options: SoftmaxTrainingOptions = DEFAULT_SOFTMAX_OPTIONS,
): LinearModel {
  const C = classes;
  const w = new Float64Array(features * C);
  const bias = new Float64Array(C);
  let scale = 1;
  const order = Array.from({ length: xs.length }, (_, i) => i);
  const random = seededRandom(options.seed);
  const p = new Float64Array(C);
  const total = options.epochs * xs.length;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const x = xs[i]!;
      const y = ys[i]!;
      const lr = options.learningRate * (1 - step / total) + 1e-4;
      step++;
      for (let c = 0; c < C; c++) p[c] = bias[c]!;
      for (let k = 0; k < x.idx.length; k++) {
        const base = x.idx[k]! * C;
        const v = x.val[k]! * scale;
        for (let c = 0; c < C; c++) p[c]! += v * w[base + c]!;
      }
      const cw = options.classWeights?.[y] ?? 1;
      if (options.loss === 'hinge') {
        let r = y === 0 ? 1 : 0;
        for (let c = 0; c < C; c++) if (c !== y && p[c]! > p[r]!) r = c;
        scale *= 1 - lr * options.l2;
        if (p[y]! - p[r]! < 1) {
          const g = (lr * cw) / scale;
          for (let k = 0; k < x.idx.length; k++) {
            const base = x.idx[k]! * C;
            const v = x.val[k]! * g;
            w[base + y]! += v;
            w[base + r]! -= v;
          }
          bias[y]! += lr * cw * 0.1;
          bias[r]! -= lr * cw * 0.1;
        }
      } else {
        softmaxInPlace(p);
        p[y]! -= 1;
        scale *= 1 - lr * options.l2;
        const g = (lr * cw) / scale;
        for (let k = 0; k < x.idx.length; k++) {
          const base = x.idx[k]! * C;
          const v = x.val[k]! * g;
          for (let c = 0; c < C; c++) w[base + c]! -= v * p[c]!;
        }
        for (let c = 0; c < C; c++) bias[c]! -= lr * cw * p[c]! * 0.1;
      }
      if (scale < 1e-6) {
        for (let j = 0; j < w.length; j++) w[j]! *= scale;
        scale = 1;
      }
    }
  }
  for (let j = 0; j < w.length; j++) w[j]! *= scale;
  return { classes: C, features, weights: Float32Array.from(w), bias: Float32Array.from(bias) };
}
