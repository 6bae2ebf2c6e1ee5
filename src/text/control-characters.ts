/**
 * What no stored text keeps: PostgreSQL cannot store a NUL byte, and control characters (a
 * terminal's escape sequences, a pasted binary) mean nothing in a help desk.
 */

/** Terminal escape sequences (colours, cursor keys): dropped whole, not just their ESC. */
export const ESCAPE_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
/** C0 control characters except tab and line feed, and DEL. */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The first `maxChars` characters of `text`, never splitting a character made of two code units. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const end = /[\ud800-\udbff]/.test(text[maxChars - 1] ?? '') ? maxChars + 1 : maxChars;
  return text.slice(0, end);
}
