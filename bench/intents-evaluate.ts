import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  inScopeAccuracy,
  largestThresholdWithinCost,
  outOfScopeRecall,
  thresholdMaximisingAccuracy,
  type ValidationDecision,
} from '../src/nlu/classifier/out-of-scope-threshold.js';
import type { LabelledText } from './intents-datasets.js';
import { auroc, percentile } from './intents-metrics.js';
import type { BenchmarkSplit } from './intents-split.js';
import type { BenchSystem } from './intents-systems.js';

export interface OperatingPoint {
  readonly threshold: number;
  readonly inScopeAccuracy: number;
  readonly outOfScopeRecall: number;
}

/** Every figure the issue asks for, for one system on one split. */
export interface SystemResult {
  readonly system: string;
  readonly note: string;
  /** Accuracy with every intent of the data set trained (the published benchmark figure). */
  readonly allIntentsAccuracy: number | null;
  /** In-scope accuracy of the model trained without the held-out intents, no threshold. */
  readonly inScopeAccuracy: number;
  readonly atBestValidationAccuracy: OperatingPoint;
  readonly atCostAtMost1_5Points: OperatingPoint;
  readonly auroc: number;
  readonly trainCpuSeconds: number;
  readonly trainWallSeconds: number;
  /** Wall-clock time per message (sensitive to other load on the machine). */
  readonly latencyMs: { readonly p50: number; readonly p99: number };
  /** CPU time per message (microsecond clock; less sensitive to other load). */
  readonly cpuLatencyMs: { readonly p50: number; readonly p99: number };
  readonly modelHeapMb: number | null;
  readonly rssMb: number;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;

/** Heap plus external (typed-array) memory after collection; array buffers are freed a tick later. */
async function heapUsed(): Promise<number> {
  gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/**
 * Collects what training left behind before latency is timed, for every system alike: in the bot,
 * training happens once at start-up, long before messages arrive, so its garbage is not a message's cost.
 */
async function settleHeap(): Promise<void> {
  await heapUsed();
}

interface Latencies {
  wall: number[];
  cpu: number[];
}

async function decisions(system: BenchSystem, items: readonly LabelledText[], latencies?: Latencies) {
  const out: ValidationDecision[] = [];
  for (const item of items) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const d = await system.classify(item.text);
    latencies?.wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    latencies?.cpu.push((used.user + used.system) / 1000);
    out.push({ predicted: d.predicted, confidence: d.confidence, gold: item.label });
  }
  return out;
}

function operatingPoint(test: ValidationDecision[], threshold: number): OperatingPoint {
  return {
    threshold,
    inScopeAccuracy: inScopeAccuracy(test, threshold),
    outOfScopeRecall: outOfScopeRecall(test, threshold),
  };
}

async function trainMeasured(
  system: BenchSystem,
  train: readonly LabelledText[],
  validation: readonly LabelledText[],
) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await system.train(train, validation);
  const used = process.cpuUsage(cpu);
  return {
    trainCpuSeconds: (used.user + used.system) / 1e6,
    trainWallSeconds: (performance.now() - wall) / 1000,
  };
}

/** Memory the trained model holds: heap before minus after the system drops it (null without gc). */
async function modelMemoryMb(system: BenchSystem): Promise<number | null> {
  if (!gc) return null;
  const withModel = await heapUsed();
  system.dispose();
  return Math.max(0, withModel - (await heapUsed())) / 2 ** 20;
}

/**
 * Trains a fresh system on the split and measures it on validation (thresholds) and test (figures). When
 * intents were held out, another fresh instance is first trained on every intent and the whole training set
 * (validation hold-out included): its accuracy is the published-style figure, and its training time, latency
 * and memory (the full-size model) are reported.
 */
export async function evaluateSystem(
  makeSystem: () => BenchSystem,
  split: BenchmarkSplit,
): Promise<SystemResult> {
  let allIntentsAccuracy: number | null = null;
  let costs: Awaited<ReturnType<typeof trainMeasured>> | undefined;
  let modelHeapMb: number | null | undefined;
  const latencies: Latencies = { wall: [], cpu: [] };
  if (split.allIntents) {
    const closed = makeSystem();
    costs = await trainMeasured(closed, split.allIntents.train, split.allIntents.validation);
    for (const item of split.allIntents.test.slice(0, 50)) await closed.classify(item.text);
    await settleHeap();
    allIntentsAccuracy = inScopeAccuracy(await decisions(closed, split.allIntents.test, latencies), 0);
    modelHeapMb = await modelMemoryMb(closed);
  }
  const system = makeSystem();
  const openCosts = await trainMeasured(system, split.train, split.validation);
  const validation = await decisions(system, split.validation);
  if (!costs) {
    for (const item of split.test.slice(0, 50)) await system.classify(item.text);
    await settleHeap();
  }
  const test = await decisions(system, split.test, costs ? undefined : latencies);
  if (modelHeapMb === undefined) modelHeapMb = await modelMemoryMb(system);
  costs ??= openCosts;
  const best = thresholdMaximisingAccuracy(validation);
  const cost = largestThresholdWithinCost(validation, 0.015);
  return {
    system: system.name,
    note: system.note,
    allIntentsAccuracy,
    inScopeAccuracy: inScopeAccuracy(test, 0),
    atBestValidationAccuracy: operatingPoint(test, best),
    atCostAtMost1_5Points: operatingPoint(test, cost),
    auroc: auroc(
      test.filter((d) => d.gold !== null).map((d) => (d.predicted === null ? 0 : d.confidence)),
      test.filter((d) => d.gold === null).map((d) => (d.predicted === null ? 0 : d.confidence)),
    ),
    ...costs,
    modelHeapMb,
    latencyMs: { p50: percentile(latencies.wall, 50), p99: percentile(latencies.wall, 99) },
    cpuLatencyMs: { p50: percentile(latencies.cpu, 50), p99: percentile(latencies.cpu, 99) },
    rssMb: process.memoryUsage().rss / 2 ** 20,
  };
}
