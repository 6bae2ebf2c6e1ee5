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

  describe('a range of two named days, from the first day to the end of the second', () => {
    const may3to10 = ['2026-05-03T00:00:00.000Z', '2026-05-11T00:00:00.000Z', '3 to 10 May 2026'] as const;
    it.each([
      ['tickets from may 3 to may 10', ...may3to10],
      ['show my tickets created between may 3 and may 10', ...may3to10],
      ['my tickets from 3 may to 10 may', ...may3to10],
      ['from May 3rd till May 10th', ...may3to10],
      ['from may 3 until may 10', ...may3to10],
      ['may 3 - may 10', ...may3to10],
      ['May 3–May 10', ...may3to10],
      ['tickets may 3 to may 10', ...may3to10],
      ['between the 3rd of may and the 10th of may', ...may3to10],
      ['since may 3 to may 10', ...may3to10],
      ['may 3 to 10', ...may3to10],
      ['May 3-10', ...may3to10],
      ['between may 3 and 10', ...may3to10],
      ['3-10 may', ...may3to10],
      ['from 3 to 10 May 2026', ...may3to10],
      ['tickets from 3 to 10 May please', ...may3to10],
      ['between the 3rd and the 10th of may', ...may3to10],
      ['from may 3, 2026 to may 10, 2026', ...may3to10],
      ['may 3 to may 10 2026', ...may3to10],
      [
        'from march 3 to march 10',
        '2026-03-03T00:00:00.000Z',
        '2026-03-11T00:00:00.000Z',
        '3 to 10 March 2026',
      ],
      [
        'between 1 june and 15 june',
        '2026-06-01T00:00:00.000Z',
        '2026-06-16T00:00:00.000Z',
        '1 to 15 June 2026',
      ],
      ['Oct 5–12', '2026-10-05T00:00:00.000Z', '2026-10-13T00:00:00.000Z', '5 to 12 October 2026'],
      ['sep 30 - sep 30', '2026-09-30T00:00:00.000Z', '2026-10-01T00:00:00.000Z', '30 to 30 September 2026'],
      [
        'from april 28 to may 3',
        '2026-04-28T00:00:00.000Z',
        '2026-05-04T00:00:00.000Z',
        '28 April to 3 May 2026',
      ],
      [
        'from december 28 to january 3',
        '2025-12-28T00:00:00.000Z',
        '2026-01-04T00:00:00.000Z',
        '28 December 2025 to 3 January 2026',
      ],
      ['may 3 to may 10, 2025', '2025-05-03T00:00:00.000Z', '2025-05-11T00:00:00.000Z', '3 to 10 May 2025'],
      // Still running: it ends now.
      [
        'from november 2 to november 30',
        '2026-11-02T00:00:00.000Z',
        now.toISOString(),
        '2 to 30 November 2026',
      ],
    ])('reads %j', (text, from, to, label) => {
      expect(iso(text)).toEqual({ from, to, label });
    });

    it('covers the words of the whole range', () => {
      const text = 'show my tickets created between may 3 and may 10 please';
      const [p, ...rest] = findPeriods(text, now);
      expect(rest).toEqual([]);
      expect(text.slice(p!.start, p!.end)).toBe('between may 3 and may 10');
      expect(p!.to?.toISOString()).toBe('2026-05-11T00:00:00.000Z');
    });

    it('starts and ends the days in the user time zone', () => {
      expect(iso('from may 3 to may 10', 'Europe/Berlin')).toEqual({
        from: '2026-05-02T22:00:00.000Z',
        to: '2026-05-10T22:00:00.000Z',
        label: '3 to 10 May 2026',
      });
    });

    it.each([
      ['from may 10 to may 3', '2026-05-10T00:00:00.000Z', now.toISOString(), 'since 10 May 2026'],
      ['between may 10 and may 3', '2026-05-10T00:00:00.000Z', '2026-05-11T00:00:00.000Z', '10 May 2026'],
      ['may i see tickets from may', '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 'in May 2026'],
      ['from may 3 and may 10', '2026-05-03T00:00:00.000Z', now.toISOString(), 'since 3 May 2026'],
      ['from feb 27 to feb 31', '2026-02-27T00:00:00.000Z', now.toISOString(), 'since 27 February 2026'],
    ])('reads %j as no range (a second day before the first, or no range words)', (text, from, to, label) => {
      expect(iso(text)).toEqual({ from, to, label });
    });

    it.each([
      ['tickets 3 and 10'],
      ['between 3 and 10 tickets'],
      ['tickets 3 - 10'],
      ['between 3 and 10 may be open'],
      ['tickets 3-10 may be closed'],
      ['from 3 to 10 May I think'],
      ['may 10-3'],
    ])('finds none in %j', (text) => {
      expect(findPeriods(text, now)).toEqual([]);
    });
  });
});
