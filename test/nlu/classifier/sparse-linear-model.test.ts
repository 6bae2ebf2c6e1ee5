import { describe, expect, it } from 'vitest';
import { type LinearModel, linearScores } from '../../../src/nlu/classifier/softmax-regression.js';
import {
  sparseLinearFromState,
  sparseLinearModel,
  sparseLinearScores,
  sparseLinearToState,
} from '../../../src/nlu/classifier/sparse-linear-model.js';
import type { SparseVector } from '../../../src/nlu/classifier/sparse-vector.js';

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
    expect(sparse.values.length).toBe(80);
    const x = vector([0, 3, 17, 39], [0.5, 0.25, 1, 0.125]);
    const expected = linearScores(dense, x);
    const got = sparseLinearScores(sparse, x);
    for (let c = 0; c < 5; c++) expect(got[c]).toBeCloseTo(expected[c]!, 2);
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
      expect(restored.classOf.BYTES_PER_ELEMENT).toBe(classes <= 256 ? 1 : 2);
    }
  });

  it('refuses a state of another shape', () => {
    const state = sparseLinearToState(sparseLinearModel(denseModel(5, 40)));
    expect(() => sparseLinearFromState(state, { classes: 5, features: 41 })).toThrow(/mismatch/);
    expect(() => sparseLinearFromState(state, { classes: 4, features: 40 })).toThrow(/mismatch/);
  });
});
