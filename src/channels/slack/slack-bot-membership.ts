import type { webApi } from '@slack/bolt';
import { slackErrorCode } from './slack-poster.js';

// What Slack answers about a channel the bot is not a member of (public: not_in_channel; private: not found).
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/**
 * Whether the bot can talk in a channel: the message shortcut is offered in every channel, also
 * those the bot was never invited to. Reading the thread (channels:history and the like) tells;
 * any other failure counts as a member, and posting there falls back to the DM as before.
 */
export async function botIsInChannel(
  client: webApi.WebClient,
  channel: string,
  threadTs: string,
): Promise<boolean> {
  try {
    await client.conversations.replies({ channel, ts: threadTs, limit: 1 });
    return true;
  } catch (error) {
    return !NOT_A_MEMBER.has(slackErrorCode(error) ?? '');
  }
}
