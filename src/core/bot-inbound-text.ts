/**
 * What every channel's text goes through before a turn: PostgreSQL cannot
 * store a NUL byte, and control characters (a terminal's escape sequences, a
 * pasted binary) mean nothing in a help-desk message.
 */

import { CONTROL_CHARACTER, cutText, ESCAPE_SEQUENCE } from '../text/control-characters.js';
import { cleanPlatformLine } from '../text/platform-line.js';
import type { InboundAttachment, InboundUser } from './inbound-message.js';

/** The largest MAX_MESSAGE_CHARS a deployment may set: the pipeline's limit when none is given. */
export const LONGEST_MESSAGE_CHARS = 100_000;
/** The longest profile name the directory keeps. */
export const PROFILE_NAME_CHARS = 120;
/** The longest e-mail address (RFC 5321). */
export const EMAIL_CHARS = 254;
const FILE_NAME_CHARS = 255;
const FILE_URL_CHARS = 8192;

export interface CleanText {
  readonly text: string;
  /** The length of the text before it was cut to the limit; null when it was not cut. */
  readonly cutFrom: number | null;
}

/** Removes control characters and cuts the text to `maxChars`, never splitting a character. */
export function cleanInboundText(text: string, maxChars: number): CleanText {
  const clean = text.replace(ESCAPE_SEQUENCE, '').replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTER, '');
  if (clean.length <= maxChars) return { text: clean, cutFrom: null };
  return { text: cutText(clean, maxChars), cutFrom: clean.length };
}

/**
 * A button's or form's value with every string in it cleaned the same way. A form's inputs (under
 * `form`) are cut only at the pipeline's limit: the form checks each input's length and answers a
 * longer one with that input's error, where cutting here would file less than the user wrote, unsaid.
 */
export function cleanInboundValue(value: unknown, maxChars: number): unknown {
  const cleanTo = (limit: number) => (text: string) => cleanInboundText(text, limit).text;
  const clean = cleanTo(maxChars);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('form' in value)) {
    return mapTexts(value, clean, clean);
  }
  const { form, ...rest } = value as Record<string, unknown>;
  const cleaned = mapTexts(rest, clean, clean) as Record<string, unknown>;
  return { ...cleaned, form: mapTexts(form, cleanTo(LONGEST_MESSAGE_CHARS), clean) };
}

/** `value` (JSON-like) with every string in it passed through `text`, and every key through `key`. */
export function mapTexts(
  value: unknown,
  text: (s: string) => string,
  key: (k: string) => string = (k) => k,
): unknown {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((v) => mapTexts(v, text, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [key(k), mapTexts(v, text, key)]));
  }
  return value;
}

/** The sender's profile from the platform, cleaned as message text is: one line, no control characters. */
export function cleanInboundUser(user: InboundUser): InboundUser {
  const displayName = user.displayName && cleanPlatformLine(user.displayName, PROFILE_NAME_CHARS);
  const email = user.email && cleanPlatformLine(user.email, EMAIL_CHARS);
  return {
    externalId: user.externalId,
    ...(displayName ? { displayName } : {}),
    ...(email ? { email } : {}),
  };
}

/** Files' names, types and links from the platform, cleaned the same way. */
export function cleanInboundAttachment(file: InboundAttachment): InboundAttachment {
  return {
    ...file,
    name: cleanPlatformLine(file.name, FILE_NAME_CHARS) || 'file',
    mimeType: cleanPlatformLine(file.mimeType, FILE_NAME_CHARS) || 'application/octet-stream',
    ...(file.url === undefined ? {} : { url: cleanPlatformLine(file.url, FILE_URL_CHARS) }),
  };
}
