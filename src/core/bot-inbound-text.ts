/**
 * What every channel's text goes through before a turn: PostgreSQL cannot
 * store a NUL byte, and control characters (a terminal's escape sequences, a
 * pasted binary) mean nothing in a help-desk message.
 */

/** Terminal escape sequences (colours, cursor keys): dropped whole, not just their ESC. */
const ESCAPE_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
/** C0 control characters except tab and line feed, and DEL. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The largest MAX_MESSAGE_CHARS a deployment may set: the pipeline's limit when none is given. */
export const LONGEST_MESSAGE_CHARS = 100_000;

export interface CleanText {
  readonly text: string;
  /** The length of the text before it was cut to the limit; null when it was not cut. */
  readonly cutFrom: number | null;
}

/** Removes control characters and cuts the text to `maxChars`, never splitting a character. */
export function cleanInboundText(text: string, maxChars: number): CleanText {
  const clean = text.replace(ESCAPE_SEQUENCE, '').replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTER, '');
  if (clean.length <= maxChars) return { text: clean, cutFrom: null };
  const end = /[\ud800-\udbff]/.test(clean[maxChars - 1] ?? '') ? maxChars + 1 : maxChars;
  return { text: clean.slice(0, end), cutFrom: clean.length };
}

/** A button's or form's value with every string in it cleaned the same way. */
export function cleanInboundValue(value: unknown, maxChars: number): unknown {
  const clean = (text: string) => cleanInboundText(text, maxChars).text;
  return mapTexts(value, clean, clean);
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
