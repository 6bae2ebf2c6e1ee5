import { describe, expect, it } from 'vitest';
import { inHashOrder } from '../../../src/nlu/classifier/hash-ordered-features.js';
import { hashOrder } from '../../../src/nlu/classifier/int32-map.js';
import {
  DEFAULT_CLASSIFIER_OPTIONS,
  IntentClassifier,
  vectoriseExamples,
} from '../../../src/nlu/classifier/intent-classifier.js';
import { trainNetworkMix } from '../../../src/nlu/classifier/network-mix.js';
import { trainSoftmax } from '../../../src/nlu/classifier/softmax-regression.js';
import { sparseLinearModel } from '../../../src/nlu/classifier/sparse-linear-model.js';

const examples = [
  ...['where is my card', 'my card has not arrived', 'card delivery is late', 'when will the card come'].map(
    (text) => ({ text, label: 'card' }),
  ),
  ...['top up failed', 'my top-up did not work', 'cannot top up my account', 'top up declined'].map(
    (text) => ({ text, label: 'topup' }),
  ),
  ...['bake a cake', 'what is the weather', 'tell me a joke'].map((text) => ({ text, label: 'none' })),
];

describe('features renumbered in hash order', () => {
  it('scores as the first-occurrence numbering does, to rounding, and keeps the vocabulary in hash order', () => {
    const data = vectoriseExamples(examples);
    const { training } = DEFAULT_CLASSIFIER_OPTIONS;
    const model = sparseLinearModel(
      trainSoftmax(data.xs, data.ys, data.labels.length, data.transformer.size, training),
    );
    const mix = trainNetworkMix(data.xs, data.ys, model, training.network!);
    const before = new IntentClassifier(data.labels, data.transformer, model, 1, mix);
    const parts = inHashOrder({ transformer: data.transformer, model, mix });
    const after = new IntentClassifier(data.labels, parts.transformer, parts.model, 1, parts.mix);

    const keys = parts.transformer.state.keys;
    expect(hashOrder(keys)).toEqual(keys.map((_, i) => i));
    expect([...keys].sort()).toEqual([...data.transformer.state.keys].sort());
    for (const text of ['my card is late', 'top up my card please', 'bake sourdough bread', 'crad']) {
      const a = before.assess(text);
      const b = after.assess(text);
      [...after.logits(text)].forEach((logit, c) => {
        expect(logit).toBeCloseTo(before.logits(text)[c]!, 12);
      });
      expect(b.typicality).toBeCloseTo(a.typicality, 12);
    }
    // Already in hash order: nothing to renumber.
    expect(inHashOrder(parts)).toBe(parts);
  });
});
