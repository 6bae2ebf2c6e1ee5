/**
 * Intent classification benchmark: `npm run bench:intents -- --dataset PATH [--seed N] [--systems ours,natural-bayes,nlp.js]`.
 * PATH is a CSV folder (train.csv/test.csv with text,category) or a CLINC150-style JSON file.
 * Prints a table and writes bench/results/intents-<dataset>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDataset } from './intents-datasets.js';
import { evaluateSystem, type SystemResult } from './intents-evaluate.js';
import { formatResultsTable } from './intents-report.js';
import { makeSplit } from './intents-split.js';
import { type BenchSystem, naturalBayesSystem, nlpJsSystem, ourSystem } from './intents-systems.js';

process.env.DOTENV_CONFIG_QUIET = 'true';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    seed: { type: 'string', default: '42' },
    systems: { type: 'string', default: 'ours,natural-bayes,nlp.js' },
    out: { type: 'string' },
  },
});
if (!values.dataset) {
  console.error('usage: npm run bench:intents -- --dataset ../shared/data/intents/banking77 [--seed 42]');
  process.exit(2);
}

const factories: Record<string, () => BenchSystem> = {
  ours: ourSystem,
  'natural-bayes': naturalBayesSystem,
  'nlp.js': nlpJsSystem,
};
const dataset = readDataset(values.dataset);
const seed = Number(values.seed);
const split = makeSplit(dataset, { seed, validationShare: 0.1, heldOutIntentShare: 0.25 });
const count = (xs: ReadonlyArray<{ label: string | null }>) =>
  `${xs.filter((x) => x.label !== null).length} in-scope + ${xs.filter((x) => x.label === null).length} out-of-scope`;
console.log(`dataset ${dataset.name} (${dataset.format})`);
for (const note of split.notes) console.log(`  ${note}`);
console.log(
  `  train ${split.train.length}, validation ${count(split.validation)}, test ${count(split.test)}${
    split.allIntents ? `; all intents trained: train ${split.allIntents.train.length}` : ''
  }`,
);

const results: SystemResult[] = [];
for (const name of values.systems.split(',')) {
  const factory = factories[name.trim()];
  if (!factory) throw new Error(`unknown system "${name}" (known: ${Object.keys(factories).join(', ')})`);
  process.stdout.write(`  training ${name} ... `);
  const result = await evaluateSystem(factory, split);
  console.log(`done (training ${result.trainWallSeconds.toFixed(1)} s wall)`);
  results.push(result);
}
console.log(formatResultsTable(results));

const here = dirname(fileURLToPath(import.meta.url));
const out = values.out ?? join(here, 'results', `intents-${dataset.name}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      dataset: dataset.name,
      format: dataset.format,
      date: new Date().toISOString(),
      node: process.version,
      // Wall-clock figures depend on what else ran; the load average tells how busy the machine was.
      machine: { cpus: cpus().length, loadAverage1m: loadavg()[0] },
      seed,
      split: {
        notes: split.notes,
        heldOutIntents: split.heldOutIntents,
        train: split.train.length,
        validation: split.validation.length,
        test: split.test.length,
        ...(split.allIntents ? { allIntentsTrain: split.allIntents.train.length } : {}),
      },
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`written ${out}`);
