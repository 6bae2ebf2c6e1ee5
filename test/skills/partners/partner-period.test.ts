import { describe, expect, it } from 'vitest';
import { findPeriods, intersectPeriods } from '../../../src/nlu/entities/periods.js';

const now = new Date('2026-06-15T12:00:00Z');
const span = (text: string) =>
  findPeriods(text, now).map((p) => [p.from?.toISOString().slice(0, 10), p.to?.toISOString().slice(0, 10)]);

describe('join periods in partner questions', () => {
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

  it('reads a lead word only as a whole word', () => {
    expect(span('partners that begin 2024')).toEqual([]);
    expect(span('partners joined in 2024')).toEqual([['2024-01-01', '2025-01-01']]);
  });

  it('says where the words of each period are, lead word included', () => {
    const text = 'active partners since march in canada before 2026-04-15';
    const found = findPeriods(text, now).map((p) => text.slice(p.start, p.end));
    expect(found).toEqual(['since march', 'before 2026-04-15']);
  });

  it('intersects the periods of one question', () => {
    const periods = findPeriods('joined in 2024 before june 2024', now);
    expect(intersectPeriods(periods)).toEqual({
      from: new Date('2024-01-01T00:00:00Z'),
      to: new Date('2024-06-01T00:00:00Z'),
    });
  });
});
