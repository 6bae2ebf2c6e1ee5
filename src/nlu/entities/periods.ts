import { dayIn, safeTimeZone, startOfDay } from './zoned-calendar.js';

/** A time range [from, to) and the words it was read from. */
export interface Period {
  from: Date;
  to: Date;
  label: string;
}

/**
 * A time span named in a text: [from, to) where either end may be open
 * ("since March", "before 2021"), and where its words are in the text.
 * Calendar spans run to their end ("this year" ends on 1 January next year).
 */
export interface PeriodMention {
  readonly from?: Date;
  readonly to?: Date;
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
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
const UNIT_RE = '(day|week|month|quarter|year)s?';
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
const AMOUNT_RE = `\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')}`;
const ISO_DAY_RE = '\\d{4}-\\d{1,2}-\\d{1,2}';

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

interface Clock {
  readonly now: Date;
  readonly tz: string;
  /** Today in the zone, worked out on first use (most texts name no period). */
  readonly today: ReturnType<typeof dayIn>;
}

function clockAt(now: Date, tz: string): Clock {
  let day: ReturnType<typeof dayIn> | undefined;
  return {
    now,
    tz,
    get today() {
      day ??=
        tz === 'UTC'
          ? {
              year: now.getUTCFullYear(),
              month: now.getUTCMonth() + 1,
              day: now.getUTCDate(),
              weekday: now.getUTCDay(),
            }
          : dayIn(now, tz);
      return day;
    },
  };
}

/** A calendar day as (year, month 1–12, day); months and days may overflow. */
interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const monthIndex = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
const amount = (word: string) =>
  /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? 1);
const unitOf = (word: string) => word.toLowerCase().replace(/s$/, '') as Unit;

function instant(c: Clock, day: Day): Date {
  // UTC needs no time zone arithmetic.
  if (c.tz === 'UTC') return new Date(Date.UTC(day.y, day.m - 1, day.d));
  return startOfDay(day.y, day.m, day.d, c.tz);
}

function today(c: Clock): Day {
  return { y: c.today.year, m: c.today.month, d: c.today.day };
}

function startOf(unit: Unit, c: Clock): Day {
  const { year: y, month: m, day: d, weekday } = c.today;
  switch (unit) {
    case 'day':
      return { y, m, d };
    case 'week':
      // Weeks start on Monday.
      return { y, m, d: d - ((weekday + 6) % 7) };
    case 'month':
      return { y, m, d: 1 };
    case 'quarter':
      return { y, m: m - ((m - 1) % 3), d: 1 };
    case 'year':
      return { y, m: 1, d: 1 };
  }
}

function add(day: Day, unit: Unit, n: number): Day {
  switch (unit) {
    case 'day':
      return { ...day, d: day.d + n };
    case 'week':
      return { ...day, d: day.d + 7 * n };
    case 'month':
      return { ...day, m: day.m + n };
    case 'quarter':
      return { ...day, m: day.m + 3 * n };
    case 'year':
      return { ...day, y: day.y + n };
  }
}

function isoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? { y, m: mo, d } : null;
}

/** What one expression names, before the word in front of it ("since", "before") is applied. */
interface Span {
  readonly from: Date;
  readonly to: Date;
  readonly label: string;
  /** A calendar name read as "in …" ("in March 2026", "in 2024", "in Q1 2025"). */
  readonly named?: boolean;
  /** A date read as a starting point after "from" ("from 2026-10-01" = since then). */
  readonly isDay?: boolean;
  /**
   * Counts only after one of these words in front: alone it is too often another
   * word ("may I", "march on", a number, a weekday in a name).
   */
  readonly cues?: RegExp;
  /** Already a whole range: the word in front of it does not change it. */
  readonly closed?: boolean;
}

/** The word in front of an expression that makes it a start, an end, or just where it is. */
const LEAD =
  /(?:^|[^a-z0-9])((since|after|from|before|until|till|prior\s+to|in|during|over|within|for|of|on)\s+)$/i;
