/**
 * Training cost at CLINC150 size without CLINC150: `npx tsx bench/intents-training-time.ts`.
 * Trains our classifier on the first 15,000 training utterances of BANKING77 + HWU64 merged (141 intents)
 * and writes bench/results/intents-training-time.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_CLASSIFIER_OPTIONS,
  trainIntentClassifier,
} from '../src/nlu/classifier/intent-classifier.js';
import { readDataset } from './intents-datasets.js';

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, '..', '..', 'shared', 'data', 'intents');
const UTTERANCES = 15_000;

const merged = ['banking77', 'hwu64'].flatMap((name) =>
  readDataset(join(data, name)).train.map((e) => ({ text: e.text, label: `${name}:${e.label}` })),
);
// Interleave so that the cut at 15k keeps intents from both sets.
const interleaved = merged
  .map((e, i) => ({ e, key: (i * 2654435761) % 4294967296 }))
  .sort((a, b) => a.key - b.key)
  .map(({ e }) => e)
  .slice(0, UTTERANCES);
const intents = new Set(interleaved.map((e) => e.label)).size;

const cpu = process.cpuUsage();
const wall = performance.now();
trainIntentClassifier(interleaved, DEFAULT_CLASSIFIER_OPTIONS);
const used = process.cpuUsage(cpu);
const result = {
  utterances: interleaved.length,
  intents,
  trainCpuSeconds: (used.user + used.system) / 1e6,
  trainWallSeconds: (performance.now() - wall) / 1000,
  node: process.version,
  machine: { cpus: cpus().length, loadAverage1m: loadavg()[0] },
  date: new Date().toISOString(),
};
console.log(
  `trained on ${result.utterances} utterances, ${intents} intents: ${result.trainCpuSeconds.toFixed(1)} s CPU, ${result.trainWallSeconds.toFixed(1)} s wall`,
);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'intents-training-time.json'), `${JSON.stringify(result, null, 2)}\n`);
