import type { Responses } from '../../core/responses.js';

/** Lower case, no surrounding punctuation, single spaces, straight apostrophes. */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s.!?,;:]+|[\s.!?,;:]+$/g, '');
}

/** A `|`-separated phrase list from the content (e.g. `handoff.end_chat_commands`), each phrase normalised. */
export function phraseList(responses: Responses, key: string): string[] {
  return responses
    .t(key)
    .split('|')
    .map(normalisePhrase)
    .filter((p) => p !== '');
}

/** A phrase list from the content as a whole-message matcher. */
export function phraseMatcher(responses: Responses, key: string): (text: string) => boolean {
  const phrases = new Set(phraseList(responses, key));
  return (text) => phrases.has(normalisePhrase(text));
}
