/**
 * The bot's own intents: `npx tsx bench/intents-bot.ts`.
 * Start-up (training from intents/ with no cache, then a restart that loads the cache) and the
 * separate test set of test/data/intent-test-set.yml (never read by training). Prints the figures
 * and writes bench/results/intents-bot.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNluEngine, type NluEngine } from '../src/nlu/nlu-engine.js';
import { readIntentTestSet } from '../test/nlu/intent-test-set.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const intentsDir = join(root, 'intents');
const cacheDir = mkdtempSync(join(tmpdir(), 'intents-bench-'));

async function timed(load: () => Promise<NluEngine>) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const engine = await load();
  const used = process.cpuUsage(cpu);
  return { engine, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}

const cold = await timed(() => loadNluEngine({ intentsDir, cacheDir }));
const warm = await timed(() => loadNluEngine({ intentsDir, cacheDir }));
rmSync(cacheDir, { recursive: true, force: true });

const testSet = readIntentTestSet(join(root, 'test', 'data', 'intent-test-set.yml'));
const results = testSet.map((m) => ({ ...m, got: warm.engine.match(m.text).name }));
const right = results.filter((r) => r.got === r.intent).length;
const outOfScope = results.filter((r) => r.intent === 'none');
const handoff = results.filter((r) => r.intent === 'agent.handoff');
const figures = {
  intents: warm.engine.intents().length,
  coldStart: { wallMs: Math.round(cold.wallMs), cpuMs: Math.round(cold.cpuMs) },
  cacheStart: { wallMs: Math.round(warm.wallMs), cpuMs: Math.round(warm.cpuMs) },
  testSet: {
    messages: testSet.length,
    accuracy: Math.round((right / testSet.length) * 10000) / 10000,
    outOfScope: outOfScope.length,
    outOfScopeDeclined: outOfScope.filter((r) => r.got === 'none').length,
    askingForAPerson: handoff.length,
    askingForAPersonRoutedElsewhere: handoff.filter((r) => r.got !== 'agent.handoff').length,
  },
  node: process.version,
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadAverage1m: loadavg()[0] },
  date: new Date().toISOString(),
};

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
console.log(`intents ${figures.intents}`);
console.log(
  `cold start (train, write cache): ${figures.coldStart.wallMs} ms wall, ${figures.coldStart.cpuMs} ms CPU`,
);
console.log(`restart (load cache): ${figures.cacheStart.wallMs} ms wall, ${figures.cacheStart.cpuMs} ms CPU`);
console.log(
  `test set: ${pct(figures.testSet.accuracy)} of ${testSet.length} messages; out of scope declined ` +
    `${figures.testSet.outOfScopeDeclined} of ${outOfScope.length}; asking for a person routed elsewhere ` +
    `${figures.testSet.askingForAPersonRoutedElsewhere} of ${handoff.length}`,
);
for (const miss of results.filter((r) => r.got !== r.intent)) {
  console.log(`  miss: "${miss.text}" want ${miss.intent} got ${miss.got}`);
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const out = join(root, 'bench', 'results', 'intents-bot.json');
writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`wrote ${out}`);
