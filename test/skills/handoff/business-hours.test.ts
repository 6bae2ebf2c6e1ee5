import { describe, expect, it } from 'vitest';
import { describeInstant, isOpen, nextOpening } from '../../../src/skills/handoff/business-hours.js';

const london = {
  timezone: 'Europe/London',
  hours: {
    mon: ['09:00', '17:30'],
    tue: ['09:00', '17:30'],
    wed: ['09:00', '17:30'],
    thu: ['09:00', '17:30'],
    fri: ['09:00', '17:00'],
  },
} as const;

describe('business hours', () => {
  it('is open inside the hours of the team’s own time zone, in summer and in winter', () => {
    // 2025-07-01 is a Tuesday; London is UTC+1 (BST).
    expect(isOpen(london, new Date('2025-07-01T08:30:00Z'))).toBe(true); // 09:30 local
    expect(isOpen(london, new Date('2025-07-01T07:59:00Z'))).toBe(false); // 08:59 local
    expect(isOpen(london, new Date('2025-07-01T16:29:00Z'))).toBe(true); // 17:29 local
    expect(isOpen(london, new Date('2025-07-01T16:30:00Z'))).toBe(false); // 17:30 local: closed
    // 2025-01-07 is a Tuesday; London is UTC+0.
    expect(isOpen(london, new Date('2025-01-07T09:00:00Z'))).toBe(true);
    expect(isOpen(london, new Date('2025-01-07T08:59:00Z'))).toBe(false);
    // Saturday.
    expect(isOpen(london, new Date('2025-07-05T12:00:00Z'))).toBe(false);
  });

  it('finds the next opening: later today, tomorrow, after the weekend, across a DST change', () => {
    expect(nextOpening(london, new Date('2025-07-01T06:00:00Z'))?.toISOString()).toBe(
      '2025-07-01T08:00:00.000Z',
    );
    expect(nextOpening(london, new Date('2025-07-01T18:00:00Z'))?.toISOString()).toBe(
      '2025-07-02T08:00:00.000Z',
    );
    // Friday evening → Monday 09:00.
    expect(nextOpening(london, new Date('2025-07-04T17:00:00Z'))?.toISOString()).toBe(
      '2025-07-07T08:00:00.000Z',
    );
    // Friday 28 March 2025 evening → Monday 31 March, after the clocks went forward on Sunday.
    expect(nextOpening(london, new Date('2025-03-28T18:00:00Z'))?.toISOString()).toBe(
      '2025-03-31T08:00:00.000Z',
    );
    // Open now: now.
    const now = new Date('2025-07-01T10:00:00Z');
    expect(nextOpening(london, now)).toBe(now);
  });

  it('handles 24-hour days, days without hours, bad entries and unknown zones', () => {
    const always = { timezone: 'America/New_York', hours: { sun: ['00:00', '24:00'] } } as const;
    expect(isOpen(always, new Date('2025-07-06T23:59:00-04:00'))).toBe(true);
    expect(isOpen(always, new Date('2025-07-07T00:00:00-04:00'))).toBe(false);
    expect(nextOpening({ timezone: 'UTC', hours: {} }, new Date())).toBeNull();
    expect(
      isOpen({ timezone: 'UTC', hours: { mon: ['18:00', '09:00'] } }, new Date('2025-07-07T20:00:00Z')),
    ).toBe(false);
    expect(
      isOpen(
        { timezone: 'Mars/Olympus', hours: { mon: ['00:00', '24:00'] } },
        new Date('2025-07-07T12:00:00Z'),
      ),
    ).toBe(false);
  });

  it('describes an opening for a sentence', () => {
    const now = new Date('2025-07-04T17:00:00Z');
    expect(describeInstant(new Date('2025-07-07T08:00:00Z'), 'Europe/London', now)).toEqual({
      dayOffset: 3,
      weekday: 'Monday',
      time: '09:00',
      zone: 'GMT+1',
    });
    expect(describeInstant(new Date('2025-07-05T01:00:00Z'), 'America/Los_Angeles', now)).toMatchObject({
      dayOffset: 0,
      time: '18:00',
      zone: 'PDT',
    });
  });
});
