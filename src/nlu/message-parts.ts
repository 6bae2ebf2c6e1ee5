import { stripChatMarkup } from '../text/strip-chat-markup.js';

/** Where a message falls into parts: punctuation, a dash between spaces, or a joining word. */
export const PART_BREAK = /[,;.!?:]+|\s[-–—]\s|\b(?:and|but|because|since|so)\b/giu;

/**
 * A link no part break falls inside: Slack's `<https://…|label>` markup whole, or a web address
 * up to its last character that is not punctuation (a stop after a link still ends the sentence).
 */
const LINK =
  /<(?:https?|mailto):[^\s|>]*(?:\|[^>]*)?>|\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'"()[\]]/giu;

/** The breaks of a message outside its links. */
function partBreaks(text: string): RegExpExecArray[] {
  const links = [...text.matchAll(LINK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return [...text.matchAll(PART_BREAK)].filter(
    (m) => !links.some((link) => m.index < link.end && m.index + m[0].length > link.start),
  );
}

/** One part of a message: its span in the text, and its words trimmed. */
export interface MessagePart {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The parts of a message ("I need to talk to a person, our payouts are missing" →
 * "I need to talk to a person" and "our payouts are missing"), empty ones included so
 * that callers can rebuild the text around any part. A link is never split.
 */
export function messageParts(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let start = 0;
  for (const m of partBreaks(text)) {
    parts.push({ start, end: m.index, text: text.slice(start, m.index).trim() });
    start = m.index + m[0].length;
  }
  parts.push({ start, end: text.length, text: text.slice(start).trim() });
  return parts;
}

/** Between two requests: the end of a sentence (a stop before a space, not "example.com"), or just "and". */
const REQUEST_BREAK = /[.!?;]\s|^\s*,?\s*and\s*$/i;

/** The part's span without the spaces around its words. */
function trimmed(text: string, start: number, end: number): MessagePart {
  const words = text.slice(start, end);
  const from = start + (words.length - words.trimStart().length);
  const to = end - (words.length - words.trimEnd().length);
  return { start: from, end: to, text: text.slice(from, to) };
}

/**
 * The stretches of a message that may each be a request of its own: the message cut only
 * where a sentence ends or at "and" ("status of 1002 and how do I invite a partner?" →
 * "status of 1002" and "how do I invite a partner"); a comma, "but", "because" or "so"
 * keeps the words on both sides together. Stretches without a letter or digit are left out.
 */
export function requestStretches(text: string): MessagePart[] {
  const parts = messageParts(text).filter((p) => /[\p{L}\p{N}]/u.test(p.text));
  const stretches: MessagePart[] = [];
  for (const { start, end } of parts) {
    const part = trimmed(text, start, end);
    const last = stretches.at(-1);
    if (last && !REQUEST_BREAK.test(text.slice(last.end, part.start))) {
      stretches[stretches.length - 1] = trimmed(text, last.start, part.end);
    } else {
      stretches.push(part);
    }
  }
  return stretches;
}

/** A Slack channel link: its name says where the message points, not what it asks. */
const CHANNEL_LINK = /<#[A-Z0-9]+(?:\|[^>]*)?>/gi;

/**
 * Whether a message says anything in words of its own: mentions, channel links, emoji and
 * punctuation alone ("<@U123> :wave:", "<#C1|general>", "!!") do not.
 */
export function hasOwnWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(stripChatMarkup(text.replace(CHANNEL_LINK, ' ')));
}
