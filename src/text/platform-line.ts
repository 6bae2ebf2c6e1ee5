import { CONTROL_CHARACTER, cutText, ESCAPE_SEQUENCE } from './control-characters.js';

/** Line breaks and tabs: a one-line text has spaces there. */
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]+/g;

/**
 * A one-line text a chat platform sends besides a message (a profile name, an e-mail address,
 * a file's name or title), cleaned as message text is before it is stored: control characters and
 * terminal escape sequences removed, line breaks made spaces, cut to `maxChars`.
 */
export function cleanPlatformLine(text: string, maxChars: number): string {
  const line = text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(LINE_BREAK_OR_TAB, ' ')
    .replace(CONTROL_CHARACTER, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return cutText(line, maxChars);
}
