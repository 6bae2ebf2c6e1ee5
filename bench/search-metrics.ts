import type { BeirQuery } from './search-beir-data.js';

/** nDCG@k with linear gains (trec_eval / BEIR convention). */
export function ndcgAt(ranked: readonly string[], query: BeirQuery, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += (query.relevant.get(id) ?? 0) / Math.log2(i + 2);
  });
  const ideal = [...query.relevant.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, rel, i) => sum + rel / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

export function recallAt(ranked: readonly string[], query: BeirQuery, k: number): number {
  const found = ranked.slice(0, k).filter((id) => query.relevant.has(id)).length;
  return query.relevant.size > 0 ? found / query.relevant.size : 0;
}

export function reciprocalRankAt(ranked: readonly string[], query: BeirQuery, k: number): number {
  const i = ranked.slice(0, k).findIndex((id) => query.relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
