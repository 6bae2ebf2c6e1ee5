import { dayIn, safeTimeZone, startOfDay } from './zoned-calendar.js';

/** A time range [from, to) and the words it was read from. */
export interface Period {
  from: Date;
  to: Date;
  label: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE =
  'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fourteen: 14,
  thirty: 30,
};

const monthIndex = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
const weekdayIndex = (word: string) =>
  WEEKDAYS.findIndex((d) => d.startsWith(word.slice(0, 3).toLowerCase()));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Clock {
  now: Date;
  tz: string;
  today: ReturnType<typeof dayIn>;
}

function day(clock: Clock, offsetDays: number): Date {
  return startOfDay(clock.today.year, clock.today.month, clock.today.day + offsetDays, clock.tz);
}

function isoDay(text: string, clock: Clock): Date | null {
  const m = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return startOfDay(y, mo, d, clock.tz);
}

/** The latest past (or current) occurrence of a month, as a [from, to) range. */
function monthRange(clock: Clock, month: number, year?: number): { from: Date; to: Date; year: number } {
  const y = year ?? (month <= clock.today.month ? clock.today.year : clock.today.year - 1);
  return { from: startOfDay(y, month, 1, clock.tz), to: startOfDay(y, month + 1, 1, clock.tz), year: y };
}

type Rule = (m: RegExpMatchArray, clock: Clock) => Period | null;

const RULES: ReadonlyArray<[RegExp, Rule]> = [
  [
    /\b(?:from|between)\s+(\d{4}-\d{1,2}-\d{1,2})\s+(?:to|and|until|till|-)\s+(\d{4}-\d{1,2}-\d{1,2})\b/i,
    (m, c) => {
      const from = isoDay(m[1]!, c);
      const last = isoDay(m[2]!, c);
      if (!from || !last) return null;
      const to = new Date(last.getTime() + 36 * 3600_000);
      return { from, to: startOfDay(...ymd(to, c), c.tz), label: `${m[1]} to ${m[2]}` };
    },
  ],
  [
    /\b(?:since|after|from)\s+(\d{4}-\d{1,2}-\d{1,2})\b/i,
    (m, c) => {
      const from = isoDay(m[1]!, c);
      return from ? { from, to: c.now, label: `since ${m[1]}` } : null;
    },
  ],
  [
    /\b(?:on\s+)?(\d{4}-\d{1,2}-\d{1,2})\b/i,
    (m, c) => {
      const from = isoDay(m[1]!, c);
      return from
        ? { from, to: startOfDay(...ymd(new Date(from.getTime() + 36 * 3600_000), c), c.tz), label: m[1]! }
        : null;
    },
  ],
  [/\btoday\b/i, (_m, c) => ({ from: day(c, 0), to: c.now, label: 'today' })],
  [/\bsince yesterday\b/i, (_m, c) => ({ from: day(c, -1), to: c.now, label: 'since yesterday' })],
  [/\byesterday\b/i, (_m, c) => ({ from: day(c, -1), to: day(c, 0), label: 'yesterday' })],
  [
    /\b(?:in the |over the |during the )?(?:last|past|previous)\s+(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)\s+(day|week|month|year)s?\b/i,
    (m, c) => {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!.toLowerCase()] ?? 1);
      const unit = m[2]!.toLowerCase();
      return {
        from: day(c, -n * UNIT_DAYS[unit]!),
        to: c.now,
        label: `last ${n} ${unit}${n === 1 ? '' : 's'}`,
      };
    },
  ],
  [
    /\b(this|last|previous|past)\s+(week|month|year)\b/i,
    (m, c) => {
      const which = m[1]!.toLowerCase() === 'this' ? 'this' : 'last';
      const unit = m[2]!.toLowerCase();
      const { year, month, weekday } = c.today;
      if (unit === 'week') {
        const monday = -((weekday + 6) % 7);
        return which === 'this'
          ? { from: day(c, monday), to: c.now, label: 'this week' }
          : { from: day(c, monday - 7), to: day(c, monday), label: 'last week' };
      }
      if (unit === 'month') {
        return which === 'this'
          ? { from: startOfDay(year, month, 1, c.tz), to: c.now, label: 'this month' }
          : {
              from: startOfDay(year, month - 1, 1, c.tz),
              to: startOfDay(year, month, 1, c.tz),
              label: 'last month',
            };
      }
      return which === 'this'
        ? { from: startOfDay(year, 1, 1, c.tz), to: c.now, label: 'this year' }
        : { from: startOfDay(year - 1, 1, 1, c.tz), to: startOfDay(year, 1, 1, c.tz), label: 'last year' };
    },
  ],
  [
    new RegExp(`\\bsince\\s+(?:last\\s+)?(${WEEKDAY_RE})\\b`, 'i'),
    (m, c) => {
      const target = weekdayIndex(m[1]!);
      const back = (c.today.weekday - target + 7) % 7;
      return { from: day(c, -back), to: c.now, label: `since ${capitalise(WEEKDAYS[target]!)}` };
    },
  ],
  [
    new RegExp(`\\b(?:since|after)\\s+(${MONTH_RE})(?:\\s+(\\d{4}))?\\b`, 'i'),
    (m, c) => {
      const r = monthRange(c, monthIndex(m[1]!), m[2] ? Number(m[2]) : undefined);
      return { from: r.from, to: c.now, label: `since ${MONTH_NAMES[monthIndex(m[1]!) - 1]!} ${r.year}` };
    },
  ],
  [
    // "in March", "during march 2026", "from March", "March 2026"; a bare "may" is a verb, so it needs a cue.
    new RegExp(
      `\\b(?:(?:in|during|from|for|of)\\s+(${MONTH_RE})(?:\\s+(\\d{4}))?|(${MONTH_RE})\\s+(\\d{4}))\\b`,
      'i',
    ),
    (m, c) => {
      const word = (m[1] ?? m[3])!;
      const yearText = m[2] ?? m[4];
      if (/^mar$|^may$/i.test(word) && !yearText && !/\b(?:in|during)\s/i.test(m[0])) return null;
      const r = monthRange(c, monthIndex(word), yearText ? Number(yearText) : undefined);
      const label = `${MONTH_NAMES[monthIndex(word) - 1]!} ${r.year}`;
      return { from: r.from, to: r.to, label: `in ${label}` };
    },
  ],
];

function ymd(date: Date, c: Clock): [number, number, number] {
  const d = dayIn(date, c.tz);
  return [d.year, d.month, d.day];
}

/**
 * The first time period named in the text ("last month", "this week", "since Monday", "in March",
 * "yesterday", "last 7 days", "2026-10-01", "from 2026-10-01 to 2026-10-15"), as [from, to) in the
 * user's time zone (UTC by default). Months without a year mean their latest occurrence up to now.
 */
export function extractPeriod(text: string, now: Date, timeZone?: string): Period | undefined {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return undefined;
  const tz = safeTimeZone(timeZone);
  const clock: Clock = { now, tz, today: dayIn(now, tz) };
  for (const [re, rule] of RULES) {
    const m = text.match(re);
    if (m) {
      const period = rule(m, clock);
      if (period) return period;
    }
  }
  return undefined;
}
