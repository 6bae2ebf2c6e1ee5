import type { Activity } from 'botbuilder';
import type { Reply } from '../../core/reply.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './adaptive-card-types.js';
import { renderAdaptiveCard } from './render-adaptive-card.js';
import type { ButtonsOwner } from './teams-button-owner.js';

/** A message the bot posts: markdown text, an Adaptive Card, or the text above a card. */
export type TeamsMessage = Partial<Activity> & { readonly type: 'message' };

/**
 * A turn's replies as Teams messages. Plain text goes out as a markdown message
 * (it notifies and copies like a person's message); every other reply is an
 * Adaptive Card, with the text replies just before it shown above the card in
 * the same message, so a turn posts as few messages as possible (Teams
 * throttles bots per conversation). `shownTo`: the person the cards' buttons are for
 * (see teams-button-owner.ts); absent: anyone's.
 */
export function renderTeamsActivities(replies: readonly Reply[], shownTo?: ButtonsOwner): TeamsMessage[] {
  return teamsMessageGroups(replies).map((group) => {
    const last = group[group.length - 1]!;
    const texts = group.flatMap((r) => (r.type === 'text' ? [r.text] : []));
    if (last.type === 'text') return { type: 'message', text: teamsMarkdown(texts), textFormat: 'markdown' };
    return {
      type: 'message',
      ...(texts.length > 0 ? { text: teamsMarkdown(texts), textFormat: 'markdown' } : {}),
      attachments: [cardAttachment(renderAdaptiveCard(last, shownTo ? { shownTo } : {}))],
    };
  });
}

/**
 * The replies of each message `renderTeamsActivities` posts: the text replies up to and
 * including the next other reply (its card), and the text replies left at the end.
 */
export function teamsMessageGroups(replies: readonly Reply[]): Reply[][] {
  const groups: Reply[][] = [];
  let current: Reply[] = [];
  for (const reply of replies) {
    current.push(reply);
    if (reply.type !== 'text') {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
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
