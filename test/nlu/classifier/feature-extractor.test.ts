import { describe, expect, it } from 'vitest';
import {
  FeatureTransformer,
  fitAndVectorise,
  fitFeatures,
} from '../../../src/nlu/classifier/feature-extractor.js';
import { normaliseForIntent } from '../../../src/nlu/classifier/normalise-text.js';
import { SparseVectorArena } from '../../../src/nlu/classifier/sparse-vector.js';

const texts = [
  'where is my card',
  'my card has not arrived yet??',
  'card card card delivery is late',
  'top up failed',
  'my top-up did not work',
  '',
  'how do I bake sourdough bread',
  'refund for order 1042 please',
  'x',
].map(normaliseForIntent);

describe('fitAndVectorise', () => {
  it('fits the same state and gives the same training vectors as fitFeatures and transform', () => {
    const state = fitFeatures(texts);
    const transformer = new FeatureTransformer(state);
    const expected = texts.map((t) => transformer.transform(t, true));
    const fitted = fitAndVectorise(texts, undefined, new SparseVectorArena());
    expect(fitted.state).toEqual(state);
    expect(fitted.transformer.state).toEqual(transformer.state);
    expect(fitted.xs.map((x) => [Array.from(x.idx), Array.from(x.val)])).toEqual(
      expected.map((x) => [Array.from(x.idx), Array.from(x.val)]),
    );
  });

  it('copes with a text of more feature occurrences than the transformer first makes room for', () => {
    const long = [normaliseForIntent(Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')), 'word1'];
    const transformer = new FeatureTransformer(fitFeatures(long));
    const fitted = fitAndVectorise(long);
    expect(Array.from(fitted.xs[0]!.idx)).toEqual(Array.from(transformer.transform(long[0]!, true).idx));
  });
});
