import { describe, expect, it } from 'vitest';
import { FeatureTransformer, fitFeatures } from '../../../src/nlu/classifier/feature-extractor.js';
import {
  DEFAULT_CLASSIFIER_OPTIONS,
  IntentClassifier,
  inScopeConfidence,
  trainIntentClassifier,
} from '../../../src/nlu/classifier/intent-classifier.js';
import { normaliseForIntent } from '../../../src/nlu/classifier/normalise-text.js';

const examples = [
  ...[
    'where is my card',
    'my card has not arrived',
    'card delivery is late',
    'when will the card come',
    'card still not here',
  ].map((text) => ({ text, label: 'card' })),
  ...[
    'top up failed',
    'my top-up did not work',
    'cannot top up my account',
    'top up declined',
    'topping up is broken',
  ].map((text) => ({ text, label: 'topup' })),
];

describe('normaliseForIntent', () => {
  it('removes markup, folds case and accents, and replaces numbers, URLs and e-mails', () => {
    expect(
      normaliseForIntent('<@U1> Café STATUS of #1042 and 77, see <https://x.io|docs> or a@b.io :tada:'),
    ).toBe('cafe status of xxhashnum and xxnum see docs xxurl or xxemail');
  });

  it('cuts long input and survives odd input', () => {
    expect(normaliseForIntent('word '.repeat(50_000)).length).toBeLessThanOrEqual(600);
    expect(normaliseForIntent('')).toBe('');
    expect(normaliseForIntent(undefined as unknown as string)).toBe('');
  });
});

describe('features', () => {
  it('gives unit-norm blocks and flags unknown content words, forgiving typos of known ones', () => {
    const texts = examples.map((e) => normaliseForIntent(e.text));
    const state = fitFeatures(texts);
    const transformer = new FeatureTransformer(state);
    const v = transformer.transform(normaliseForIntent('where is my card'));
    expect([...v.idx]).toEqual([...v.idx].sort((a, b) => a - b));
    expect(transformer.unknownShare(normaliseForIntent('bake sourdough bread'), false)).toBe(1);
    expect(transformer.unknownShare(normaliseForIntent('my crad'), false)).toBe(0);
    expect(transformer.unknownShare(normaliseForIntent('card bread'), false)).toBe(0.5);
  });
});

describe('IntentClassifier', () => {
  it('learns, ranks with probabilities summing to 1, and survives a state round trip', () => {
    const classifier = trainIntentClassifier(examples);
    expect(classifier.rank('my card is not here yet')[0]!.label).toBe('card');
    expect(classifier.rank('the top up was declined')[0]!.label).toBe('topup');
    const p = classifier.probabilities('card top up');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);

    classifier.temperature = 0.7;
    const restored = IntentClassifier.fromState(JSON.parse(JSON.stringify(classifier.toState())));
    expect(restored.temperature).toBe(0.7);
    expect([...restored.probabilities('card top up')]).toEqual([...classifier.probabilities('card top up')]);
  });

  it('is deterministic for a given seed', () => {
    const a = trainIntentClassifier(examples).logits('card');
    const b = trainIntentClassifier(examples).logits('card');
    expect([...a]).toEqual([...b]);
  });

  it('rejects a state whose weights do not fit', () => {
    const state = trainIntentClassifier(examples).toState();
    expect(() => IntentClassifier.fromState({ ...state, labels: ['only-one'] })).toThrow(/mismatch/);
  });

  it('keeps its hidden-layer network in the state, and refuses another format or a network that does not fit', () => {
    const state = trainIntentClassifier(examples).toState();
    expect(state.network).toBeDefined();
    expect(() => IntentClassifier.fromState({ ...state, format: 1 })).toThrow(/format/);
    expect(() => IntentClassifier.fromState({ ...state, network: { ...state.network!, hidden: 3 } })).toThrow(
      /mismatch/,
    );
  });

  it('rates a training-like message more typical than an unrelated one, and 1 without a network', () => {
    const classifier = trainIntentClassifier(examples);
    const near = classifier.assess('where is my card');
    const far = classifier.assess('bake sourdough bread');
    expect(near.typicality).toBeGreaterThan(far.typicality);
    expect(near.typicality).toBeLessThanOrEqual(1 + 1e-6);
    expect([...near.probabilities]).toEqual([...classifier.probabilities('where is my card')]);
    const linearOnly = trainIntentClassifier(examples, {
      ...DEFAULT_CLASSIFIER_OPTIONS,
      training: { ...DEFAULT_CLASSIFIER_OPTIONS.training, network: undefined },
    });
    expect(linearOnly.assess('bake sourdough bread').typicality).toBe(1);
  });

  it('mixes the network into its scores: without it the scores differ', () => {
    const mixed = trainIntentClassifier(examples);
    const linearOnly = trainIntentClassifier(examples, {
      ...DEFAULT_CLASSIFIER_OPTIONS,
      training: { ...DEFAULT_CLASSIFIER_OPTIONS.training, network: undefined },
    });
    expect(linearOnly.toState().network).toBeUndefined();
    expect([...mixed.logits('card top up')]).not.toEqual([...linearOnly.logits('card top up')]);
    expect(linearOnly.rank('my card is not here yet')[0]!.label).toBe('card');
  });
});

describe('inScopeConfidence', () => {
  it('without a trained "none" class is the mean of the probability and the typicality', () => {
    expect(inScopeConfidence(0.6, 0.8)).toBeCloseTo(0.7, 12);
  });

  it('with one weighs the top intent against "none" only, not against the other intents', () => {
    // Torn between two close intents (0.45 / 0.45), hardly "none": sure it is in scope.
    const torn = inScopeConfidence(0.45, 0.9, 0.02);
    // As sure of its top intent, but the rest of the probability is "none".
    const noneLike = inScopeConfidence(0.45, 0.9, 0.5);
    expect(torn).toBeCloseTo((0.45 / 0.47 + 0.9) / 2, 12);
    expect(noneLike).toBeCloseTo((0.45 / 0.95 + 0.9) / 2, 12);
    expect(torn).toBeGreaterThan(noneLike);
  });

  it('stays defined when both probabilities are zero', () => {
    expect(inScopeConfidence(0, 0.5, 0)).toBe(0.25);
  });
});
