import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIntentDefinitions } from '../../src/nlu/intent-loader.js';
import { loadNluEngine, type NluEngine } from '../../src/nlu/nlu-engine.js';
import { normaliseExample } from '../../src/nlu/normalise-example.js';
import { readIntentTestSet } from './intent-test-set.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const intentsDir = join(root, 'intents');
const testSet = readIntentTestSet(join(root, 'test', 'data', 'intent-test-set.yml'));

describe('the bot intent test set', () => {
  let engine: NluEngine;
  beforeAll(async () => {
    engine = await loadNluEngine({ intentsDir });
  });

  it('is large enough and includes out-of-scope messages', () => {
    expect(testSet.length).toBeGreaterThanOrEqual(300);
    expect(testSet.filter((m) => m.intent === 'none').length).toBeGreaterThanOrEqual(40);
  });

  it('shares no message with the training examples (after normalisation)', async () => {
    const { definitions } = await loadIntentDefinitions(intentsDir);
    const training = new Set(definitions.flatMap((d) => d.examples.map(normaliseExample)));
    const overlap = testSet.filter((m) => training.has(normaliseExample(m.text))).map((m) => m.text);
    expect(overlap).toEqual([]);
  });

  it('only names intents that exist', () => {
    const names = new Set([...engine.intents().map((d) => d.name)]);
    expect(testSet.filter((m) => !names.has(m.intent)).map((m) => m.intent)).toEqual([]);
  });

  it('is classified with at least 95% accuracy', () => {
    const wrong = testSet
      .map((m) => ({ ...m, got: engine.match(m.text).name }))
      .filter((m) => m.got !== m.intent);
    const accuracy = 1 - wrong.length / testSet.length;
    // The misses are printed so a drop is easy to diagnose.
    if (accuracy < 0.95) console.log(wrong);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('never routes a request for a human anywhere else', () => {
    const missed = testSet
      .filter((m) => m.intent === 'agent.handoff')
      .filter((m) => engine.match(m.text).name !== 'agent.handoff')
      .map((m) => m.text);
    expect(missed).toEqual([]);
  });
});
