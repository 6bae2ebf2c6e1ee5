/** Where a message falls into parts: punctuation, a dash between spaces, or a joining word. */
export const PART_BREAK = /[,;.!?:]+|\s[-–—]\s|\b(?:and|but|because|since|so)\b/giu;

/** One part of a message: its span in the text, and its words trimmed. */
export interface MessagePart {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The parts of a message ("I need to talk to a person, our payouts are missing" →
 * "I need to talk to a person" and "our payouts are missing"), empty ones included so
 * that callers can rebuild the text around any part.
 */
export function messageParts(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let start = 0;
  for (const m of text.matchAll(PART_BREAK)) {
    parts.push({ start, end: m.index, text: text.slice(start, m.index).trim() });
    start = m.index + m[0].length;
  }
  parts.push({ start, end: text.length, text: text.slice(start).trim() });
  return parts;
}
