import type { QueryOptions } from '../src/search/ranking-options.js';
import type { BeirDataset, BeirQuery } from './search-beir-data.js';
import { buildOurEngine, type EngineVariant } from './search-engines.js';
import { measureQueries } from './search-measure.js';

/** Index settings that need a rebuild; every other grid key is a query setting tried on the same index. */
const INDEX_KEYS = new Set(['k1', 'b', 'title']);
type Combo = Record<string, number>;
const grid = (entries: [string, number[]][]): Combo[] =>
  entries.reduce<Combo[]>(
    (combos, [key, values]) => combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v }))),
    [{}],
  );

/** What a grid search maximises: nDCG@10, or Recall@100 (for settings that leave the first 10 results alone). */
export type TuningTarget = 'ndcg' | 'recall';

/**
 * Grid search on the tuning queries only, starting from the dataset's current
 * settings: `axes` maps setting names (k1, b, title, or any query setting) to
 * the values to try. Prints the best settings to copy into search-variants.ts;
 * ties go to the other figure, then to the earlier combination in grid order
 * (list each axis from its mildest value).
 */
export function runTuning(
  dataset: BeirDataset,
  tune: readonly BeirQuery[],
  base: EngineVariant,
  axes: Record<string, number[]>,
  target: TuningTarget = 'ndcg',
): void {
  const rows: { shown: Combo; ndcg: number; recall: number }[] = [];
  for (const ix of grid(Object.entries(axes).filter(([k]) => INDEX_KEYS.has(k)))) {
    const indexOptions = {
      k1: ix.k1 ?? base.indexOptions.k1,
      b: ix.b ?? base.indexOptions.b,
      boosts: { ...base.indexOptions.boosts, title: ix.title ?? base.indexOptions.boosts.title },
    };
    const engine = buildOurEngine(dataset.documents, { ...base, indexOptions });
    for (const qx of grid(Object.entries(axes).filter(([k]) => !INDEX_KEYS.has(k)))) {
      engine.searcher.setQueryOptions({ ...base.queryOptions, ...qx } as QueryOptions);
      const figures = measureQueries(engine, tune);
      const shown = { ...ix, ...qx };
      rows.push({ shown, ndcg: figures.ndcg10, recall: figures.recall100 });
      console.log(`${figures.ndcg10.toFixed(4)} ${figures.recall100.toFixed(4)} ${JSON.stringify(shown)}`);
    }
  }
  const [first, second] = target === 'recall' ? (['recall', 'ndcg'] as const) : (['ndcg', 'recall'] as const);
  rows.sort((a, b) => b[first] - a[first] || b[second] - a[second]);
  console.log(`best ${target} on ${tune.length} tuning queries (nDCG@10, Recall@100, settings):`);
  for (const r of rows.slice(0, 5))
    console.log(`${r.ndcg.toFixed(4)} ${r.recall.toFixed(4)} ${JSON.stringify(r.shown)}`);
}
