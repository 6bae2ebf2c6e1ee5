import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HelpCenter, loadHelpCenter } from '../../src/search/help-center.js';
import { evaluateHelpCenter, loadQuestionSets, type QualityReport } from './help-center-question-sets.js';

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

  it('puts the expected section first for at least 80% of questions', () => {
    expect(report.top1, `top-1 misses:\n${report.misses.join('\n')}`).toBeGreaterThanOrEqual(0.8);
  });

  it('shows the expected article among the top 3 hits for at least 95% of questions', () => {
    expect(report.top3Article, `top-1 misses:\n${report.misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('says it found nothing good for at least 90% of questions the docs do not answer', () => {
    expect(
      report.declined,
      `answered confidently:\n${report.wronglyConfident.join('\n')}`,
    ).toBeGreaterThanOrEqual(0.9);
  });
});
