/**
 * What no stored text keeps: PostgreSQL cannot store a NUL byte, and control characters (a
 * terminal's escape sequences, a pasted binary) mean nothing in a help desk.
 */

/**
 * Terminal escape sequences, dropped whole, not just their ESC: strings such as a window title
 * (OSC `ESC ] 0;title BEL`, and DCS, SOS, PM, APC, ended by BEL or `ESC \`, or by the text's end),
 * control sequences (colours, cursor keys), and two-character escapes.
 */
export const ESCAPE_SEQUENCE =
  /\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
/** C0 control characters except tab and line feed, and DEL. */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The first `maxChars` characters of `text`, never splitting a character made of two code units. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const end = /[\ud800-\udbff]/.test(text[maxChars - 1] ?? '') ? maxChars + 1 : maxChars;
  return text.slice(0, end);
}
