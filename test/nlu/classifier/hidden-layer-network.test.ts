import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HIDDEN_LAYER_OPTIONS,
  hiddenLayerScores,
  trainHiddenLayerNetwork,
} from '../../../src/nlu/classifier/hidden-layer-network.js';
import { trainSoftmax } from '../../../src/nlu/classifier/softmax-regression.js';
import type { SparseVector } from '../../../src/nlu/classifier/sparse-vector.js';

const vector = (features: number[]): SparseVector => ({
  idx: Int32Array.from(features),
  val: Float32Array.from(features, () => 1),
});

// Exclusive or over features 0 and 1 (feature 2 is always on): no linear model can separate it.
const xs = [vector([2]), vector([0, 2]), vector([1, 2]), vector([0, 1, 2])];
const ys = Int32Array.from([0, 1, 1, 0]);
const repeated = Array.from({ length: 50 }, () => xs).flat();
const repeatedYs = Int32Array.from(Array.from({ length: 50 }, () => [...ys]).flat());
const argmax = (a: Float64Array) => (a[0]! >= a[1]! ? 0 : 1);

describe('hidden-layer network', () => {
  const options = { ...DEFAULT_HIDDEN_LAYER_OPTIONS, hidden: 8, epochs: 60, initScale: 1 };

  it('learns exclusive or, which the linear model cannot', () => {
    const network = trainHiddenLayerNetwork(repeated, repeatedYs, 2, 3, options);
    expect(xs.map((x) => argmax(hiddenLayerScores(network, x)))).toEqual([...ys]);
    const linear = trainSoftmax(repeated, repeatedYs, 2, 3, {
      epochs: 30,
      learningRate: 0.3,
      l2: 0,
      seed: 1,
    });
    const linearCorrect = xs.filter((x, i) => {
      const s = [0, 1].map(
        (c) => linear.bias[c]! + [...x.idx].reduce((t, f) => t + linear.weights[f * 2 + c]!, 0),
      );
      return (s[0]! >= s[1]! ? 0 : 1) === ys[i];
    }).length;
    expect(linearCorrect).toBeLessThan(4);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = trainHiddenLayerNetwork(repeated, repeatedYs, 2, 3, options);
    const b = trainHiddenLayerNetwork(repeated, repeatedYs, 2, 3, options);
    const c = trainHiddenLayerNetwork(repeated, repeatedYs, 2, 3, { ...options, seed: options.seed + 1 });
    expect([...a.input]).toEqual([...b.input]);
    expect([...a.input]).not.toEqual([...c.input]);
  });
});