const ANY_LEAD = /./;
/** Words in front that make "may" and "mar" months even in lower case ("for" or "on" do not: "for may I…"). */
const MONTH_CUES = /^(?:since|after|before|until|till|prior\s+to|in|during|from|of)$/i;
/** What follows the verb "may" and never the month: a pronoun ("May I…", "may we…"). */
const PRONOUN_NEXT = /^\s+(?:i|we|you|he|she|it|they|one)\b/i;
/** The start of the message or of a sentence, where a capital letter says nothing. */
const SENTENCE_START = /(?:^|[.!?]\s*|\n\s*)$/;
/** A word after "may": the verb's infinitive ("this may be", "3 may take"), never a date's end. */
const WORD_NEXT = /^\s+[a-z]/i;
/** A year next to a month or a day ("May 2026", "May 3, 2026"). */
const YEAR_RE = '(?:19|20)\\d{2}';
const DAY_RE = '([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';

type Rule = readonly [RegExp, (m: RegExpExecArray, c: Clock) => Span | null];

const span = (c: Clock, from: Day, to: Day, label: string, extra: Partial<Span> = {}): Span => ({
  from: instant(c, from),
  to: instant(c, to),
  label,
  ...extra,
});

/** The month named, in the given year or else its latest occurrence that has started. */
function monthSpan(c: Clock, word: string, year: string | undefined, cues: RegExp | undefined): Span {
  const m = monthIndex(word);
  const y = year ? Number(year) : m <= c.today.month ? c.today.year : c.today.year - 1;
  return span(c, { y, m, d: 1 }, { y, m: m + 1, d: 1 }, `${MONTH_NAMES[m - 1]!} ${y}`, {
    named: true,
    ...(cues ? { cues } : {}),
  });
}

/** The words in front a month needs: none with a year, a telling word for "may"/"mar", else any. */
function monthCues(m: RegExpExecArray, word: string, year: string | undefined): RegExp | undefined {
  if (year) return undefined;
  if (!/^(may|mar)$/i.test(word)) return ANY_LEAD;
  // "for May", "tickets on May": a capital inside a sentence, not before a pronoun ("May I…"), is the month.
  const after = m.input.slice(m.index + m[0].length);
  const capitalised = word === 'May' || word === 'Mar';
  if (capitalised && !SENTENCE_START.test(m.input.slice(0, m.index)) && !PRONOUN_NEXT.test(after)) {
    return ANY_LEAD;
  }
  return MONTH_CUES;
}

/** The year of the latest occurrence of a month's day that has started (today included). */
function startedYear(c: Clock, m: number, d: number): number {
  const { year, month, day } = c.today;
  return m < month || (m === month && d <= day) ? year : year - 1;
}

/** Whether the day exists ("31 February" does not). */
const isRealDay = ({ y, m, d }: Day) => new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;

/** One day of a month, in the given year or else its latest occurrence that has started. */
function daySpan(c: Clock, word: string, dayText: string, year: string | undefined): Span | null {
  const m = monthIndex(word);
  const d = Number(dayText);
  const y = year ? Number(year) : startedYear(c, m, d);
  // No such day ("31 February"): not a date.
  if (!isRealDay({ y, m, d })) return null;
  return span(c, { y, m, d }, { y, m, d: d + 1 }, `${d} ${MONTH_NAMES[m - 1]!} ${y}`, { isDay: true });
}

/** A day named by its month and number, with the year when one was written. */
interface NamedDay {
  readonly m: number;
  readonly d: number;
  readonly y?: number;
}

/** Ranges run across the new year ("December 28 to January 3") for at most this many months of names. */
const MAX_WRAP_MONTHS = 6;

/**
 * From the first day's start to the second day's end ("May 3 to May 10"), one period.
 * A year written on either day sets the other's; with none, the first day is its latest
 * occurrence that has started. The second day runs into the next year when its month comes
 * soon after the first's ("December 28 to January 3"); otherwise a second day before the
 * first is no range.
 */
