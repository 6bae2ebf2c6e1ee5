import { hideEscapedCharacters, showEscapedCharacters } from '../../text/markdown-escapes.js';

/**
 * Slack mrkdwn from the bot's tiny markdown (**bold**, _italic_, [label](url)).
 * Everything is escaped first (`&`, `<`, `>`), so text a user typed can never
 * become a `<!channel>` ping, a user mention or a hidden link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const LINK = /\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s)|]+)\)/g;
const BOLD = /\*\*(?=\S)([^*\n]+?)\*\*/g;

/**
 * Converts the bot's markdown to Slack mrkdwn, escaping first. A backslash-escaped character (text a
 * user typed) stays literal: it opens no link or bold, and an asterisk is shown as `∗`, which Slack
 * never reads as bold (mrkdwn has no escapes).
 */
export function toMrkdwn(markdown: string): string {
  const converted = escapeMrkdwn(hideEscapedCharacters(markdown))
    .replace(LINK, (_m, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`)
    .replace(BOLD, (_m, inner: string) => `*${inner}*`);
  return showEscapedCharacters(converted, (c) => (c === '*' ? '∗' : c));
}

/** Escaped plain text in bold, for titles built by the channel itself. */
export function boldMrkdwn(text: string): string {
  const escaped = escapeMrkdwn(text).replace(/\*/g, '∗');
  return escaped.trim() ? `*${escaped.trim()}*` : '';
}

/** A Slack date token: each reader sees it in their own time zone; `fallback` shows in notifications. */
export function slackDate(at: Date, format = '{date_short_pretty} {time}'): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^${format}|${at.toISOString().replace('T', ' ').slice(0, 16)} UTC>`;
}

/** Cuts text to `max` characters, ending with an ellipsis when it was longer. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
