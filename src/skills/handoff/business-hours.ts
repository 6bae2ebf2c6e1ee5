import { wallClock } from '../../nlu/entities/zoned-calendar.js';
/**
 * Opening hours of a team in its own time zone, e.g. `{ mon: ['09:00', '17:30'] }`
 * ('24:00' closes at midnight). Computed with the Intl time-zone data, so daylight
 * saving changes are handled. A day whose closing time is not after its opening
 * time is treated as closed (overnight shifts are two entries on two days).
 */
export interface BusinessHours {
  readonly timezone: string;
  readonly hours: Readonly<Record<string, readonly [string, string]>>;
}

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: (typeof weekdays)[number];
  readonly minutes: number;
}

function wallClockParts(
  at: Date,
  timeZone: string,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const w = new Date(wallClock(at, timeZone));
  return {
    y: w.getUTCFullYear(),
    mo: w.getUTCMonth() + 1,
    d: w.getUTCDate(),
    h: w.getUTCHours(),
    mi: w.getUTCMinutes(),
    s: w.getUTCSeconds(),
  };
}

function localTime(at: Date, timeZone: string): LocalTime {
  const w = wallClockParts(at, timeZone);
  const weekday = weekdays[new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay()]!;
  return { year: w.y, month: w.mo, day: w.d, weekday, minutes: w.h * 60 + w.mi };
}

/** The instant when the wall clock in `timeZone` shows the given local date and time. */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, 0, minutes);
  const offsetAt = (t: number) => {
    const w = wallClockParts(new Date(t), timeZone);
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - t;
  };
  let t = asUtc - offsetAt(asUtc);
  // Near a daylight-saving change the first guess may use the other offset.
  const second = asUtc - offsetAt(t);
  if (second !== t) t = second;
  return new Date(t);
}

function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes >= 0 && minutes <= 24 * 60 && Number(m[2]) < 60 ? minutes : null;
}

function openingOn(hours: BusinessHours['hours'], weekday: string): [number, number] | null {
  const span = hours[weekday];
  if (!span) return null;
  const open = parseClock(span[0]);
  const close = parseClock(span[1]);
  if (open === null || close === null || close <= open) return null;
  return [open, close];
}

/** Whether the team is open at `at`. An unknown time zone counts as closed. */
export function isOpen(bh: BusinessHours, at: Date): boolean {
  let local: LocalTime;
  try {
    local = localTime(at, bh.timezone);
  } catch {
    return false;
  }
  const span = openingOn(bh.hours, local.weekday);
  return span !== null && local.minutes >= span[0] && local.minutes < span[1];
}

/** When the team opens next: `at` itself when open now; null when it has no opening hours at all. */
export function nextOpening(bh: BusinessHours, at: Date): Date | null {
  let local: LocalTime;
  try {
    local = localTime(at, bh.timezone);
  } catch {
    return null;
  }
  for (let offset = 0; offset <= 7; offset++) {
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    const span = openingOn(bh.hours, weekdays[date.getUTCDay()]!);
    if (!span) continue;
    if (offset === 0) {
      if (local.minutes >= span[1]) continue;
      if (local.minutes >= span[0]) return at;
    }
    return zonedInstant(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      span[0],
      bh.timezone,
    );
  }
  return null;
}

/** Day and time of an instant in a time zone, for sentences ("Monday", "09:00", "GMT+1"). */
export function describeInstant(
  at: Date,
  timeZone: string,
  now: Date,
): { dayOffset: number; weekday: string; time: string; zone: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const a = localTime(at, timeZone);
  const n = localTime(now, timeZone);
  const dayOffset = Math.round(
    (Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(n.year, n.month - 1, n.day)) / 86_400_000,
  );
  return {
    dayOffset,
    weekday: part('weekday'),
    time: `${part('hour').padStart(2, '0')}:${part('minute')}`,
    zone: part('timeZoneName'),
  };
}
