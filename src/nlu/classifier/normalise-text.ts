import { stripChatMarkup } from '../../text/strip-chat-markup.js';

/** Raw characters looked at; beyond this a message is a paste (logs, e-mails) and its head carries the request. */
export const MAX_RAW_CHARS = 4000;
/** Characters of normalised text fed to the features, cut at a word boundary. */
export const MAX_FEATURE_CHARS = 600;

/**
 * Printable ASCII and line breaks, without the characters chat markup starts with: stripChatMarkup would only
 * collapse the white space, so that is all that is done (most messages; it saves a dozen regex passes).
 */
const PLAIN_TEXT = /^[\x20-\x7e\t\n\r]*$/;
const MARKUP_START = /[<&:]/;

/**
 * Turns a chat message into the lower-case, markup-free text the classifier sees: chat markup removed,
 * accents folded, URLs / e-mails / numbers replaced by placeholder words so that "ticket 1042" and
 * "ticket 2210" look the same to the model. Never throws; cheap on 100k-character input.
 */
export function normaliseForIntent(raw: string): string {
  if (typeof raw !== 'string' || raw.length === 0) return '';
  const head = raw.length > MAX_RAW_CHARS ? raw.slice(0, MAX_RAW_CHARS) : raw;
  let text = (
    PLAIN_TEXT.test(head) && !MARKUP_START.test(head)
      ? head.replace(/\s+/g, ' ').trim()
      : stripChatMarkup(head)
  )
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, ' xxurl ')
    .replace(/\S+@\S+\.[a-z]{2,}/g, ' xxemail ')
    .replace(/#\s?\d+/g, ' xxhashnum ')
    .replace(/\d+/g, ' xxnum ')
    .replace(/'(s|re|ve|ll|d|m|t)\b/g, '$1')
    .replace(/[^\p{L}\p{N}\s?]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > MAX_FEATURE_CHARS) {
    const cut = text.lastIndexOf(' ', MAX_FEATURE_CHARS);
    text = text.slice(0, cut > 0 ? cut : MAX_FEATURE_CHARS);
  }
  return text;
}
