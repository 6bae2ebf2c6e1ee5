/**
 * The bot's markdown keeps a character a user typed literal with a backslash, as CommonMark does
 * (`\[`, `\*`: see ticket-status-card.ts). A renderer of that markdown hides the escaped characters
 * before it looks for bold or links, so they open or close nothing, and shows them afterwards.
 */
const ESCAPABLE = '\\`*_~[]';
const ESCAPED = /\\([\\`*_~[\]])/g;
/** Private-use characters stand for the escaped ones while the markdown is converted. */
const PLACEHOLDER_BASE = 0xe000;
const PLACEHOLDER = /[\ue000-\ue006]/g;

/** The text with each escaped character replaced by a placeholder no markdown pattern matches. */
export function hideEscapedCharacters(markdown: string): string {
  return markdown.replace(ESCAPED, (_m, c: string) =>
    String.fromCharCode(PLACEHOLDER_BASE + ESCAPABLE.indexOf(c)),
  );
}

/** Puts the escaped characters back, each as `shown(character)` gives it (itself by default). */
export function showEscapedCharacters(text: string, shown: (c: string) => string = (c) => c): string {
  return text.replace(PLACEHOLDER, (p) => shown(ESCAPABLE[p.charCodeAt(0) - PLACEHOLDER_BASE] ?? ''));
}
