import { describe, expect, it } from 'vitest';
import {
  ENGINE_MODEL_VERSION,
  engineModelFromState,
  engineModelToState,
  trainEngineModel,
} from '../../src/nlu/engine-model.js';
import type { IntentDefinition } from '../../src/nlu/intent-definition.js';

const intent = (name: string, examples: string[]): IntentDefinition => ({
  name,
  skill: 'core',
  description: name,
  slots: [],
  patterns: [],
  examples,
  file: `intents/${name}.yml`,
});

const definitions = [
  intent('card.arrival', [
    'where is my card',
    'my card has not arrived',
    'card delivery is late',
    'when will the card come',
    'card still not here',
    'has my new card been sent',
  ]),
  intent('top.up', [
    'top up failed',
    'my top-up did not work',
    'cannot top up my account',
    'top up declined',
    'topping up is broken',
    'why was my top up rejected',
  ]),
  intent('none', [
    'bake sourdough bread',
    'what is the weather like',
    'tell me a joke about cats',
    'who won the football game',
    'recommend a good film',
    'how tall is mount everest',
  ]),
];

describe('engine model state', () => {
  it('survives a JSON round trip (the start-up cache) with the same scores and threshold', () => {
    const model = trainEngineModel(definitions);
    const restored = engineModelFromState(JSON.parse(JSON.stringify(engineModelToState(model))));
    expect(restored).not.toBeNull();
    expect(restored!.threshold).toBe(model.threshold);
    expect(restored!.classifier.temperature).toBe(model.classifier.temperature);
    for (const text of ['is my card on its way', 'the top up did not go through', 'bake a cake']) {
      expect([...restored!.classifier.probabilities(text)]).toEqual([
        ...model.classifier.probabilities(text),
      ]);
      expect(restored!.classifier.assess(text).typicality).toBe(model.classifier.assess(text).typicality);
    }
  });

  it('refuses a state of another version or a malformed one, so that the engine retrains', () => {
    const state = engineModelToState(trainEngineModel(definitions));
    expect(engineModelFromState({ ...state, version: ENGINE_MODEL_VERSION - 1 })).toBeNull();
    expect(
      engineModelFromState({
        ...state,
        classifier: { ...state.classifier, linear: { ...state.classifier.linear, values: 'AAAA' } },
      }),
    ).toBeNull();
    expect(engineModelFromState(null)).toBeNull();
  });
});

describe('engine model calibration', () => {
  it('scores the held-out folds with the features each fold model was trained on', async () => {
    const { loadIntentDefinitions } = await import('../../src/nlu/intent-loader.js');
    const { definitions: bot } = await loadIntentDefinitions('intents');
    const model = trainEngineModel(bot);
    // The bot's own intents are well separated: out-of-fold accuracy far above chance, and a
    // real out-of-scope threshold (0 would act on any guess, however unsure).
    expect(model.crossValidatedAccuracy).toBeGreaterThan(0.7);
    expect(model.threshold).toBeGreaterThan(0.1);
  });
});
