/** A calendar day in some time zone. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A valid IANA zone name or UTC (an unknown zone must not break entity extraction). */
export function safeTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The wall clock of an instant in a time zone, as the UTC instant that shows the same date and time. */
export function wallClock(date: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
}

/** The calendar day of an instant in a time zone. */
export function dayIn(date: Date, timeZone: string): CalendarDay {
  const wall = new Date(wallClock(date, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay(),
  };
}

/** The instant a calendar day starts in a time zone (day/month may overflow; Date.UTC normalises them). */
export function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  const offset = wallClock(new Date(guess), timeZone) - guess;
  const first = guess - offset;
  // Across a DST change the offset at the result may differ from that at the guess.
  const offset2 = wallClock(new Date(first), timeZone) - first;
  return new Date(guess - offset2);
}
