/**
 * `text` anywhere in a value, for `LIKE … ESCAPE '\'` (the same on SQLite and
 * PostgreSQL): `%`, `_` and `\` in `text` match only themselves.
 */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Whether `text` holds a character LIKE would read as a wildcard or an escape. */
export function hasLikeSpecials(text: string): boolean {
  return /[\\%_]/.test(text);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
