import { describe, expect, it } from 'vitest';
import { DEFAULT_HIDDEN_LAYER_OPTIONS } from '../../../src/nlu/classifier/hidden-layer-network.js';
import { normaliseInPlace } from '../../../src/nlu/classifier/hidden-prototypes.js';
import { ScoreScale, scaleStride, trainNetworkMix } from '../../../src/nlu/classifier/network-mix.js';
import { quantisedNetworkScores } from '../../../src/nlu/classifier/quantised-network.js';
import { trainSoftmax } from '../../../src/nlu/classifier/softmax-regression.js';
import { sparseLinearModel } from '../../../src/nlu/classifier/sparse-linear-model.js';
import type { SparseVector } from '../../../src/nlu/classifier/sparse-vector.js';

const vector = (features: number[]): SparseVector => ({
  idx: Int32Array.from(features),
  val: Float32Array.from(features, (f) => 1 / (1 + f)),
});

describe('ScoreScale', () => {
  it('is the root mean square of every score added, and 1 without scores', () => {
    const scale = new ScoreScale();
    expect(scale.value).toBe(1);
    scale.add([3, -4]);
    scale.add([0]);
    expect(scale.value).toBeCloseTo(Math.sqrt(25 / 3), 12);
  });

  it('samples every example up to 2,000 examples, and about 2,000 beyond', () => {
    expect(scaleStride(10)).toBe(1);
    expect(scaleStride(3999)).toBe(1);
    expect(scaleStride(10_003)).toBe(5);
  });
});

describe('trainNetworkMix', () => {
  it('divides the network by the scale of its scores on the sampled examples', () => {
    const xs = Array.from({ length: 40 }, (_, i) => vector([i % 7, 7 + (i % 5), 12 + (i % 3)]));
    const ys = Int32Array.from(xs, (_, i) => i % 3);
    const model = sparseLinearModel(
      trainSoftmax(xs, ys, 3, 15, { epochs: 3, learningRate: 0.3, l2: 1e-4, seed: 7, loss: 'hinge' }),
    );
    const mix = trainNetworkMix(xs, ys, model, { ...DEFAULT_HIDDEN_LAYER_OPTIONS, weight: 0.5 });
    const expected = new ScoreScale();
    for (const x of xs) expected.add(quantisedNetworkScores(mix.network, x));
    expect(mix.networkCoefficient).toBe(0.5 / expected.value);
    const hidden = new Float64Array(mix.network.hidden);
    quantisedNetworkScores(mix.network, xs[0]!, undefined, hidden);
    normaliseInPlace(hidden);
    expect(mix.prototypes.nearestSimilarity(hidden)).toBeGreaterThan(0);
  });
});
