import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BeirQuery } from './search-beir-data.js';
import type { BenchEngine } from './search-engines.js';
import { mean, ndcgAt, percentile, recallAt, reciprocalRankAt } from './search-metrics.js';

setFlagsFromString('--expose-gc');
/** A full garbage collection, so heap figures measure what is kept, not garbage. */
const collectGarbage = runInNewContext('gc') as () => void;

export function heapUsedAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

export interface QualityFigures {
  queries: number;
  ndcg10: number;
  recall100: number;
  mrr10: number;
  noResultShare: number;
  queryErrors: number;
  queryP50Ms: number;
  queryP99Ms: number;
}

/** Runs every query once (after a short warm-up) and scores the rankings. */
export function measureQueries(engine: BenchEngine, queries: readonly BeirQuery[]): QualityFigures {
  for (const q of queries.slice(0, 10)) {
    try {
      engine.query(q.text, 100);
    } catch {
      // Warm-up only; errors are counted below.
    }
  }
  const ndcg: number[] = [];
  const recall: number[] = [];
  const mrr: number[] = [];
  const times: number[] = [];
  let empty = 0;
  let errors = 0;
  for (const q of queries) {
    let ranked: string[] = [];
    const started = performance.now();
    try {
      ranked = engine.query(q.text, 100);
    } catch {
      errors++;
    }
    times.push(performance.now() - started);
    if (ranked.length === 0) empty++;
    ndcg.push(ndcgAt(ranked, q, 10));
    recall.push(recallAt(ranked, q, 100));
    mrr.push(reciprocalRankAt(ranked, q, 10));
  }
  return {
    queries: queries.length,
    ndcg10: mean(ndcg),
    recall100: mean(recall),
    mrr10: mean(mrr),
    noResultShare: empty / Math.max(1, queries.length),
    queryErrors: errors,
    queryP50Ms: percentile(times, 50),
    queryP99Ms: percentile(times, 99),
  };
}
