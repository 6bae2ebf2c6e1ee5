import { describe, expect, it } from 'vitest';
import { extractPeriod, findPeriods } from '../../../src/nlu/entities/periods.js';

// Saturday 21 November 2026, 10:00 UTC.
const now = new Date('2026-11-21T10:00:00Z');
const iso = (text: string, timeZone?: string) => {
  const p = extractPeriod(text, now, timeZone);
  return p && { from: p.from.toISOString(), to: p.to.toISOString(), label: p.label };
};

describe('extractPeriod', () => {
  it.each([
    ['tickets from last month', '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'last month'],
    ['this month', '2026-11-01T00:00:00.000Z', now.toISOString(), 'this month'],
    ['this week', '2026-11-16T00:00:00.000Z', now.toISOString(), 'this week'],
    ['last week', '2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z', 'last week'],
    ['since Monday', '2026-11-16T00:00:00.000Z', now.toISOString(), 'since Monday'],
    ['since friday', '2026-11-20T00:00:00.000Z', now.toISOString(), 'since Friday'],
    ['in March', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 'in March 2026'],
    ['in December', '2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'in December 2025'],
    ['march 2025', '2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', 'in March 2025'],
    ['yesterday', '2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z', 'yesterday'],
    ['today', '2026-11-21T00:00:00.000Z', now.toISOString(), 'today'],
    ['last 7 days', '2026-11-14T00:00:00.000Z', now.toISOString(), 'last 7 days'],
    ['past two weeks', '2026-11-07T00:00:00.000Z', now.toISOString(), 'last 2 weeks'],
    ['2026-10-01', '2026-10-01T00:00:00.000Z', '2026-10-02T00:00:00.000Z', '2026-10-01'],
    ['since 2026-10-01', '2026-10-01T00:00:00.000Z', now.toISOString(), 'since 2026-10-01'],
    [
      'from 2026-10-01 to 2026-10-15',
      '2026-10-01T00:00:00.000Z',
      '2026-10-16T00:00:00.000Z',
      '2026-10-01 to 2026-10-15',
    ],
    ['last year', '2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'last year'],
  ])('reads %j', (text, from, to, label) => {
    expect(iso(text)).toEqual({ from, to, label });
  });

  it('uses the user time zone for day boundaries', () => {
    // 10:00 UTC is 02:00 in Los Angeles (PST, UTC-8): "yesterday" there is 19 November.
    expect(iso('yesterday', 'America/Los_Angeles')).toEqual({
      from: '2026-11-20T08:00:00.000Z',
      to: '2026-11-21T08:00:00.000Z',
      label: 'yesterday',
    });
    expect(iso('since Monday', 'Europe/Berlin')?.from).toBe('2026-11-15T23:00:00.000Z');
  });

  it('falls back to UTC for an unknown time zone', () => {
    expect(iso('yesterday', 'Mars/Olympus')?.from).toBe('2026-11-20T00:00:00.000Z');
  });

  it.each([
    ['may I see my tickets'],
    ['ticket 1042'],
    ['march on'],
    ['2026-13-45'],
    ['nothing about time'],
    [''],
  ])('finds none in %j', (text) => {
    expect(extractPeriod(text, now)).toBeUndefined();
  });

  describe('"may" as a month only where it cannot be the verb', () => {
    const may2026 = ['2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 'in May 2026'] as const;
    it.each([
      ['my tickets from may', ...may2026],
      ['tickets created in May', ...may2026],
      ['tickets of may', ...may2026],
      ['during may', ...may2026],
      ['last may', ...may2026],
      ['tickets from this may', ...may2026],
      ['may 2026', ...may2026],
      ['tickets for May please', ...may2026],
      ['next may', '2027-05-01T00:00:00.000Z', '2027-06-01T00:00:00.000Z', 'in May 2027'],
      ['since may 3', '2026-05-03T00:00:00.000Z', now.toISOString(), 'since 3 May 2026'],
      ['May 3', '2026-05-03T00:00:00.000Z', '2026-05-04T00:00:00.000Z', '3 May 2026'],
      ['3 may', '2026-05-03T00:00:00.000Z', '2026-05-04T00:00:00.000Z', '3 May 2026'],
      ['tickets from 3rd of May', '2026-05-03T00:00:00.000Z', now.toISOString(), 'since 3 May 2026'],
      ['May 3, 2025', '2025-05-03T00:00:00.000Z', '2025-05-04T00:00:00.000Z', '3 May 2025'],
    ])('reads %j', (text, from, to, label) => {
      expect(iso(text)).toEqual({ from, to, label });
    });

    it.each([
      ['may i see my tickets'],
      ['May I see my tickets from support?'],
      ['you may close it'],
      ['it may be broken'],
      ['this may be broken'],
      ['Thanks. May we reopen it?'],
      ['the ticket May be closed by now'],
      ['ticket 3 may be closed'],
      ['tickets for may'],
    ])('finds none in %j', (text) => {
      expect(findPeriods(text, now)).toEqual([]);
    });
  });

  it('reads the day of other months as well', () => {
    expect(iso('since march 3')).toEqual({
      from: '2026-03-03T00:00:00.000Z',
      to: now.toISOString(),
      label: 'since 3 March 2026',
    });
    expect(iso('December 24')?.from).toBe('2025-12-24T00:00:00.000Z');
    expect(iso('before 31 feb')).toBeUndefined();
  });
});
