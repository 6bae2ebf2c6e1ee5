import type { SystemResult } from './intents-evaluate.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Renders the results side by side, with ours ÷ peer ratios for every figure. */
export function formatResultsTable(results: readonly SystemResult[]): string {
  type Row = [string, (r: SystemResult) => number, (x: number) => string];
  // Only where intents were held out to stand for out-of-scope messages (not on CLINC150-style sets).
  const allIntents: Row[] = results.some((r) => r.allIntentsAccuracy !== null)
    ? [['accuracy, all intents trained', (r) => r.allIntentsAccuracy ?? Number.NaN, pct]]
    : [];
  const rows: Row[] = [
    ...allIntents,
    ['in-scope accuracy (no threshold)', (r) => r.inScopeAccuracy, pct],
    ['best-val-acc threshold: in-scope acc', (r) => r.atBestValidationAccuracy.inScopeAccuracy, pct],
    ['best-val-acc threshold: oos recall', (r) => r.atBestValidationAccuracy.outOfScopeRecall, pct],
    ['≤1.5pt-cost threshold: in-scope acc', (r) => r.atCostAtMost1_5Points.inScopeAccuracy, pct],
    ['≤1.5pt-cost threshold: oos recall', (r) => r.atCostAtMost1_5Points.outOfScopeRecall, pct],
    ['AUROC in vs out of scope', (r) => r.auroc, (x) => x.toFixed(3)],
    ['training CPU s', (r) => r.trainCpuSeconds, (x) => x.toFixed(2)],
    ['latency p50 ms', (r) => r.latencyMs.p50, (x) => x.toFixed(3)],
    ['latency p99 ms', (r) => r.latencyMs.p99, (x) => x.toFixed(3)],
    ['CPU per message p50 ms', (r) => r.cpuLatencyMs.p50, (x) => x.toFixed(3)],
    ['CPU per message p99 ms', (r) => r.cpuLatencyMs.p99, (x) => x.toFixed(3)],
    ['model heap MB', (r) => r.modelHeapMb ?? Number.NaN, (x) => x.toFixed(1)],
  ];
  const ours = results.find((r) => r.system === 'ours');
  const peers = results.filter((r) => r !== ours);
  const header = ['figure', ...results.map((r) => r.system), ...peers.map((p) => `ours/${p.system}`)];
  const body = rows.map(([label, get, fmt]) => [
    label,
    ...results.map((r) => fmt(get(r))),
    ...peers.map((p) => (ours ? `${(get(ours) / get(p)).toFixed(2)}×` : '')),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}
