import type { Activity } from 'botbuilder';
import type { Reply } from '../../core/reply.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './adaptive-card-types.js';
import { renderAdaptiveCard } from './render-adaptive-card.js';

/** A message the bot posts: markdown text, an Adaptive Card, or the text above a card. */
export type TeamsMessage = Partial<Activity> & { readonly type: 'message' };

/**
 * A turn's replies as Teams messages. Plain text goes out as a markdown message
 * (it notifies and copies like a person's message); every other reply is an
 * Adaptive Card, with the text replies just before it shown above the card in
 * the same message, so a turn posts as few messages as possible (Teams
 * throttles bots per conversation).
 */
export function renderTeamsActivities(replies: readonly Reply[]): TeamsMessage[] {
  const messages: TeamsMessage[] = [];
  let pendingText: string[] = [];
  for (const reply of replies) {
    if (reply.type === 'text') {
      pendingText.push(reply.text);
      continue;
    }
    messages.push({
      type: 'message',
      ...(pendingText.length > 0 ? { text: teamsMarkdown(pendingText), textFormat: 'markdown' } : {}),
      attachments: [cardAttachment(renderAdaptiveCard(reply))],
    });
    pendingText = [];
  }
  if (pendingText.length > 0) {
    messages.push({ type: 'message', text: teamsMarkdown(pendingText), textFormat: 'markdown' });
  }
  return messages;
}

/** An Adaptive Card as a message attachment. */
export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/**
 * Teams' message markdown treats a single newline as a space; a blank line is a
 * reliable break on every client, so each line becomes its own paragraph.
 */
function teamsMarkdown(texts: readonly string[]): string {
  return texts
    .flatMap((t) => t.split('\n'))
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n\n');
}
