import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HIDDEN_LAYER_OPTIONS,
  hiddenLayerScores,
  trainHiddenLayerNetwork,
} from '../../../src/nlu/classifier/hidden-layer-network.js';
import {
  quantisedHiddenLayer,
  quantisedNetworkScores,
  quantiseNetwork,
} from '../../../src/nlu/classifier/quantised-network.js';
import type { SparseVector } from '../../../src/nlu/classifier/sparse-vector.js';

const vector = (features: number[]): SparseVector => ({
  idx: Int32Array.from(features),
  val: Float32Array.from(features, (f) => 1 / (1 + f)),
});

describe('quantised network', () => {
  it('scores like the Float32 network it came from, in an eighth of the input memory', () => {
    const xs = Array.from({ length: 60 }, (_, i) => vector([i % 7, 7 + (i % 5), 12 + (i % 3)]));
    const ys = Int32Array.from(xs, (_, i) => i % 3);
    const network = trainHiddenLayerNetwork(xs, ys, 3, 15, { ...DEFAULT_HIDDEN_LAYER_OPTIONS, epochs: 10 });
    const quantised = quantiseNetwork(network);
    expect(quantised.input.byteLength).toBe(network.input.byteLength / 8);
    for (const x of xs.slice(0, 10)) {
      const expected = hiddenLayerScores(network, x);
      const got = quantisedNetworkScores(quantised, x);
      for (let c = 0; c < 3; c++) expect(Math.abs(got[c]! - expected[c]!)).toBeLessThan(0.1);
    }
  });

  it('gives the ReLU hidden layer that scoring leaves behind, without scoring', () => {
    const xs = Array.from({ length: 30 }, (_, i) => vector([i % 7, 7 + (i % 5), 12 + (i % 3)]));
    const ys = Int32Array.from(xs, (_, i) => i % 3);
    const quantised = quantiseNetwork(trainHiddenLayerNetwork(xs, ys, 3, 15, DEFAULT_HIDDEN_LAYER_OPTIONS));
    for (const x of xs) {
      const scored = new Float64Array(quantised.hidden);
      quantisedNetworkScores(quantised, x, new Float64Array(3), scored);
      const hidden = quantisedHiddenLayer(quantised, x, new Float64Array(quantised.hidden).fill(5));
      expect(Array.from(hidden)).toEqual(Array.from(scored));
      expect(hidden.every((h) => h >= 0)).toBe(true);
    }
  });
});
