import { CONTROL_CHARACTER, ESCAPE_SEQUENCE } from '../../text/control-characters.js';

/**
 * What a Slack user typed, as plain text for the bot: the bot's own mention
 * removed, user and channel references made readable, links kept as URLs and
 * Slack's HTML entities decoded. Line breaks are kept (ticket descriptions);
 * control characters are not (an agent's answer is stored as it comes from here).
 */
export function slackTextToPlain(text: string | undefined, botUserId?: string): string {
  if (!text) return '';
  let out = text;
  if (botUserId) out = out.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
  out = out
    .replace(/<@([A-Z0-9]+)\|([^>]+)>/gi, (_m, _id: string, name: string) => `@${name}`)
    .replace(/<@([A-Z0-9]+)>/gi, (_m, id: string) => `@${id}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/gi, (_m, name: string) => `#${name}`)
    .replace(/<#([A-Z0-9]+)>/gi, (_m, id: string) => `#${id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/gi, (_m, name: string) => `@${name}`)
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]+)>/gi, (_m, name: string) => name)
    .replace(/<!date\^[^|>]*\|([^>]*)>/gi, (_m, fallback: string) => fallback)
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/gi, (_m, address: string) => address)
    .replace(/<((?:https?):[^|>]+)\|([^>]+)>/gi, (_m, url: string, label: string) =>
      sameLink(url, label) ? url : `${label} (${url})`,
    )
    .replace(/<((?:https?):[^>]+)>/gi, (_m, url: string) => url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL_CHARACTER, '');
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .trim();
}

function sameLink(url: string, label: string): boolean {
  const bare = (s: string) =>
    s
      .replace(/^https?:\/\//i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return bare(url) === bare(label);
}
