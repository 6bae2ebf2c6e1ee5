import { seededRandom, shuffleInPlace } from '../src/nlu/classifier/seeded-random.js';
import type { LabelledText, RawDataset } from './intents-datasets.js';

/** Train/validation/test as used by every system in one benchmark run. */
export interface BenchmarkSplit {
  readonly train: LabelledText[];
  readonly validation: LabelledText[];
  readonly test: LabelledText[];
  /** Human-readable notes on how the split was made (printed and written to the results). */
  readonly notes: string[];
  readonly heldOutIntents: string[];
  /**
   * When intents were held out: every intent trained, for plain accuracy figures. Like published figures,
   * it trains on the whole training set (the validation hold-out included); its validation part only
   * calibrates the temperature, which leaves the top intent, and so accuracy, unchanged.
   */
  readonly allIntents?: {
    readonly train: LabelledText[];
    readonly validation: LabelledText[];
    readonly test: LabelledText[];
  };
}

export interface SplitOptions {
  readonly seed: number;
  readonly validationShare: number;
  readonly heldOutIntentShare: number;
}

function stratifiedHoldOut(items: LabelledText[], share: number, random: () => number) {
  const byLabel = new Map<string, LabelledText[]>();
  for (const item of items) {
    const key = item.label ?? '\u0000oos';
    byLabel.set(key, [...(byLabel.get(key) ?? []), item]);
  }
  const kept: LabelledText[] = [];
  const held: LabelledText[] = [];
  for (const key of [...byLabel.keys()].sort()) {
    const group = shuffleInPlace([...byLabel.get(key)!], random);
    const n = Math.round(group.length * share);
    held.push(...group.slice(0, n));
    kept.push(...group.slice(n));
  }
  return { kept, held };
}

/**
 * Makes the run's split: a seeded, stratified validation share of train when the data set has none, and,
 * when it has no out-of-scope examples, a seeded share of intents removed from training whose validation
 * and test messages then stand for out-of-scope messages.
 */
export function makeSplit(dataset: RawDataset, options: SplitOptions): BenchmarkSplit {
  const random = seededRandom(options.seed);
  const notes: string[] = [];
  let train = dataset.train;
  let validation = dataset.validation;
  const heldOutForValidation = !validation;
  if (!validation) {
    const { kept, held } = stratifiedHoldOut(train, options.validationShare, random);
    train = kept;
    validation = held;
    notes.push(
      `no validation split: ${Math.round(options.validationShare * 100)}% of train held out (stratified, seed ${options.seed})`,
    );
  }
  let test = dataset.test;
  let heldOutIntents: string[] = [];
  let allIntents: BenchmarkSplit['allIntents'];
  const hasOutOfScope = [...validation, ...test].some((e) => e.label === null);
  if (!hasOutOfScope) {
    const labels = [...new Set(train.map((e) => e.label!))].sort();
    heldOutIntents = shuffleInPlace([...labels], random)
      .slice(0, Math.round(labels.length * options.heldOutIntentShare))
      .sort();
    allIntents = { train: dataset.train, validation, test };
    const held = new Set(heldOutIntents);
    const asOutOfScope = (e: LabelledText): LabelledText =>
      held.has(e.label!) ? { text: e.text, label: null } : e;
    train = train.filter((e) => !held.has(e.label!));
    validation = validation.map(asOutOfScope);
    test = test.map(asOutOfScope);
    notes.push(
      `no out-of-scope examples: ${heldOutIntents.length} of ${labels.length} intents (seeded ${Math.round(
        options.heldOutIntentShare * 100,
      )}%) removed from training; their validation and test messages are treated as out-of-scope`,
      `accuracy with all intents trained: every system trains on the whole train set (${dataset.train.length}${
        heldOutForValidation ? ', the validation hold-out included' : ''
      }), as published figures do; there validation serves only our temperature calibration, which cannot change the top intent`,
    );
  } else {
    notes.push(
      'out-of-scope examples come from the data set (oos_* arrays); oos_train is trained as a "none" class',
    );
  }
  return { train, validation, test, notes, heldOutIntents, ...(allIntents ? { allIntents } : {}) };
}
