/**
 * Classifier settings on a data set's validation split only (the test split is never read):
 * `npx tsx bench/intents-tune.ts --dataset PATH [--variants JSON]`. Each variant overrides
 * DEFAULT_CLASSIFIER_OPTIONS (features / training / training.network); each trained model is read with
 * several confidence formulas. Prints in-scope accuracy, AUROC and out-of-scope recall at the largest
 * threshold costing ≤ 1.5 points of in-scope accuracy, all on validation.
 */
import { parseArgs } from 'node:util';
import {
  type ClassifierOptions,
  DEFAULT_CLASSIFIER_OPTIONS,
  NONE_LABEL,
  trainIntentClassifier,
} from '../src/nlu/classifier/intent-classifier.js';
import {
  inScopeAccuracy,
  largestThresholdWithinCost,
  outOfScopeRecall,
  type ValidationDecision,
} from '../src/nlu/classifier/out-of-scope-threshold.js';
import { fitTemperature } from '../src/nlu/classifier/temperature-calibration.js';
import { readDataset } from './intents-datasets.js';
import { auroc } from './intents-metrics.js';
import { makeSplit } from './intents-split.js';

process.env.DOTENV_CONFIG_QUIET = 'true';
const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    seed: { type: 'string', default: '42' },
    variants: { type: 'string', default: '[{}]' },
  },
});
if (!values.dataset) throw new Error('--dataset PATH');
const split = makeSplit(readDataset(values.dataset), {
  seed: Number(values.seed),
  validationShare: 0.1,
  heldOutIntentShare: 0.25,
});

interface Variant {
  features?: Partial<ClassifierOptions['features']>;
  training?: Partial<Omit<ClassifierOptions['training'], 'network'>>;
  network?: Partial<NonNullable<ClassifierOptions['training']['network']>>;
}
const base = DEFAULT_CLASSIFIER_OPTIONS;
/** What a formula may read: top in-scope probability, typicality, the "none" class's probability, raw scores. */
interface Signals {
  readonly pNone: number;
  readonly maxLogit: number;
  readonly energy: number;
}
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const formulas: Record<string, (p: number, typicality: number, s: Signals) => number> = {
  'mean(p,typ)': (p, t) => (p + t) / 2,
  p: (p) => p,
  typ: (_p, t) => t,
  '0.3p+0.7typ': (p, t) => 0.3 * p + 0.7 * t,
  '0.7p+0.3typ': (p, t) => 0.7 * p + 0.3 * t,
  'p*typ': (p, t) => p * t,
  'mean(p,typ)-pNone': (p, t, s) => ((p + t) / 2 - s.pNone + 1) / 2,
  'mean(p/(p+pNone),typ)': (p, t, s) => (p / (p + s.pNone) + t) / 2,
  'mean(p,typ)*p/(p+pNone)': (p, t, s) => ((p + t) / 2) * (p / (p + s.pNone)),
  'mean(p,typ)*(1-pNone)': (p, t, s) => ((p + t) / 2) * (1 - s.pNone),
  'mean(p,typ,p/(p+pNone))': (p, t, s) => (p + t + p / (p + s.pNone)) / 3,
  'typ*p/(p+pNone)': (p, t, s) => t * (p / (p + s.pNone)),
  'sqrt(p*typ)*p/(p+pNone)': (p, t, s) => Math.sqrt(p * t) * (p / (p + s.pNone)),
  'sig(maxLogit)': (_p, _t, s) => sigmoid(s.maxLogit),
  'sig(energy)': (_p, _t, s) => sigmoid(s.energy),
  'sig(energy)+typ': (_p, t, s) => (sigmoid(s.energy) + t) / 2,
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const variant of JSON.parse(values.variants) as Variant[]) {
  const options: ClassifierOptions = {
    features: { ...base.features, ...variant.features },
    training: {
      ...base.training,
      ...variant.training,
      ...(base.training.network ? { network: { ...base.training.network, ...variant.network } } : {}),
    },
  };
  const cpu = process.cpuUsage();
  const c = trainIntentClassifier(
    split.train.map((e) => ({ text: e.text, label: e.label ?? NONE_LABEL })),
    options,
  );
  const used = process.cpuUsage(cpu);
  const index = new Map(c.labels.map((l, i) => [l, i]));
  c.temperature = fitTemperature(
    split.validation
      .filter((e) => e.label !== null && index.has(e.label))
      .map((e) => ({ logits: c.logits(e.text), gold: index.get(e.label!)! })),
  );
  const none = c.labels.indexOf(NONE_LABEL);
  const assessed = split.validation.map((e) => {
    const { probabilities: p, typicality } = c.assess(e.text);
    const logits = c.logits(e.text);
    let best = -1;
    let bestIn = -1;
    for (let i = 0; i < p.length; i++) {
      if (best < 0 || p[i]! > p[best]!) best = i;
      if (i !== none && (bestIn < 0 || p[i]! > p[bestIn]!)) bestIn = i;
    }
    let maxLogit = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < logits.length; i++) if (i !== none) maxLogit = Math.max(maxLogit, logits[i]!);
    let sum = 0;
    for (let i = 0; i < logits.length; i++)
      if (i !== none) sum += Math.exp((logits[i]! - maxLogit) / c.temperature);
    const signals: Signals = {
      pNone: none >= 0 ? p[none]! : 0,
      maxLogit,
      energy: maxLogit / c.temperature + Math.log(sum),
    };
    return {
      gold: e.label,
      predicted: best === none ? null : c.labels[best]!,
      p: p[bestIn]!,
      typicality,
      signals,
    };
  });
  console.log(`${JSON.stringify(variant)}  training CPU ${((used.user + used.system) / 1e6).toFixed(2)} s`);
  for (const [name, f] of Object.entries(formulas)) {
    const ds: ValidationDecision[] = assessed.map((a) => ({
      gold: a.gold,
      predicted: a.predicted,
      confidence: a.predicted === null ? 0 : f(a.p, a.typicality, a.signals),
    }));
    const t = largestThresholdWithinCost(ds, 0.015);
    const au = auroc(
      ds.filter((d) => d.gold !== null).map((d) => d.confidence),
      ds.filter((d) => d.gold === null).map((d) => d.confidence),
    );
    console.log(
      `  ${name.padEnd(12)} in-scope ${pct(inScopeAccuracy(ds, 0))}  AUROC ${au.toFixed(4)}  ≤1.5pt: in-scope ${pct(inScopeAccuracy(ds, t))} oos recall ${pct(outOfScopeRecall(ds, t))}`,
    );
  }
}