function dayRangeSpan(c: Clock, a: NamedDay, b: NamedDay): Span | null {
  const wraps = b.m < a.m && b.m + 12 - a.m <= MAX_WRAP_MONTHS ? 1 : 0;
  const ya = a.y ?? (b.y !== undefined ? b.y - wraps : startedYear(c, a.m, a.d));
  const yb = b.y ?? ya + wraps;
  const first: Day = { y: ya, m: a.m, d: a.d };
  const last: Day = { y: yb, m: b.m, d: b.d };
  if (!isRealDay(first) || !isRealDay(last)) return null;
  if (Date.UTC(yb, b.m - 1, b.d) < Date.UTC(ya, a.m - 1, a.d)) return null;
  return span(c, first, add(last, 'day', 1), dayRangeLabel(first, last), { closed: true });
}

/** "3 to 10 May 2026", "28 April to 3 May 2026", "28 December 2025 to 3 January 2026". */
function dayRangeLabel(first: Day, last: Day): string {
  const month = (day: Day) => MONTH_NAMES[day.m - 1]!;
  const end = `${last.d} ${month(last)} ${last.y}`;
  if (first.y !== last.y) return `${first.d} ${month(first)} ${first.y} to ${end}`;
  if (first.m !== last.m) return `${first.d} ${month(first)} to ${end}`;
  return `${first.d} to ${end}`;
}

/** The day number alone, without a capture group ("3", "03", "3rd"). */
const DAY_NUMBER_RE = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
/** "May 3", "3 May", "the 3rd of May", each with an optional year; groups named after the prefix. */
const namedDayRe = (p: string) =>
  `(?:(?<${p}Month>${MONTH_RE})\\.?\\s+(?<${p}Day>${DAY_NUMBER_RE})|(?:the\\s+)?(?<${p}Day2>${DAY_NUMBER_RE})\\s+(?:of\\s+)?(?<${p}Month2>${MONTH_RE}))(?:,?\\s+(?<${p}Year>${YEAR_RE}))?`;
/** The words between the two days of a range: a dash, or "to", "till", "until", "through", "and". */
const RANGE_JOIN_RE = '(?:\\s*[-\u2013\u2014]\\s*|\\s+(?<join>to|till|til|until|through|thru|and)\\s+)';
/** "from" or "between" in front of a range, read as part of it. */
const RANGE_LEAD_RE = '(?:(?<lead>from|between)\\s+)?';
/** A day number is not followed by more digits or a time ("May 3 to 10:30"). */
const NO_MORE_DIGITS = '\\b(?![:.,/-]?\\d)';

const dayNumber = (text: string) => Number.parseInt(text, 10);

/** The day a `namedDayRe(p)` matched. */
function namedDayOf(g: Record<string, string | undefined>, p: string): NamedDay {
  const year = g[`${p}Year`];
  return {
    m: monthIndex(g[`${p}Month`] ?? g[`${p}Month2`]!),
    d: dayNumber(g[`${p}Day`] ?? g[`${p}Day2`]!),
    ...(year ? { y: Number(year) } : {}),
  };
}

/** "and" joins a range only after "between" ("tickets from May 3 and May 10" names two days). */
const joinFits = (g: Record<string, string | undefined>) =>
  g.join?.toLowerCase() !== 'and' || g.lead?.toLowerCase() === 'between';

/**
 * "3-10 may be closed": "may" before a word, without a year, is the verb; a capital "May"
 * after "from" or "between" and not before a pronoun is the month ("from 3 to 10 May please").
 */
function verbMayAfter(m: RegExpExecArray, monthWord: string, year: string | undefined): boolean {
  const after = m.input.slice(m.index + m[0].length);
  if (year || !/^(may|mar)$/i.test(monthWord) || !WORD_NEXT.test(after)) return false;
  const capitalised = monthWord === 'May' || monthWord === 'Mar';
  return !(capitalised && m.groups?.lead && !PRONOUN_NEXT.test(after));
}

