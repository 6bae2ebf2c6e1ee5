import type { Responses } from '../../core/responses.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 Jun 2025" (UTC: the chat does not know every user's time zone). */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function formatAgo(responses: Responses, date: Date, now: Date): string {
  const { t } = responses;
  const ms = Math.max(0, now.getTime() - date.getTime());
  if (ms < MINUTE) return t('tickets.time.just_now');
  if (ms < HOUR) return t('tickets.time.minutes', { n: Math.floor(ms / MINUTE) });
  if (ms < DAY) return t('tickets.time.hours', { n: Math.floor(ms / HOUR) });
  if (ms < 2 * DAY) return t('tickets.time.yesterday');
  if (ms < 7 * DAY) return t('tickets.time.days', { n: Math.floor(ms / DAY) });
  return t('tickets.time.date', { date: formatDate(date) });
}
