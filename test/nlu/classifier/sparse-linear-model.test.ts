import { describe, expect, it } from 'vitest';
import { quantiseRows } from '../../../src/nlu/classifier/row-quantisation.js';
import { type LinearModel, linearScores } from '../../../src/nlu/classifier/softmax-regression.js';
import {
  sparseLinearFromState,
  sparseLinearModel,
  sparseLinearScores,
  sparseLinearToState,
} from '../../../src/nlu/classifier/sparse-linear-model.js';
import type { SparseVector } from '../../../src/nlu/classifier/sparse-vector.js';
import { typedArrayFromBase64 } from '../../../src/nlu/classifier/typed-array-base64.js';

/** A dense model where feature f has weights only for classes f % classes and (f + 1) % classes. */
function denseModel(classes: number, features: number): LinearModel {
  const weights = new Float32Array(classes * features);
  for (let f = 0; f < features; f++) {
    weights[f * classes + (f % classes)] = 1 + f / features;
    weights[f * classes + ((f + 1) % classes)] = -0.5;
  }
  return { classes, features, weights, bias: Float32Array.from({ length: classes }, (_, c) => c / 10) };
}

const vector = (idx: number[], val: number[]): SparseVector => ({
  idx: Int32Array.from(idx),
  val: Float32Array.from(val),
});

describe('sparse linear model', () => {
  it('keeps only non-zero weights and scores like the dense model', () => {
    const dense = denseModel(5, 40);
    const sparse = sparseLinearModel(dense);
    expect(sparse.layout.listLimit).toBe(2);
    expect(Buffer.from(sparseLinearToState(sparse).values, 'base64').length).toBe(80);
    const x = vector([0, 3, 17, 39], [0.5, 0.25, 1, 0.125]);
    const expected = linearScores(dense, x);
    const got = sparseLinearScores(sparse, x);
    for (let c = 0; c < 5; c++) expect(got[c]).toBeCloseTo(expected[c]!, 2);
  });

  it('scores rows stored as class lists, as bitmaps and as full rows exactly as plain entry lists do', () => {
    for (const classes of [1, 2, 3, 20, 300]) {
      // Feature f has weights for its first f % (classes + 1) classes, in a scattered order of classes.
      const features = 2 * (classes + 1);
      const weights = new Float32Array(classes * features);
      for (let f = 0; f < features; f++) {
        for (let i = 0; i < f % (classes + 1); i++)
          weights[f * classes + ((i * 7) % classes)] = ((i % 5) - 2.5) / (f + 1);
      }
      const sparse = sparseLinearModel({ classes, features, weights, bias: new Float32Array(classes) });
      const quantised = quantiseRows(weights, classes);
      const x = vector(
        Array.from({ length: features }, (_, f) => f),
        Array.from({ length: features }, (_, f) => 1 / (f + 2)),
      );
      const expected = new Float64Array(classes);
      const entries: number[] = [];
      for (let f = 0; f < features; f++) {
        const v = x.val[f]! * quantised.scales[f]!;
        for (let c = 0; c < classes; c++) {
          const q = quantised.values[f * classes + c]!;
          if (q === 0) continue;
          expected[c]! += v * q;
          entries.push(q);
        }
      }
      // The state lists the same entries (classes ascending per feature).
      expect([...typedArrayFromBase64(sparseLinearToState(sparse).values, Int8Array)]).toEqual(entries);
      expect([...sparseLinearScores(sparse, x)]).toEqual([...expected]);
    }
  });

  it('survives a JSON round trip, with two-byte class indices beyond 256 classes', () => {
    for (const classes of [5, 300]) {
      const sparse = sparseLinearModel(denseModel(classes, 600));
      const restored = sparseLinearFromState(JSON.parse(JSON.stringify(sparseLinearToState(sparse))), {
        classes,
        features: 600,
      });
      const x = vector([1, 299, 599], [1, 0.5, 0.25]);
      expect([...sparseLinearScores(restored, x)]).toEqual([...sparseLinearScores(sparse, x)]);
      expect(restored.layout.classBytes).toBe(classes <= 256 ? 1 : 2);
    }
  });

  it('refuses a state of another shape', () => {
    const state = sparseLinearToState(sparseLinearModel(denseModel(5, 40)));
    expect(() => sparseLinearFromState(state, { classes: 5, features: 41 })).toThrow(/mismatch/);
    expect(() => sparseLinearFromState(state, { classes: 4, features: 40 })).toThrow(/mismatch/);
  });
});
