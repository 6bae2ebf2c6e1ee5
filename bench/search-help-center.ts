// Help-center quality figures: every question set in test/data against content/docs.
// Usage: npx tsx bench/search-help-center.ts [--docs DIR] [--data DIR] [--options JSON] [--verbose]
//   Figures for the seeded tuning half (settings are chosen on it), the report half (never tuned on)
//   and all questions. --options overrides query settings (an ablation: '{"procedureStepsWeight":0}').
//   --verbose lists the misses of the tuning half only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadHelpCenter } from '../src/search/help-center.js';
import { DEFAULT_QUERY_OPTIONS, type QueryOptions } from '../src/search/ranking-options.js';
import {
  evaluateHelpCenter,
  loadQuestionSets,
  type QualityReport,
} from '../test/search/help-center-question-sets.js';
import { OFF_TOPIC_CHAT } from '../test/search/off-topic-chat.js';
import { HELP_CENTER_SPLIT_SEED, splitHelpCenterQuestions } from './search-split.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const queryOptions = {
  ...DEFAULT_QUERY_OPTIONS,
  ...(JSON.parse(arg('--options', '{}')) as Partial<QueryOptions>),
};
const helpCenter = await loadHelpCenter({
  docsDir: arg('--docs', 'content/docs'),
  useWorker: false,
  queryOptions,
});
const sets = loadQuestionSets(arg('--data', 'test/data'));
const split = splitHelpCenterQuestions(sets);
const tune = evaluateHelpCenter(helpCenter, { ...split.tune, files: [] });
const report = evaluateHelpCenter(helpCenter, { ...split.report, files: [] });
const all = evaluateHelpCenter(helpCenter, sets);
if (args.includes('--verbose')) {
  console.log(tune.misses.join('\n'));
  console.log(tune.wronglyConfident.map((l) => `confident on unanswerable: ${l}`).join('\n'));
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (r: QualityReport) =>
  `${r.answerable} questions: top-1 ${pct(r.top1)}, top-3 section ${pct(r.top3Section)}, ` +
  `top-3 article ${pct(r.top3Article)}, answered confidently ${pct(r.answeredConfidently)}; ` +
  `${r.unanswerable} unanswerable: declined ${pct(r.declined)}`;
console.log(`articles ${helpCenter.articleCount()}, sections ${helpCenter.sections().length}`);
console.log(`  tuning half (seed ${HELP_CENTER_SPLIT_SEED}): ${line(tune)}`);
console.log(`  report half (never tuned on): ${line(report)}`);
console.log(`  all: ${line(all)}`);

// Per question file (written at different times, by different hands).
const suffixes = [
  ...new Set(sets.files.map((f) => f.replace(/^docs-(questions|unanswerable)-/, '').replace(/\.ya?ml$/, ''))),
];
for (const suffix of suffixes.sort()) {
  const part = evaluateHelpCenter(helpCenter, {
    answerable: sets.answerable.filter((q) => q.file.includes(`-${suffix}.`)),
    unanswerable: sets.unanswerable.filter((q) => q.file.includes(`-${suffix}.`)),
    files: [],
  });
  console.log(`  set ${suffix}: ${line(part)}`);
}

// Small talk and other off-topic chat, asked as both kinds of user: none of it may be answered confidently.
const offTopic = OFF_TOPIC_CHAT.flatMap((q) =>
  (['brand', 'partner'] as const).map((audience) => helpCenter.search(q, { audience }).confident),
);
const offTopicAnswered = offTopic.filter(Boolean).length;
console.log(
  `  off-topic chat: ${offTopic.length} messages × audiences, answered confidently ${offTopicAnswered}`,
);

// The default settings' figures are kept with the other benchmark results; an ablation (--options) is not.
if (!args.includes('--options')) {
  const figures = (r: QualityReport) => ({
    answerable: r.answerable,
    top1: round(r.top1),
    top3Section: round(r.top3Section),
    top3Article: round(r.top3Article),
    answeredConfidently: round(r.answeredConfidently),
    unanswerable: r.unanswerable,
    declined: round(r.declined),
  });
  mkdirSync('bench/results', { recursive: true });
  const out = 'bench/results/search-help-center.json';
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        articles: helpCenter.articleCount(),
        sections: helpCenter.sections().length,
        split: { seed: HELP_CENTER_SPLIT_SEED },
        tuningHalf: figures(tune),
        reportHalf: figures(report),
        all: figures(all),
        offTopic: { messages: offTopic.length, answeredConfidently: offTopicAnswered },
        date: new Date().toISOString(),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${out}`);
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