/** "last May", "this May", "next May": the one before this month, this year's, the one after this month. */
function relativeMonthSpan(c: Clock, which: string, word: string): Span {
  const m = monthIndex(word);
  const { year, month } = c.today;
  const w = which.toLowerCase();
  const y = w === 'this' ? year : w === 'last' ? (m < month ? year : year - 1) : m > month ? year : year + 1;
  return span(c, { y, m, d: 1 }, { y, m: m + 1, d: 1 }, `${MONTH_NAMES[m - 1]!} ${y}`, { named: true });
}

/** Two days of one month ("May 3 to 10", "3-10 May"), from the `month`, `first`, `last`, `year` groups. */
function monthDaysRange(m: RegExpExecArray, c: Clock): Span | null {
  const g = m.groups!;
  if (!joinFits(g)) return null;
  const month = monthIndex(g.month!);
  const year = g.year ? { y: Number(g.year) } : {};
  return dayRangeSpan(
    c,
    { m: month, d: dayNumber(g.first!), ...year },
    { m: month, d: dayNumber(g.last!), ...year },
  );
}

/**
 * "3 days ago" is that calendar day. "a week ago", "2 months ago", "a year ago" are the calendar
 * week (Monday to Sunday), month or year that held the day that long ago: someone looking for a
 * ticket "filed a week ago" remembers it roughly, and last week finds it whichever day it was.
 */
function agoSpan(c: Clock, n: number, unit: Unit): Span {
  const label = n === 1 ? `a ${unit} ago` : `${n} ${unit}s ago`;
  const first = add(startOf(unit, c), unit, -n);
  return span(c, first, add(first, unit, 1), label);
}

/** Verbs of filing a ticket: a weekday right after them ("created friday", "opened on Monday") is a date. */
const FILED_BEFORE =
  /\b(?:created|opened|filed|raised|submitted|logged|reported|sent|updated)\s+(?:on\s+)?$/i;
/** "on" right in front: "tickets on friday" is a day that has passed. */
const ON_BEFORE = /\bon\s+$/i;
/** Weekday abbreviations that are also words ("the sun hat campaign", "it sat there", "we wed"). */
const WORD_LIKE_WEEKDAY = /^(?:sun|sat|wed)$/i;
/** The words in front such an abbreviation needs ("for sun…", "in sat…" are not dates). */
const WORD_LIKE_WEEKDAY_CUES = /^(?:since|after|from|before|until|till|prior\s+to|on)$/i;
/** A word after such an abbreviation, other than one that ends or joins dates: "sun hat", not "wed and thu". */
const NOUN_NEXT = /^\s+(?!(?:and|or|to|please|pls|thanks|through|thru|till|until)\b)[a-z]/i;

/**
 * A weekday. After a filing verb, after "on" or with "last" ("created friday", "tickets on friday",
 * "last friday") it is the latest such day before today: "last friday" on a Friday is a week ago.
 * After "since", "before" and the like it is the latest such day, today included ("since Monday"
 * on a Monday is today). A bare weekday needs one of these words in front; "last" and a full
 * name need none ("last friday"); "sun", "sat" and "wed" need a word such as "since" or "on"
 * (or a filing verb) and are no day before another word ("tickets on sun hat campaign").
 */
function weekdaySpan(m: RegExpExecArray, c: Clock): Span | null {
  const name = m[2]!;
  const target = WEEKDAYS.findIndex((d) => d.startsWith(name.slice(0, 3).toLowerCase()));
  const before = m.input.slice(0, m.index);
  const wordLike = WORD_LIKE_WEEKDAY.test(name);
  if (wordLike && NOUN_NEXT.test(m.input.slice(m.index + m[0].length))) return null;
  const filed = FILED_BEFORE.test(before);
  const last = m[1] !== undefined;
  const past = last || filed || ON_BEFORE.test(before);
  const back = past ? ((c.today.weekday - target + 6) % 7) + 1 : (c.today.weekday - target + 7) % 7;
  const day = add(today(c), 'day', -back);
  const cues = filed || (last && name.length > 3) ? undefined : wordLike ? WORD_LIKE_WEEKDAY_CUES : ANY_LEAD;
  const label = `${last ? 'last ' : ''}${capitalise(WEEKDAYS[target]!)}`;
  return span(c, day, add(day, 'day', 1), label, cues ? { cues } : {});
}

