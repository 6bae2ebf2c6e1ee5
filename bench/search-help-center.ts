// Help-center quality figures: every question set in test/data against content/docs.
// Usage: npx tsx bench/search-help-center.ts [--docs DIR] [--data DIR] [--verbose]
import { loadHelpCenter } from '../src/search/help-center.js';
import { evaluateHelpCenter, loadQuestionSets } from '../test/search/help-center-question-sets.js';
import { OFF_TOPIC_CHAT } from '../test/search/off-topic-chat.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const helpCenter = await loadHelpCenter({ docsDir: arg('--docs', 'content/docs'), useWorker: false });
const sets = loadQuestionSets(arg('--data', 'test/data'));
const report = evaluateHelpCenter(helpCenter, sets);
if (args.includes('--verbose')) {
  console.log(report.misses.join('\n'));
  console.log(report.wronglyConfident.map((l) => `confident on unanswerable: ${l}`).join('\n'));
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `articles ${helpCenter.articleCount()}, sections ${helpCenter.sections().length}; ` +
    `${report.answerable} questions: top-1 ${pct(report.top1)}, top-3 section ${pct(report.top3Section)}, ` +
    `top-3 article ${pct(report.top3Article)}, answered confidently ${pct(report.answeredConfidently)}; ` +
    `${report.unanswerable} unanswerable: declined ${pct(report.declined)}`,
);

// Per question file: the settings were tuned on the "-a" files, the "-b" files are the check.
const suffixes = [
  ...new Set(sets.files.map((f) => f.replace(/^docs-(questions|unanswerable)-/, '').replace(/\.ya?ml$/, ''))),
];
for (const suffix of suffixes.sort()) {
  const part = evaluateHelpCenter(helpCenter, {
    answerable: sets.answerable.filter((q) => q.file.includes(`-${suffix}.`)),
    unanswerable: sets.unanswerable.filter((q) => q.file.includes(`-${suffix}.`)),
    files: [],
  });
  console.log(
    `  set ${suffix}: ${part.answerable} questions: top-1 ${pct(part.top1)}, top-3 section ${pct(part.top3Section)}, ` +
      `top-3 article ${pct(part.top3Article)}; ${part.unanswerable} unanswerable: declined ${pct(part.declined)}`,
  );
}

// Small talk and other off-topic chat, asked as both kinds of user: none of it may be answered confidently.
const offTopic = OFF_TOPIC_CHAT.flatMap((q) =>
  (['brand', 'partner'] as const).map((audience) => helpCenter.search(q, { audience }).confident),
);
console.log(
  `  off-topic chat: ${offTopic.length} messages × audiences, answered confidently ${offTopic.filter(Boolean).length}`,
);
