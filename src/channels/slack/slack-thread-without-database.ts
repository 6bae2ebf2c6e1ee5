import type { webApi } from '@slack/bolt';
import { fetchSourceMessage } from './slack-message-source.js';

/** The fields of a thread reply event this check reads. */
export interface ThreadReplyEvent {
  readonly user: string;
  readonly channel: string;
  readonly thread_ts: string;
  readonly parent_user_id?: string;
}

/**
 * Whether the bot probably follows a channel thread with this user, decided without the
 * database (it is down, so the thread's conversation can't be read). The choice, to apologize
 * in threads the bot follows without answering threads it does not:
 * - the thread's parent message is the bot's own (`parent_user_id` in the event tells);
 * - or the parent is the sender's own message and mentions the bot: the usual thread a
 *   mention starts, which the bot answers in and which then belongs to that sender. Its text
 *   comes from Slack (conversations.history); when Slack can't tell either, the bot stays out.
 * A thread started by someone else's message is never answered: others join by mentioning the bot.
 */
export async function followsThreadWithoutDatabase(
  client: webApi.WebClient,
  botUserId: string | undefined,
  e: ThreadReplyEvent,
): Promise<boolean> {
  if (!botUserId) return false;
  if (e.parent_user_id === botUserId) return true;
  if (e.parent_user_id !== undefined && e.parent_user_id !== e.user) return false;
  try {
    const parent = await fetchSourceMessage(client, e.channel, e.thread_ts);
    return parent?.user === e.user && parent.text.includes(`<@${botUserId}`);
  } catch {
    return false;
  }
}
