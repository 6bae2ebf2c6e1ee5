import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerPartnerQuestion, type PartnerAnswer } from '../../../src/skills/partners/partner-answerer.js';
import { parsePartnerQuestion } from '../../../src/skills/partners/partner-question-parser.js';
import { createPartnerSnapshots } from '../../../src/skills/partners/partner-snapshots.js';
import { createPartnerRepository } from '../../../src/store/partner-repository.js';
import type { TestDatabase } from '../../support/test-database.js';
import { testProviders } from '../../support/test-database.js';
import { createPartnerTestDatabase, QUESTION_NOW } from './partner-test-directory.js';

interface Expectation {
  partner?: string;
  fields?: string[];
  count?: number;
  total?: number;
  sort?: string;
  first?: string[];
  choices?: string[];
  notFound?: boolean;
  unknownFilter?: boolean;
}
interface QuestionCase {
  q: string;
  as?: 'alice' | 'nora';
  expect: Expectation;
}

const data = parse(readFileSync('test/data/partner-questions.yml', 'utf8')) as {
  now: string;
  questions: QuestionCase[];
};
const ACCOUNTS = { alice: 'acc_demo_brand', nora: 'acc_northpeak' } as const;

/** Why an answer is not exactly the expected one; null when it is. */
function mismatch(answer: PartnerAnswer, e: Expectation): string | null {
  const got = JSON.stringify(summary(answer));
  if (e.partner !== undefined) {
    if (answer.kind !== 'one' || answer.partner.partnerId !== e.partner) return got;
    const fields = [...answer.fields].sort().join(',');
    return fields === [...(e.fields ?? [])].sort().join(',') ? null : `fields ${fields}`;
  }
  if (e.count !== undefined) return answer.kind === 'count' && answer.total === e.count ? null : got;
  if (e.total !== undefined) {
    if (answer.kind !== 'list' || answer.total !== e.total || answer.sort !== e.sort) return got;
    return answer.items.map((p) => p.partnerId).join(',') === (e.first ?? []).join(',') ? null : got;
  }
  if (e.choices) {
    if (answer.kind !== 'choices') return got;
    return answer.partners
      .map((p) => p.partnerId)
      .sort()
      .join(',') === e.choices.join(',')
      ? null
      : got;
  }
  if (e.notFound) return answer.kind === 'not-found' ? null : got;
  if (e.unknownFilter) return answer.kind === 'unknown-filter' ? null : got;
  return 'no expectation';
}

function summary(a: PartnerAnswer): unknown {
  switch (a.kind) {
    case 'one':
      return { one: a.partner.partnerId, fields: a.fields };
    case 'list':
      return {
        total: a.total,
        sort: a.sort,
        first: a.items.slice(0, 3).map((p) => p.partnerId),
        filter: a.filter,
      };
    case 'count':
      return { count: a.total, filter: a.filter };
    case 'choices':
      return { choices: a.partners.map((p) => p.partnerId) };
    default:
      return a;
  }
}

/** Row ids of every partner an answer shows (cards, list items, choices, closest names). */
function shownRowIds(a: PartnerAnswer): string[] {
  switch (a.kind) {
    case 'one':
      return [a.partner.id];
    case 'list':
      return a.items.map((p) => p.id);
    case 'choices':
      return a.partners.map((p) => p.id);
    case 'not-found':
      return a.closest.map((p) => p.id);
    case 'several':
      return a.answers.flatMap(shownRowIds);
    default:
      return [];
  }
}

describe.each(testProviders())('partner questions on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createPartnerTestDatabase(provider);
  });
  afterAll(() => database.drop());

  it('has at least 120 questions, all asked at the instant the expectations were computed for', () => {
    expect(data.questions.length).toBeGreaterThanOrEqual(120);
    expect(new Date(data.now).getTime()).toBe(QUESTION_NOW.getTime());
  });

  it('answers at least 95% exactly right and never shows another account’s partner', async () => {
    const repository = createPartnerRepository(database.prisma);
    const snapshots = createPartnerSnapshots(repository);
    const wrong: string[] = [];
    const leaks: string[] = [];
    for (const c of data.questions) {
      const accountId = ACCOUNTS[c.as ?? 'alice'];
      const snapshot = await snapshots.get(accountId);
      const question = parsePartnerQuestion(c.q, {
        now: QUESTION_NOW,
        lexicon: snapshot.lexicon,
        names: snapshot.names,
      });
      const answer = await answerPartnerQuestion(question, { repository, snapshot, accountId });
      const why = mismatch(answer, c.expect);
      if (why) wrong.push(`${c.as ?? 'alice'}: "${c.q}" → ${why}`);
      const ids = shownRowIds(answer);
      if (ids.length > 0) {
        const rows = await database.prisma.partner.findMany({
          where: { id: { in: ids } },
          select: { accountId: true, name: true },
        });
        for (const r of rows)
          if (r.accountId !== accountId) leaks.push(`"${c.q}" showed ${r.name} of ${r.accountId}`);
      }
    }
    const right = data.questions.length - wrong.length;
    console.info(`partner questions on ${provider}: ${right}/${data.questions.length} exactly right`);
    expect(leaks).toEqual([]);
    expect(right / data.questions.length, `wrong answers:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    if (wrong.length > 0) console.info(`not exactly right:\n${wrong.join('\n')}`);
  });
});
