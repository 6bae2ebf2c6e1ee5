// Grid search of index and query settings on the tuning half of the help-center questions.
// Usage: npx tsx bench/search-tune-help-center.ts [--grid JSON] [--docs DIR] [--data DIR] [--misses]
//   --grid maps setting names to lists of values, e.g. '{"k1":[0.9,1.2],"headingMatchWeight":[0,0.5]}';
//   index settings (k1, b, title, headings, body, code, tags, asked) rebuild the index, the others are query settings.
//   Only the tuning half is scored here (seeded split, bench/search-split.ts); the report half is left
//   for bench/search-help-center.ts, so the settings are never chosen on it. --misses lists the tuning-half
//   misses and wrongly confident answers of the best settings.
import { buildLunrIndex } from '../src/search/build-lunr-index.js';
import { compactLunrIndex } from '../src/search/compact-index.js';
import { DEFAULT_CONFIDENCE_RULE } from '../src/search/confidence-rule.js';
import { DOMAIN_SYNONYMS, HELP_DESK_PARAPHRASES } from '../src/search/domain-synonyms.js';
import { loadMarkdownDocs } from '../src/search/load-markdown-docs.js';
import { buildPhrasingIndex } from '../src/search/phrasing-index.js';
import {
  DEFAULT_INDEX_OPTIONS,
  DEFAULT_QUERY_OPTIONS,
  type IndexOptions,
  type QueryOptions,
} from '../src/search/ranking-options.js';
import { sectionDocument } from '../src/search/section-document.js';
import { SectionIndex } from '../src/search/section-index.js';
import { SectionSearcher } from '../src/search/section-searcher.js';
import { SynonymTable } from '../src/search/synonym-table.js';
import { loadQuestionSets } from '../test/search/help-center-question-sets.js';
import { OFF_TOPIC_CHAT } from '../test/search/off-topic-chat.js';
import { splitHelpCenterQuestions } from './search-split.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const docs = await loadMarkdownDocs(arg('--docs', 'content/docs'), {
  baseUrl: 'https://help.example.com/articles',
});
const { tune } = splitHelpCenterQuestions(loadQuestionSets(arg('--data', 'test/data')));
const phrasings = buildPhrasingIndex(docs.sections);
const synonyms = new SynonymTable([...DOMAIN_SYNONYMS, ...HELP_DESK_PARAPHRASES]);
const axes = JSON.parse(arg('--grid', '{}')) as Record<string, (number | boolean)[]>;

const INDEX_KEYS = new Set(['k1', 'b', 'title', 'headings', 'body', 'code', 'tags', 'asked']);
type Combo = Record<string, number | boolean>;
const grid = (entries: [string, (number | boolean)[]][]): Combo[] =>
  entries.reduce<Combo[]>(
    (combos, [key, values]) => combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v }))),
    [{}],
  );
const indexGrid = grid(Object.entries(axes).filter(([k]) => INDEX_KEYS.has(k)));
const queryGrid = grid(Object.entries(axes).filter(([k]) => !INDEX_KEYS.has(k)));

function scoreTuningHalf(searcher: SectionSearcher) {
  let top1 = 0;
  let top3Section = 0;
  let top3Article = 0;
  const misses: string[] = [];
  for (const q of tune.answerable) {
    const { hits } = searcher.search(q.q, { audience: q.audience, limit: 3 });
    const want = `${q.slug}#${q.anchor}`;
    const ids = hits.map((h) => h.section.id);
    if (ids[0] === want) top1++;
    else misses.push(`[${ids.indexOf(want) + 1 || '-'}] "${q.q}" want ${want} got ${ids[0] ?? 'nothing'}`);
    if (ids.includes(want)) top3Section++;
    if (hits.some((h) => h.section.slug === q.slug)) top3Article++;
  }
  const wronglyConfident = tune.unanswerable
    .filter((q) => searcher.search(q.q, { audience: q.audience, limit: 3 }).confident)
    .map((q) => `confident on unanswerable: "${q.q}"`);
  const declined = tune.unanswerable.length - wronglyConfident.length;
  const offTopic = OFF_TOPIC_CHAT.filter(
    (q) =>
      searcher.search(q, { audience: 'brand', limit: 3 }).confident ||
      searcher.search(q, { audience: 'partner', limit: 3 }).confident,
  ).length;
  return {
    top1: top1 / tune.answerable.length,
    top3Section: top3Section / tune.answerable.length,
    top3Article: top3Article / tune.answerable.length,
    declined: declined / tune.unanswerable.length,
    offTopic,
    misses: [...misses, ...wronglyConfident],
  };
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const rows: { top1: number; line: string; misses: string[] }[] = [];
for (const ix of indexGrid) {
  const d = DEFAULT_INDEX_OPTIONS;
  const options: IndexOptions = {
    k1: (ix.k1 as number) ?? d.k1,
    b: (ix.b as number) ?? d.b,
    boosts: {
      title: (ix.title as number) ?? d.boosts.title,
      headings: (ix.headings as number) ?? d.boosts.headings,
      body: (ix.body as number) ?? d.boosts.body,
      code: (ix.code as number) ?? d.boosts.code,
      tags: (ix.tags as number) ?? d.boosts.tags,
      asked: (ix.asked as number) ?? d.boosts.asked,
    },
  };
  const index = new SectionIndex(
    compactLunrIndex(buildLunrIndex(docs.sections.map(sectionDocument), options)),
  );
  for (const qx of queryGrid) {
    const queryOptions = { ...DEFAULT_QUERY_OPTIONS, ...qx } as QueryOptions;
    const searcher = new SectionSearcher(
      docs.sections,
      index,
      synonyms,
      queryOptions,
      DEFAULT_CONFIDENCE_RULE,
      phrasings,
    );
    const f = scoreTuningHalf(searcher);
    rows.push({
      top1: f.top1,
      line: `${pct(f.top1)}  ${pct(f.top3Section)}  ${pct(f.top3Article)}  ${pct(f.declined)}  ${String(f.offTopic).padStart(3)}  ${JSON.stringify({ ...ix, ...qx })}`,
      misses: f.misses,
    });
  }
}
rows.sort((a, b) => b.top1 - a.top1);
if (args.includes('--misses')) console.log(rows[0]?.misses.join('\n'));
console.log(
  `tuning half: ${tune.answerable.length} answerable, ${tune.unanswerable.length} unanswerable questions`,
);
console.log('top-1  top-3 sec  top-3 art  declined  off-topic answered  settings');
console.log(
  rows
    .slice(0, 30)
    .map((r) => r.line)
    .join('\n'),
);
