import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SearchAudience } from '../../src/search/doc-section.js';
import type { HelpCenter } from '../../src/search/help-center.js';

export interface AnswerableQuestion {
  q: string;
  audience: SearchAudience;
  slug: string;
  anchor: string;
  file: string;
}

export interface UnanswerableQuestion {
  q: string;
  audience: SearchAudience;
  file: string;
}

export interface QuestionSets {
  answerable: AnswerableQuestion[];
  unanswerable: UnanswerableQuestion[];
  files: string[];
}

function readItems(dir: string, prefix: string): { file: string; item: Record<string, unknown> }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && /\.ya?ml$/.test(f))
    .sort()
    .flatMap((file) => {
      const items = parse(readFileSync(join(dir, file), 'utf8')) as unknown;
      if (!Array.isArray(items)) throw new Error(`${file}: expected a list of questions`);
      return items.map((item: Record<string, unknown>) => ({ file, item }));
    });
}

/** Reads every test/data/docs-questions-*.yml and docs-unanswerable-*.yml. */
export function loadQuestionSets(dataDir: string): QuestionSets {
  const answerable = readItems(dataDir, 'docs-questions-').map(({ file, item }) => ({
    q: String(item.q),
    audience: item.audience as SearchAudience,
    slug: String(item.slug),
    anchor: item.anchor === undefined || item.anchor === null ? '' : String(item.anchor),
    file,
  }));
  const unanswerable = readItems(dataDir, 'docs-unanswerable-').map(({ file, item }) => ({
    q: String(item.q),
    audience: item.audience as SearchAudience,
    file,
  }));
  const files = existsSync(dataDir)
    ? readdirSync(dataDir).filter((f) => /^docs-(questions|unanswerable)-/.test(f))
    : [];
  return { answerable, unanswerable, files };
}

export interface QualityReport {
  answerable: number;
  top1: number;
  top3Section: number;
  top3Article: number;
  /** Share of answerable questions answered with confident: true. */
  answeredConfidently: number;
  unanswerable: number;
  /** Share of unanswerable questions that got confident: false. */
  declined: number;
  misses: string[];
  wronglyConfident: string[];
}

/** Runs every question through the help center and measures top-1 / top-3 and the cut-off. */
export function evaluateHelpCenter(helpCenter: HelpCenter, sets: QuestionSets): QualityReport {
  let top1 = 0;
  let top3Section = 0;
  let top3Article = 0;
  let confident = 0;
  const misses: string[] = [];
  for (const question of sets.answerable) {
    const result = helpCenter.search(question.q, { audience: question.audience, limit: 3 });
    const want = `${question.slug}#${question.anchor}`;
    const ids = result.hits.map((h) => h.section.id);
    if (ids[0] === want) top1++;
    else
      misses.push(
        `[${ids.indexOf(want) + 1 || '-'}] "${question.q}" want ${want} got ${ids[0] ?? 'nothing'}`,
      );
    if (ids.includes(want)) top3Section++;
    if (result.hits.some((h) => h.section.slug === question.slug)) top3Article++;
    if (result.confident) confident++;
  }
  let declined = 0;
  const wronglyConfident: string[] = [];
  for (const question of sets.unanswerable) {
    const result = helpCenter.search(question.q, { audience: question.audience, limit: 3 });
    if (!result.confident) declined++;
    else wronglyConfident.push(`"${question.q}" → ${result.hits[0]?.section.id}`);
  }
  const n = Math.max(1, sets.answerable.length);
  return {
    answerable: sets.answerable.length,
    top1: top1 / n,
    top3Section: top3Section / n,
    top3Article: top3Article / n,
    answeredConfidently: confident / n,
    unanswerable: sets.unanswerable.length,
    declined: declined / Math.max(1, sets.unanswerable.length),
    misses,
    wronglyConfident,
  };
}
