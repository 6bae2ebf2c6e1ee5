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

describe('days, weeks and months ago, and weekdays after a filing verb', () => {
  // Thursday 10 April 2025, 09:00 UTC.
  const thu = new Date('2025-04-10T09:00:00Z');
  const at = (text: string, timeZone?: string) =>
    findPeriods(text, thu, timeZone).map((p) => ({
      ...(p.from ? { from: p.from.toISOString().slice(0, 10) } : {}),
      ...(p.to ? { to: p.to.toISOString().slice(0, 10) } : {}),
      label: p.label,
    }));

  it.each([
    ['tickets created 3 days ago', '2025-04-07', '2025-04-08', '3 days ago'],
    ['tickets created three days ago', '2025-04-07', '2025-04-08', '3 days ago'],
    ['a day ago', '2025-04-09', '2025-04-10', 'a day ago'],
    ['30 days ago', '2025-03-11', '2025-03-12', '30 days ago'],
    // The calendar week (Monday to Sunday) that held the day a week ago.
    ['tickets opened a week ago', '2025-03-31', '2025-04-07', 'a week ago'],
    ['2 weeks ago', '2025-03-24', '2025-03-31', '2 weeks ago'],
    // The calendar month that held the day a month ago.
    ['a month ago', '2025-03-01', '2025-04-01', 'a month ago'],
    ['tickets from 3 months ago', '2025-01-01', '2025-02-01', '3 months ago'],
    ['a year ago', '2024-01-01', '2025-01-01', 'a year ago'],
    ['tickets created the day before yesterday', '2025-04-08', '2025-04-09', 'the day before yesterday'],
    ['day before yesterday', '2025-04-08', '2025-04-09', 'the day before yesterday'],
    ['yesterday', '2025-04-09', '2025-04-10', 'yesterday'],
    ['today', '2025-04-10', '2025-04-11', 'today'],
    // A weekday after a filing verb, or "last …": the latest such day before today.
    ['tickets created last friday', '2025-04-04', '2025-04-05', 'last Friday'],
    ['last friday', '2025-04-04', '2025-04-05', 'last Friday'],
    ['tickets created friday', '2025-04-04', '2025-04-05', 'Friday'],
    ['tickets created on friday', '2025-04-04', '2025-04-05', 'Friday'],
    ['tickets on friday', '2025-04-04', '2025-04-05', 'Friday'],
    ['tickets I filed on Monday', '2025-04-07', '2025-04-08', 'Monday'],
    ['the ticket I opened wed', '2025-04-09', '2025-04-10', 'Wednesday'],
    ['tickets opened on sat', '2025-04-05', '2025-04-06', 'Saturday'],
    // On a Thursday, "last thursday" and "created thursday" are a week ago.
    ['tickets created last thursday', '2025-04-03', '2025-04-04', 'last Thursday'],
    ['tickets created thursday', '2025-04-03', '2025-04-04', 'Thursday'],
    ['tickets on thursday', '2025-04-03', '2025-04-04', 'Thursday'],
  ])('reads %j as one day or span', (text, from, to, label) => {
    expect(at(text)).toEqual([{ from, to, label }]);
  });

  it.each([
    ['tickets created since 3 days ago', { from: '2025-04-07', label: 'since 3 days ago' }],
    ['since the day before yesterday', { from: '2025-04-08', label: 'since the day before yesterday' }],
    ['since last thursday', { from: '2025-04-03', label: 'since last Thursday' }],
    // "since" with a bare weekday keeps today in: "since Thursday" on a Thursday is today.
    ['since thursday', { from: '2025-04-10', label: 'since Thursday' }],
    ['tickets created before april', { to: '2025-04-01', label: 'before April 2025' }],
    ['tickets created before 1 april', { to: '2025-04-01', label: 'before 1 April 2025' }],
    ['tickets created after march', { from: '2025-04-01', label: 'after March 2025' }],
    ['tickets created since last week', { from: '2025-03-31', label: 'since last week' }],
    ['tickets created before last friday', { to: '2025-04-04', label: 'before last Friday' }],
  ])('reads %j with its open end', (text, want) => {
    expect(at(text)).toEqual([want]);
  });

  it('starts the days in the user time zone', () => {
    // 09:00 UTC is 02:00 in Los Angeles (PDT, UTC-7), still Thursday there.
    const la = (text: string) => findPeriods(text, thu, 'America/Los_Angeles')[0]?.from?.toISOString();
    expect(la('3 days ago')).toBe('2025-04-07T07:00:00.000Z');
    expect(la('created last friday')).toBe('2025-04-04T07:00:00.000Z');
  });

  it('ends "a day ago" and "last friday" where they end, not now', () => {
    expect(extractPeriod('tickets created last friday', thu)?.to.toISOString()).toBe(
      '2025-04-05T00:00:00.000Z',
    );
    expect(extractPeriod('3 days ago', thu)?.to.toISOString()).toBe('2025-04-08T00:00:00.000Z');
  });

  it.each([
    ['I may need help'],
    ['sun hat campaign'],
    ['tickets for the sun hat campaign'],
    ['tickets for sun hat campaign'],
    ['tickets on sun hat campaign'],
    ['tickets created for sun hat campaign'],
    ['the last sat nav order'],
    ['last sun hat order'],
    ['it sat in the queue'],
    ['we wed the feeds together'],
    ['friday'],
    ['see you friday'],
    ['my friday promo tickets'],
    ['3 days'],
    ['it took 3 days'],
    ['days ago'],
    ['a week'],
    ['the day before'],
  ])('finds none in %j', (text) => {
    expect(findPeriods(text, thu)).toEqual([]);
  });
});
