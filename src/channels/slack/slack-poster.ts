import type { webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import { type BlockKitTexts, fallbackText, renderBlocks } from './render-block-kit.js';
import type { DirectMessages } from './slack-direct-messages.js';
import type { SlackReference } from './slack-reference.js';

/** Posts the bot's replies into a Slack conversation. */
export interface SlackPoster {
  /** One message per batch of replies that fits Slack's 50-block limit; throws when Slack can't take it. */
  post(ref: SlackReference, replies: readonly Reply[]): Promise<void>;
}

const BLOCKS_PER_MESSAGE = 50;
// The bot left or lost the channel: the user's DM is the only way to reach them.
const GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'thread_not_found']);

export function createSlackPoster(deps: {
  client: webApi.WebClient;
  texts: BlockKitTexts;
  dms: DirectMessages;
}): SlackPoster {
  async function postBatch(channel: string, threadTs: string | undefined, replies: readonly Reply[]) {
    await deps.client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: fallbackText(replies),
      blocks: renderBlocks(replies, deps.texts),
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  async function postAll(channel: string, threadTs: string | undefined, replies: readonly Reply[]) {
    for (const batch of batches(replies, deps.texts)) await postBatch(channel, threadTs, batch);
  }

  return {
    async post(ref, replies) {
      if (replies.length === 0) return;
      try {
        await postAll(ref.channel, ref.threadTs, replies);
      } catch (error) {
        if (!ref.user || !GONE.has(slackErrorCode(error) ?? '')) throw error;
        const dm = await deps.dms.of(ref.team, ref.user);
        if (dm === ref.channel) throw error;
        await postAll(dm, undefined, replies);
      }
    },
  };
}

function batches(replies: readonly Reply[], texts: BlockKitTexts): Reply[][] {
  const out: Reply[][] = [];
  let current: Reply[] = [];
  for (const reply of replies) {
    const next = [...current, reply];
    if (current.length > 0 && renderBlocks(next, texts).length > BLOCKS_PER_MESSAGE) {
      out.push(current);
      current = [reply];
    } else {
      current = next;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Slack's error code of a failed Web API call (`not_in_channel`...), if it was one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