/** Expressions, tried in order at the start of a word; each regular expression is sticky (matches only there). */
const RULES: readonly Rule[] = [
  [
    new RegExp(`(?:from|between)\\s+(${ISO_DAY_RE})\\s+(?:to|and|until|till|-)\\s+(${ISO_DAY_RE})\\b`, 'iy'),
    (m, c) => {
      const from = isoDay(m[1]!);
      const last = isoDay(m[2]!);
      if (!from || !last) return null;
      return span(c, from, add(last, 'day', 1), `${m[1]} to ${m[2]}`, { closed: true });
    },
  ],
  [
    // "from May 3 to May 10", "between 3 May and 10 May", "April 28 – May 3".
    new RegExp(`${RANGE_LEAD_RE}${namedDayRe('a')}${RANGE_JOIN_RE}${namedDayRe('b')}${NO_MORE_DIGITS}`, 'iy'),
    (m, c) => {
      const g = m.groups!;
      return joinFits(g) ? dayRangeSpan(c, namedDayOf(g, 'a'), namedDayOf(g, 'b')) : null;
    },
  ],
  [
    // "May 3 to 10", "between May 3 and 10", "May 3-10, 2026".
    new RegExp(
      `${RANGE_LEAD_RE}(?<month>${MONTH_RE})\\.?\\s+(?<first>${DAY_NUMBER_RE})${RANGE_JOIN_RE}(?<last>${DAY_NUMBER_RE})(?:,?\\s+(?<year>${YEAR_RE}))?${NO_MORE_DIGITS}`,
      'iy',
    ),
    (m, c) => monthDaysRange(m, c),
  ],
  [
    // "3-10 May", "from 3 to 10 May 2026", "between the 3rd and the 10th of May".
    new RegExp(
      `${RANGE_LEAD_RE}(?:the\\s+)?(?<first>${DAY_NUMBER_RE})${RANGE_JOIN_RE}(?:the\\s+)?(?<last>${DAY_NUMBER_RE})\\s+(?:of\\s+)?(?<month>${MONTH_RE})(?:,?\\s+(?<year>${YEAR_RE}))?\\b`,
      'iy',
    ),
    (m, c) => (verbMayAfter(m, m.groups!.month!, m.groups!.year) ? null : monthDaysRange(m, c)),
  ],
  [
    /(?:the\s+)?day\s+before\s+yesterday\b/iy,
    (_m, c) => span(c, add(today(c), 'day', -2), add(today(c), 'day', -1), 'the day before yesterday'),
  ],
  [
    new RegExp(`(${AMOUNT_RE})\\s+${UNIT_RE}\\s+ago\\b`, 'iy'),
    (m, c) => agoSpan(c, amount(m[1]!), unitOf(m[2]!)),
  ],
  [/today\b/iy, (_m, c) => span(c, today(c), add(today(c), 'day', 1), 'today')],
  [/yesterday\b/iy, (_m, c) => span(c, add(today(c), 'day', -1), today(c), 'yesterday')],
  [
    // Rolling windows up to today: "the last 30 days", "past 3 months", "last 2 weeks", "the past year".
    new RegExp(
      `(?:(?:the\\s+)?(?:last|past|previous|recent)\\s+(${AMOUNT_RE})\\s+${UNIT_RE}|(?:the\\s+(?:last|past)|past)\\s+${UNIT_RE})\\b`,
      'iy',
    ),
    (m, c) => {
      const unit = unitOf(m[2] ?? m[3]!);
      const n = m[1] ? amount(m[1]) : 1;
      const label = m[1] ? `last ${n} ${unit}${n === 1 ? '' : 's'}` : `past ${unit}`;
      return span(c, add(today(c), unit, -n), add(today(c), 'day', 1), label);
    },
  ],
  [
    new RegExp(`(?:this|the\\s+current|current)\\s+${UNIT_RE}\\b`, 'iy'),
    (m, c) => {
      const unit = unitOf(m[1]!);
      return span(c, startOf(unit, c), add(startOf(unit, c), unit, 1), `this ${unit}`);
    },
  ],
  [
    // Calendar periods: "last month" is the whole previous month.
    new RegExp(`(?:the\\s+previous|last|previous)\\s+${UNIT_RE}\\b`, 'iy'),
    (m, c) => {
      const unit = unitOf(m[1]!);
      return span(c, add(startOf(unit, c), unit, -1), startOf(unit, c), `last ${unit}`);
    },
  ],
  [
    new RegExp(`(${ISO_DAY_RE})\\b(?!-)`, 'iy'),
    (m, c) => {
      const day = isoDay(m[1]!);
      return day ? span(c, day, add(day, 'day', 1), m[1]!, { isDay: true }) : null;
    },
  ],
  [
    /q([1-4])(?:\s+of)?(?:\s+(\d{4}))?\b/iy,
    (m, c) => {
      const q = Number(m[1]);
      const first = 3 * (q - 1) + 1;
      const y = m[2] ? Number(m[2]) : first <= c.today.month ? c.today.year : c.today.year - 1;
      return span(c, { y, m: first, d: 1 }, { y, m: first + 3, d: 1 }, `Q${q} ${y}`, { named: true });
    },
  ],
  [
    // "May 3", "May 3rd, 2026": a month and a day (a month is never the verb "may" before a number).
    new RegExp(`(${MONTH_RE})\\.?\\s+${DAY_RE}(?:,?\\s+(${YEAR_RE}))?\\b(?![:.,/-]?\\d)`, 'iy'),
    (m, c) => daySpan(c, m[1]!, m[2]!, m[3]),
  ],
  [
    // "3 May", "the 3rd of May 2026"; "3 may" before a word ("ticket 3 may be closed") needs a word such as "since" in front.
    new RegExp(`(?:the\\s+)?${DAY_RE}\\s+(?:of\\s+)?(${MONTH_RE})(?:,?\\s+(${YEAR_RE}))?\\b`, 'iy'),
    (m, c) => {
      const found = daySpan(c, m[2]!, m[1]!, m[3]);
      const verbLike =
        !m[3] && /^(may|mar)$/i.test(m[2]!) && WORD_NEXT.test(m.input.slice(m.index + m[0].length));
      return found && verbLike ? { ...found, cues: ANY_LEAD } : found;
    },
  ],
  [
    // "this may" is a month only at the end of its words ("from this may", not "this may be broken").
    new RegExp(`(last|this|next)\\s+(${MONTH_RE})\\b`, 'iy'),
    (m, c) => {
      const verbLike =
        /^this$/i.test(m[1]!) && /^may$/i.test(m[2]!) && WORD_NEXT.test(m.input.slice(m.index + m[0].length));
      return verbLike ? null : relativeMonthSpan(c, m[1]!, m[2]!);
    },
  ],
  [
    new RegExp(`(${MONTH_RE})(?:,?\\s+(${YEAR_RE}))?\\b`, 'iy'),
    (m, c) => monthSpan(c, m[1]!, m[2], monthCues(m, m[1]!, m[2])),
  ],
  [
    /(?:the\s+year\s+)?(20\d{2})\b(?!-)/iy,
    (m, c) => {
      const y = Number(m[1]);
      return span(c, { y, m: 1, d: 1 }, { y: y + 1, m: 1, d: 1 }, String(y), {
        named: true,
        ...(/^the/i.test(m[0]) ? {} : { cues: ANY_LEAD }),
      });
    },
  ],
  [new RegExp(`(?:(last)\\s+)?(${WEEKDAY_RE})\\b`, 'iy'), (m, c) => weekdaySpan(m, c)],
];

