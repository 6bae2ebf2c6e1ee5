import { stripChatMarkup } from '../text/strip-chat-markup.js';

/** Characters of a question that are looked at; a pasted log or e-mail is cut here. */
export const MAX_QUERY_CHARS = 1000;

/**
 * Turns a chat message into query text: Slack/Teams markup and emoji removed,
 * links dropped (their host and path words only add noise), length bounded.
 * Anything that is not a string becomes the empty query.
 */
export function cleanChatQuery(text: unknown): string {
  if (typeof text !== 'string') return '';
  // Cut before and after stripping: the regexes then never see more than a few KB.
  const stripped = stripChatMarkup(text.slice(0, MAX_QUERY_CHARS * 4));
  return stripped
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .slice(0, MAX_QUERY_CHARS)
    .trim();
}
