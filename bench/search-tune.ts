import { DEFAULT_QUERY_OPTIONS } from '../src/search/ranking-options.js';
import type { BeirDataset, BeirQuery } from './search-beir-data.js';
import { buildOurEngine, type EngineVariant } from './search-engines.js';
import { measureQueries } from './search-measure.js';

/**
 * Grid search of BM25 k1/b, the title boost and the title-in-body layout on
 * the tuning queries only; prints the best settings to copy into search-variants.ts.
 */
export function runTuning(dataset: BeirDataset, tune: readonly BeirQuery[]): void {
  const rows: { variant: EngineVariant; ndcg: number; recall: number }[] = [];
  const titleInBody = false;
  for (const k1 of [0.9, 1.2]) {
    for (const b of [0.6, 0.75, 0.9]) {
      for (const title of [1, 2]) {
        const indexOptions = { k1, b, boosts: { title, headings: 1, body: 1, tags: 1 } };
        const engine = buildOurEngine(dataset.documents, {
          indexOptions,
          queryOptions: DEFAULT_QUERY_OPTIONS,
          titleInBody,
        });
        // Query-time settings need no rebuild: try them on the same index.
        for (const coverageExponent of [0, 0.5, 1]) {
          for (const headingMatchWeight of [0, 0.5]) {
            for (const questionWordBoost of [0.3, 1]) {
              const queryOptions = {
                ...DEFAULT_QUERY_OPTIONS,
                coverageExponent,
                headingMatchWeight,
                questionWordBoost,
              };
              engine.searcher.setQueryOptions(queryOptions);
              const figures = measureQueries(engine, tune);
              rows.push({
                variant: { indexOptions, queryOptions, titleInBody },
                ndcg: figures.ndcg10,
                recall: figures.recall100,
              });
              const shown = { k1, b, title, coverageExponent, headingMatchWeight, questionWordBoost };
              console.log(
                `${figures.ndcg10.toFixed(4)} ${figures.recall100.toFixed(4)} ${JSON.stringify(shown)}`,
              );
            }
          }
        }
      }
    }
  }
  rows.sort((a, b) => b.ndcg - a.ndcg);
  console.log(`best on ${tune.length} tuning queries:`, JSON.stringify(rows.slice(0, 3), null, 1));
}
