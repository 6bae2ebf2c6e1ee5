import type { IntentMatcher } from '../../core/router.js';
import { type MessagePart, messageParts } from '../../nlu/message-parts.js';
import { CHAT_FILLER_WORDS, QUESTION_WORDS, STOP_WORDS } from '../../search/stop-words.js';

/** The fewest words of substance that make the rest of a request a description of the problem. */
const MIN_CONTENT_WORDS = 3;
/** A part of the message the intent engine reads this surely as asking for a person is that request's wording. */
const REQUEST_CONFIDENCE = 0.5;
/** Punctuation and joining words left over at either end of the problem's wording. */
const LOOSE_ENDS =
  /^(?:[\s,;.!?:–—-]|\b(?:and|but|because|since|so)\b)+|(?:[\s,;:–—-]|\b(?:and|but|because|since|so)\b)+$/giu;

/**
 * The word after which a request for a person says what it is about ("talk to someone about …"),
 * between spaces (not "example.com/about").
 */
const TOPIC_WORD = /(?<=\s)(?:about|regarding|concerning)(?=\s)/iu;

const asksForPerson = (text: string, matcher: IntentMatcher) => {
  const intent = matcher.match(text);
  return intent.name === 'agent.handoff' && intent.confidence >= REQUEST_CONFIDENCE;
};

/**
 * Where a part of the message asks for a person, as the end of its span: the whole part, or
 * only up to its topic word when the words before it ask ("talk to someone about the export
 * failing" keeps "the export failing"); null when the part asks for nothing of the kind.
 */
function requestEnd(text: string, part: MessagePart, matcher: IntentMatcher): number | null {
  const topic = TOPIC_WORD.exec(text.slice(part.start, part.end));
  if (topic) {
    const head = text.slice(part.start, part.start + topic.index).trim();
    if (head && asksForPerson(head, matcher)) return part.start + topic.index + topic[0].length;
  }
  return asksForPerson(part.text, matcher) ? part.end : null;
}

function contentWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => !STOP_WORDS.has(w) && !CHAT_FILLER_WORDS.has(w) && !QUESTION_WORDS.has(w));
}

/**
 * What a request for a person says about the problem ("I need to talk to a person,
 * our May payouts to partners are missing" → "our May payouts to partners are missing"):
 * the message without its parts that ask for a person (as the intent engine recognises
 * `agent.handoff`, up to "about" when that comes after the asking words), when a few words of substance remain; null for a request alone
 * ("talk to a person", "can i talk to someone pls").
 */
export function problemInRequest(text: string, matcher: IntentMatcher): string | null {
  // Parts asking for a person become breaks; the rest keeps the user's own wording.
  let rest = '';
  let last = 0;
  let asked = false;
  for (const part of messageParts(text)) {
    if (!part.text) continue;
    const end = requestEnd(text, part, matcher);
    if (end !== null) {
      rest += `${text.slice(last, part.start)}\n`;
      last = end;
      asked = true;
    }
  }
  // No part reads as the request on its own: the whole message is the request.
  if (!asked) return null;
  rest += text.slice(last);
  const problem = rest
    .split('\n')
    .map((piece) => piece.replace(LOOSE_ENDS, '').trim())
    .filter(Boolean)
    .join(', ')
    .replace(/\s+/g, ' ');
  return contentWords(problem).length >= MIN_CONTENT_WORDS ? problem : null;
}
