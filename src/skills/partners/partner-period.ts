/** A span of time a "joined ..." question asks about: [from, to), in UTC. */
export interface JoinPeriod {
  readonly from?: Date;
  readonly to?: Date;
}

export interface PeriodMatch {
  readonly period: JoinPeriod;
  /** Where the words were in the text given, so the parser can skip them. */
  readonly start: number;
  readonly end: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const UNIT = '(day|week|month|quarter|year)s?';
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
};

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d));

function startOf(unit: Unit, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  switch (unit) {
    case 'day':
      return utc(y, m, now.getUTCDate());
    case 'week': {
      // Weeks start on Monday.
      const day = (now.getUTCDay() + 6) % 7;
      return utc(y, m, now.getUTCDate() - day);
    }
    case 'month':
      return utc(y, m);
    case 'quarter':
      return utc(y, m - (m % 3));
    case 'year':
      return utc(y, 0);
  }
}

function add(date: Date, unit: Unit, n: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (unit) {
    case 'day':
      return utc(y, m, d + n);
    case 'week':
      return utc(y, m, d + 7 * n);
    case 'month':
      return utc(y, m + n, d);
    case 'quarter':
      return utc(y, m + 3 * n, d);
    case 'year':
      return utc(y + n, m, d);
  }
}

function monthIndex(word: string): number {
  return MONTHS.findIndex((m) => m.startsWith(word.slice(0, 3)));
}

/** The month named, in the given year or else the latest one that has started. */
function monthSpan(word: string, year: string | undefined, now: Date): JoinPeriod {
  const m = monthIndex(word);
  let y = year ? Number(year) : now.getUTCFullYear();
  if (!year && m > now.getUTCMonth()) y -= 1;
  return { from: utc(y, m), to: utc(y, m + 1) };
}

function unitOf(word: string): Unit {
  return word.replace(/s$/, '') as Unit;
}

function amount(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? 1);
}

/** Parses one span expression (no "since"/"before"); null when the words are not a period. */
function spanAt(text: string, now: Date): { period: JoinPeriod; length: number } | null {
  const rules: Array<[RegExp, (m: RegExpExecArray) => JoinPeriod]> = [
    [/^today\b/, () => ({ from: startOf('day', now), to: add(startOf('day', now), 'day', 1) })],
    [/^yesterday\b/, () => ({ from: add(startOf('day', now), 'day', -1), to: startOf('day', now) })],
    [
      // Rolling windows: "the last 30 days", "past 3 months", "last 2 weeks", "the past year".
      new RegExp(
        `^(?:(?:the )?(?:last|past|recent) (\\d+|${Object.keys(NUMBER_WORDS).join('|')}) ${UNIT}|(?:the (?:last|past)|past) ${UNIT})\\b`,
      ),
      (m) => {
        const unit = unitOf(m[2] ?? m[3]!);
        const n = m[1] ? amount(m[1]) : 1;
        return { from: add(startOf('day', now), unit, -n), to: add(startOf('day', now), 'day', 1) };
      },
    ],
    [
      new RegExp(`^(?:this|the current|current) ${UNIT}\\b`),
      (m) => {
        const u = unitOf(m[1]!);
        return { from: startOf(u, now), to: add(startOf(u, now), u, 1) };
      },
    ],
    [
      // Calendar periods: "last month" is the whole previous month.
      new RegExp(`^(?:last|previous|the previous) ${UNIT}\\b`),
      (m) => {
        const u = unitOf(m[1]!);
        return { from: add(startOf(u, now), u, -1), to: startOf(u, now) };
      },
    ],
    [
      /^(\d{4})-(\d{2})-(\d{2})\b/,
      (m) => {
        const from = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
        return { from, to: add(from, 'day', 1) };
      },
    ],
    [
      /^q([1-4])(?: of)?(?: (20\d{2}))?\b/,
      (m) => {
        const q = Number(m[1]) - 1;
        let y = m[2] ? Number(m[2]) : now.getUTCFullYear();
        if (!m[2] && q * 3 > now.getUTCMonth()) y -= 1;
        return { from: utc(y, q * 3), to: utc(y, q * 3 + 3) };
      },
    ],
    [new RegExp(`^${MONTH_WORD}(?:,? (20\\d{2}))?\\b`), (m) => monthSpan(m[1]!, m[2], now)],
    [/^(?:the year )?(20\d{2})\b/, (m) => ({ from: utc(Number(m[1]), 0), to: utc(Number(m[1]) + 1, 0) })],
  ];
  for (const [pattern, build] of rules) {
    const m = pattern.exec(text);
    if (m) return { period: build(m), length: m[0].length };
  }
  return null;
}

const LEAD = /(since|after|from|before|until|till|prior to|in|during|over|within|for)\s+$/;

/**
 * Finds the join periods in a lower-case question ("last month", "in 2023",
 * "since March", "before 2021", "in the past 30 days", "Q3 2025") relative to `now`.
 * "since X" runs from X to now; "before X" ends where X starts; "after X" starts where X ends.
 */
export function findPeriods(text: string, now: Date): PeriodMatch[] {
  const found: PeriodMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const atWordStart = i === 0 || /[^a-z0-9]/.test(text[i - 1]!);
    const span = atWordStart ? spanAt(text.slice(i), now) : null;
    if (!span) {
      i += 1;
      continue;
    }
    const before = text.slice(Math.max(0, i - 12), i);
    const lead = LEAD.exec(before);
    if (!lead && isBareShortMonth(text.slice(i, i + span.length))) {
      i += span.length;
      continue;
    }
    const start = lead ? i - lead[0].length : i;
    const word = lead?.[1];
    let period = span.period;
    if (word === 'since' || word === 'after' || word === 'from') {
      period = { from: word === 'after' ? span.period.to : span.period.from };
    } else if (word === 'before' || word === 'until' || word === 'till' || word === 'prior to') {
      period = { to: span.period.from };
    }
    found.push({ period, start, end: i + span.length });
    i += span.length;
  }
  return found;
}

/** "may", "jun", "oct" alone are too often other words; they count only after "in", "since"... or with a year. */
function isBareShortMonth(words: string): boolean {
  return /^(may|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/.test(words);
}

/** The intersection of several periods ("in 2024 before June" → Jan–May 2024). */
export function intersectPeriods(periods: readonly JoinPeriod[]): JoinPeriod {
  let from: Date | undefined;
  let to: Date | undefined;
  for (const p of periods) {
    if (p.from && (!from || p.from > from)) from = p.from;
    if (p.to && (!to || p.to < to)) to = p.to;
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
