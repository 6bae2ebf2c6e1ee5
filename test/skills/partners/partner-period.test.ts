import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../../src/skills/partners/partner-period.js';

const now = new Date('2026-06-15T12:00:00Z');
const span = (text: string) =>
  findPeriods(text, now).map((p) => [
    p.period.from?.toISOString().slice(0, 10),
    p.period.to?.toISOString().slice(0, 10),
  ]);

describe('join periods in questions', () => {
  it.each([
    ['who joined last month', [['2026-05-01', '2026-06-01']]],
    ['joined this year', [['2026-01-01', '2027-01-01']]],
    ['partners joined in 2024', [['2024-01-01', '2025-01-01']]],
    ['since March', [['2026-03-01', undefined]]],
    ['before 2021', [[undefined, '2021-01-01']]],
    ['after June 2025', [['2025-07-01', undefined]]],
    ['in the past 30 days', [['2026-05-16', '2026-06-16']]],
    ['joined in July', [['2025-07-01', '2025-08-01']]],
    ['who joined in Q1 2025', [['2025-01-01', '2025-04-01']]],
    ['last week', [['2026-06-08', '2026-06-15']]],
  ])('%s', (text, expected) => {
    expect(span(text.toLowerCase())).toEqual(expected);
  });

  it('leaves "may" alone unless it names a month', () => {
    expect(span('may i see our partners')).toEqual([]);
    expect(span('joined in may')).toEqual([['2026-05-01', '2026-06-01']]);
  });
});
