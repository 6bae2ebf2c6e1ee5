import { stripChatMarkup } from '../../text/strip-chat-markup.js';

/** Entities are looked for in the head of a message; a 100k-character paste is cut here. */
export const MAX_ENTITY_CHARS = 10_000;

/** Markup-free, case-preserving text for the entity extractors (Slack `<url|label>` keeps its URL). */
export function entityText(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  return stripChatMarkup(text.length > MAX_ENTITY_CHARS ? text.slice(0, MAX_ENTITY_CHARS) : text);
}

/** Replaces each match with spaces of the same length, so later extractors skip it but offsets hold. */
export function maskMatches(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

/** Unique values in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
