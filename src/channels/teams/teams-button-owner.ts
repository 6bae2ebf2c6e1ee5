import type { Activity, ChannelAccount } from 'botbuilder';
import type { Responses } from '../../core/responses.js';
import { SHOWN_TO_KEY } from './render-adaptive-card.js';

/**
 * In a channel's reply chain or a group chat everyone sees the cards the bot shows the person
 * it answers, and Teams lets anyone press their buttons; the press would run a turn in that
 * person's conversation as if they had pressed it. So a turn's buttons there carry that person
 * (`shownTo` in the card's data), and a press by anyone else runs nothing and is answered:
 *
 * - an Action.Submit press arrives as a message, which has no answer of its own and Teams has
 *   no ephemeral messages: the bot replies in the same thread, @mentioning the presser (they
 *   get notified and everyone reading sees whom it is for and why nothing happened);
 * - an Action.Execute press is an invoke, whose answer may be a message Teams shows only the
 *   presser, under the card: that is used, and nothing is posted in the thread.
 *
 * In a personal chat only the user sees the cards: nothing is written. The agents' desk cards
 * (src/channels/teams/agents) have their own verbs and stay every agent's.
 */

/** Whom a card's buttons are for: the Teams user's id (AAD object id when known) and name. */
export interface ButtonsOwner {
  readonly id: string;
  readonly name?: string;
}

/** True in a channel (a reply chain) or a group chat: anyone there sees the bot's cards. */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation;
  return Boolean(
    conversation?.isGroup ||
      conversation?.conversationType === 'channel' ||
      conversation?.conversationType === 'groupChat',
  );
}

/** Whom the buttons of the answer to `activity` are for: its sender in a shared conversation; none in a personal chat. */
export function buttonsOwner(activity: Partial<Activity>): ButtonsOwner | undefined {
  if (!isSharedConversation(activity)) return undefined;
  const from = activity.from;
  const id = from?.aadObjectId || from?.id;
  if (!id) return undefined;
  return { id, ...(from?.name ? { name: from.name } : {}) };
}

/** The owner a pressed card's data carries; undefined for a card that is anyone's (or not the bot's). */
export function ownerIn(data: Readonly<Record<string, unknown>> | undefined): ButtonsOwner | undefined {
  const raw = data?.[SHOWN_TO_KEY] as { id?: unknown; name?: unknown } | undefined;
  if (typeof raw !== 'object' || raw === null || typeof raw.id !== 'string' || !raw.id) return undefined;
  return { id: raw.id, ...(typeof raw.name === 'string' && raw.name ? { name: raw.name } : {}) };
}

/** True when the card was shown to someone other than the activity's sender. */
export function pressedBySomeoneElse(owner: ButtonsOwner | undefined, activity: Partial<Activity>): boolean {
  if (!owner) return false;
  const from = activity.from;
  return owner.id !== from?.aadObjectId && owner.id !== from?.id;
}

/** Tells the presser, by name, whose the buttons are (teams.buttons_not_yours). */
function notYoursText(responses: Responses, presser: string, owner: ButtonsOwner): string {
  const user = owner.name || responses.t('teams.buttons_owner_unnamed');
  return responses.t('teams.buttons_not_yours', { presser, user });
}

/** The answer to an Action.Execute press on someone else's card: shown to the presser only. */
export function notYoursInvokeText(
  responses: Responses,
  activity: Partial<Activity>,
  owner: ButtonsOwner,
): string {
  const text = notYoursText(responses, activity.from?.name ?? '', owner);
  // Without the presser's name the text would start ", these…".
  return text.replace(/^,\s*(.)/, (_whole, first: string) => first.toUpperCase());
}

/** The reply in the thread to an Action.Submit press on someone else's card, @mentioning the presser. */
export function notYoursMessage(
  responses: Responses,
  activity: Partial<Activity>,
  owner: ButtonsOwner,
): Partial<Activity> {
  const presser = activity.from as ChannelAccount;
  const mention = `<at>${presser.name ?? ''}</at>`;
  return {
    type: 'message',
    text: notYoursText(responses, mention, owner),
    textFormat: 'markdown',
    entities: [{ type: 'mention', text: mention, mentioned: { id: presser.id, name: presser.name ?? '' } }],
  };
}