function spanAt(text: string, at: number, clock: Clock): { span: Span; length: number } | null {
  for (const [pattern, build] of RULES) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) continue;
    const found = build(m, clock);
    if (found) return { span: found, length: m[0].length };
  }
  return null;
}

/** Applies the word in front ("since X" runs from X on; "before X" ends where X starts; "after X" starts where X ends). */
function mention(found: Span, lead: string | undefined, start: number, end: number): PeriodMention {
  const word = lead?.toLowerCase().replace(/\s+/g, ' ');
  const inLabel = found.named ? `in ${found.label}` : found.label;
  if (found.closed || !word) return { from: found.from, to: found.to, label: inLabel, start, end };
  if (word === 'since' || (word === 'from' && found.isDay)) {
    return { from: found.from, label: `since ${found.label}`, start, end };
  }
  if (word === 'after') return { from: found.to, label: `after ${found.label}`, start, end };
  if (word === 'before' || word === 'until' || word === 'till' || word === 'prior to') {
    return { to: found.from, label: `before ${found.label}`, start, end };
  }
  return { from: found.from, to: found.to, label: inLabel, start, end };
}

/**
 * Every time span named in the text, in order: "last month", "this year",
 * "in 2023", "since March", "before 2021", "after June 2025", "in the past 30
 * days", "Q3 2025", "yesterday", "the day before yesterday", "3 days ago", "a week ago",
 * "since Monday", "created last friday", "2026-10-01", "from 2026-10-01
 * to 2026-10-15", "May 3", "between May 3 and May 10", "3-10 May". Days start in the given IANA time zone (UTC by default);
 * months without a year mean their latest occurrence that has started.
 */
