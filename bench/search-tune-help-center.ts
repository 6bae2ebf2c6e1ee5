// Grid search of index and query settings on help-center question sets.
// Usage: npx tsx bench/search-tune-help-center.ts --questions docs-questions-a [--docs DIR] [--data DIR]
// Tune on one question file and check the others, so the settings are not fitted to every question.
import { buildLunrIndex } from '../src/search/build-lunr-index.js';
import { compactLunrIndex } from '../src/search/compact-index.js';
import { DEFAULT_CONFIDENCE_RULE } from '../src/search/confidence-rule.js';
import type { DocSection } from '../src/search/doc-section.js';
import { DOMAIN_SYNONYMS, HELP_DESK_PARAPHRASES } from '../src/search/domain-synonyms.js';
import { loadMarkdownDocs } from '../src/search/load-markdown-docs.js';
import { DEFAULT_QUERY_OPTIONS, type IndexOptions } from '../src/search/ranking-options.js';
import { sectionDocument } from '../src/search/section-document.js';
import { SectionIndex } from '../src/search/section-index.js';
import { SectionSearcher } from '../src/search/section-searcher.js';
import { SynonymTable } from '../src/search/synonym-table.js';
import { type AnswerableQuestion, loadQuestionSets } from '../test/search/help-center-question-sets.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const docs = await loadMarkdownDocs(arg('--docs', 'content/docs'), {
  baseUrl: 'https://help.example.com/articles',
});
const sets = loadQuestionSets(arg('--data', 'test/data'));
const tuneFile = arg('--questions', 'docs-questions-a');
const tune = sets.answerable.filter((q) => q.file.startsWith(tuneFile));
const check = sets.answerable.filter((q) => !q.file.startsWith(tuneFile));
const synonyms = new SynonymTable([...DOMAIN_SYNONYMS, ...HELP_DESK_PARAPHRASES]);

function indexFor(sections: DocSection[], options: IndexOptions): SectionIndex {
  return new SectionIndex(compactLunrIndex(buildLunrIndex(sections.map(sectionDocument), options)));
}

function score(searcher: SectionSearcher, questions: AnswerableQuestion[]): { top1: number; top3: number } {
  let top1 = 0;
  let top3 = 0;
  for (const q of questions) {
    const ids = searcher.rank(q.q, { audience: q.audience, limit: 3 }).ranked.map((r) => r.ref);
    const want = `${q.slug}#${q.anchor}`;
    if (ids[0] === want) top1++;
    if (ids.includes(want)) top3++;
  }
  return { top1: top1 / questions.length, top3: top3 / questions.length };
}

const grid = <T extends Record<string, unknown>>(axes: { [K in keyof T]: T[K][] }): T[] =>
  Object.entries(axes).reduce<T[]>(
    (combos, [key, values]) => combos.flatMap((c) => (values as unknown[]).map((v) => ({ ...c, [key]: v }))),
    [{} as T],
  );

const indexGrid = grid({ k1: [1.2], b: [0.3], title: [1], headings: [2], tags: [1] });
const queryGrid = grid({
  coverageExponent: [0, 1, 1.5],
  headingMatchWeight: [0, 0.25],
  otherAudienceWeight: [0.25, 0.5, 1],
});
const pct = (x: number) => (x * 100).toFixed(1);
const rows: string[] = [];
for (const ix of indexGrid) {
  const options: IndexOptions = {
    k1: ix.k1 as number,
    b: ix.b as number,
    boosts: { title: ix.title as number, headings: ix.headings as number, body: 1, tags: ix.tags as number },
  };
  const index = indexFor(docs.sections, options);
  for (const qx of queryGrid) {
    const queryOptions = { ...DEFAULT_QUERY_OPTIONS, ...qx };
    const searcher = new SectionSearcher(
      docs.sections,
      index,
      synonyms,
      queryOptions,
      DEFAULT_CONFIDENCE_RULE,
    );
    const t = score(searcher, tune);
    const c = score(searcher, check);
    rows.push(
      `${pct(t.top1)}\t${pct(t.top3)}\t${pct(c.top1)}\t${pct(c.top3)}\t${JSON.stringify({ ...ix, ...qx })}`,
    );
  }
}
rows.sort((a, b) => Number(b.split('\t')[0]) - Number(a.split('\t')[0]));
console.log(
  `tune top1\ttune top3\tcheck top1\tcheck top3\toptions (tune: ${tune.length}, check: ${check.length})`,
);
console.log(rows.slice(0, 25).join('\n'));
