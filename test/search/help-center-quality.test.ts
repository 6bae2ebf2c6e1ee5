import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HelpCenter, loadHelpCenter } from '../../src/search/help-center.js';
import { evaluateHelpCenter, loadQuestionSets, type QualityReport } from './help-center-question-sets.js';
import { OFF_TOPIC_CHAT } from './off-topic-chat.js';

// The real help center against the question sets written separately from it.
// Top-1 is counted by section (slug + anchor); top-3 by article (the expected
// article is among the three hits shown: its section is one click away).
const DOCS_DIR = fileURLToPath(new URL('../../content/docs', import.meta.url));
const DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));
const sets = loadQuestionSets(DATA_DIR);
const ready = existsSync(DOCS_DIR) && sets.answerable.length > 0 && sets.unanswerable.length > 0;
if (!ready) {
  console.warn(
    'help-center quality test skipped: needs content/docs and test/data/docs-questions-*.yml + docs-unanswerable-*.yml',
  );
}

describe.skipIf(!ready)('help center answers real questions (content/docs × test/data/docs-*.yml)', () => {
  let helpCenter: HelpCenter;
  let report: QualityReport;

  beforeAll(async () => {
    helpCenter = await loadHelpCenter({ docsDir: DOCS_DIR, useWorker: false });
    report = evaluateHelpCenter(helpCenter, sets);
  });

  it('loads every article without errors', () => {
    expect(helpCenter.articleCount()).toBeGreaterThanOrEqual(60);
  });

  it('has question sets large enough to mean something', () => {
    expect(report.answerable).toBeGreaterThanOrEqual(150);
    expect(report.unanswerable).toBeGreaterThanOrEqual(30);
  });

  // Regression guards a little below the levels measured on all question files together (426 answerable,
  // 88 unanswerable; bench/search-help-center.ts gives them per file and per half). Issue 4's targets are
  // top-1 >= 80%, top-3 >= 95% and >= 90% declined; the figures to hold against them are the report half's,
  // never tuned on (68.7% / 94.0% / 90.9%), above all the held-out file's, written from the product brief
  // without seeing the articles (53.6% / 88.1% / 84.0%): see the README. Most misses are a neighbouring
  // section of the right article, or a long question whose words the articles say otherwise.
  it('puts the expected section first for at least 73% of questions (measured 74.2%)', () => {
    expect(report.top1, `top-1 misses:\n${report.misses.join('\n')}`).toBeGreaterThanOrEqual(0.73);
  });

  it('has the expected section among the top 3 hits for at least 88% of questions (measured 89.7%)', () => {
    expect(report.top3Section, `top-1 misses:\n${report.misses.join('\n')}`).toBeGreaterThanOrEqual(0.88);
  });

  it('shows the expected article among the top 3 hits for at least 95% of questions (measured 95.8%)', () => {
    expect(report.top3Article, `top-1 misses:\n${report.misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('says it found nothing good for at least 92% of questions the docs do not answer (measured 93.2%)', () => {
    expect(
      report.declined,
      `answered confidently:\n${report.wronglyConfident.join('\n')}`,
    ).toBeGreaterThanOrEqual(0.92);
  });

  it('never answers off-topic chat confidently (question words and small talk are not a topic)', () => {
    expect(OFF_TOPIC_CHAT.length).toBeGreaterThanOrEqual(20);
    const answered = OFF_TOPIC_CHAT.flatMap((q) =>
      (['brand', 'partner'] as const)
        .map((audience) => ({ audience, result: helpCenter.search(q, { audience }) }))
        .filter(({ result }) => result.confident)
        .map(({ audience, result }) => `"${q}" (${audience}) → ${result.hits[0]?.section.id}`),
    );
    expect(answered, answered.join('\n')).toEqual([]);
  });
});