export function findPeriods(text: string, now: Date, timeZone?: string): PeriodMention[] {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return [];
  const tz = safeTimeZone(timeZone);
  const clock = clockAt(now, tz);
  const found: PeriodMention[] = [];
  let i = 0;
  while (i < text.length) {
    const atWordStart = (i === 0 || /[^a-z0-9]/i.test(text[i - 1]!)) && /[a-z0-9]/i.test(text[i]!);
    const hit = atWordStart ? spanAt(text, i, clock) : null;
    if (!hit) {
      i += 1;
      continue;
    }
    const lead = LEAD.exec(text.slice(Math.max(0, i - 13), i));
    if (hit.span.cues && !(lead && hit.span.cues.test(lead[2]!))) {
      i += hit.length;
      continue;
    }
    const start = lead ? i - lead[1]!.length : i;
    found.push(mention(hit.span, lead?.[2], start, i + hit.length));
    i += hit.length;
  }
  return found;
}

/** The intersection of several periods ("in 2024 before June 2024" → January to May 2024). */
export function intersectPeriods(periods: ReadonlyArray<{ from?: Date; to?: Date }>): {
  from?: Date;
  to?: Date;
} {
  let from: Date | undefined;
  let to: Date | undefined;
  for (const p of periods) {
    if (p.from && (!from || p.from > from)) from = p.from;
    if (p.to && (!to || p.to < to)) to = p.to;
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/**
 * The first time period named in the text that has a start ("last month", "this week", "since Monday",
 * "in March", "yesterday", "last 7 days", "2026-10-01", "from 2026-10-01 to 2026-10-15"), as [from, to)
 * in the user's time zone (UTC by default). A period still running, or open-ended, ends now.
 */
export function extractPeriod(text: string, now: Date, timeZone?: string): Period | undefined {
  for (const p of findPeriods(text, now, timeZone)) {
    if (!p.from) continue;
    const to = !p.to || (p.to > now && p.from <= now) ? now : p.to;
    return { from: p.from, to, label: p.label };
  }
  return undefined;
}
