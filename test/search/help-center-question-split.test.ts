import { describe, expect, it } from 'vitest';
import { splitHelpCenterQuestions } from '../../bench/search-split.js';

const question = (q: string, file: string) => ({ q, file });

describe('the help-center question split', () => {
  const pooled = Array.from({ length: 40 }, (_, i) =>
    question(`q${i}`, i % 2 ? 'docs-questions-a.yml' : 'docs-questions-b.yml'),
  );
  const unanswerable = Array.from({ length: 10 }, (_, i) => question(`u${i}`, 'docs-unanswerable-a.yml'));

  it('sends every question of a held-out file to the report half', () => {
    const heldOut = [
      question('h1', 'docs-questions-heldout.yml'),
      question('h2', 'docs-questions-heldout.yml'),
    ];
    const heldOutUnanswerable = [question('hu', 'docs-unanswerable-heldout.yml')];
    const split = splitHelpCenterQuestions({
      answerable: [...pooled, ...heldOut],
      unanswerable: [...unanswerable, ...heldOutUnanswerable],
    });
    expect(split.report.answerable).toEqual(expect.arrayContaining(heldOut));
    expect(split.report.unanswerable).toEqual(expect.arrayContaining(heldOutUnanswerable));
    expect(split.tune.answerable.some((q) => q.file.includes('heldout'))).toBe(false);
    expect(split.tune.unanswerable.some((q) => q.file.includes('heldout'))).toBe(false);
  });

  it('splits the other questions exactly as without the held-out files', () => {
    const without = splitHelpCenterQuestions({ answerable: pooled, unanswerable });
    const withHeldOut = splitHelpCenterQuestions({
      answerable: [question('h1', 'docs-questions-heldout.yml'), ...pooled],
      unanswerable: [...unanswerable, question('hu', 'docs-unanswerable-heldout.yml')],
    });
    expect(withHeldOut.tune).toEqual(without.tune);
    expect(withHeldOut.report.answerable.filter((q) => !q.file.includes('heldout'))).toEqual(
      without.report.answerable,
    );
    expect(without.tune.answerable).toHaveLength(20);
  });

  it('keeps every question of a tuning file in the tuning half, and the others where they were', () => {
    const without = splitHelpCenterQuestions({ answerable: pooled, unanswerable });
    const tuning = question('t1', 'docs-questions-tuning.yml');
    const withTuning = splitHelpCenterQuestions({ answerable: [tuning, ...pooled], unanswerable });
    expect(withTuning.tune.answerable).toEqual([...without.tune.answerable, tuning]);
    expect(withTuning.report).toEqual(without.report);
  });
});
