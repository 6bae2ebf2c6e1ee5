import type { webApi } from '@slack/bolt';
import { PartlyDeliveredError } from '../../core/outbox-dispatcher.js';
import type { Reply } from '../../core/reply.js';
import { type BlockKitTexts, fallbackText, renderBlocks } from './render-block-kit.js';
import type { DirectMessages } from './slack-direct-messages.js';
import { messageBatches } from './slack-message-batches.js';
import type { SlackReference } from './slack-reference.js';

/** Posts the bot's replies into a Slack conversation. */
export interface SlackPoster {
  /**
   * One message per batch of replies that fits Slack's 50-block limit; throws a
   * `SlackPostError` naming the replies that did not go out when Slack can't take them.
   * `shownTo`: the Slack user the buttons are for (see slack-button-owner.ts); absent: anyone's.
   */
  post(ref: SlackReference, replies: readonly Reply[], shownTo?: string): Promise<void>;
}

/**
 * Slack refused a batch: `unsent` are the replies of it and the batches after (the earlier
 * ones went out), so the outbox tries only those again.
 */
export class SlackPostError extends PartlyDeliveredError {
  override readonly name = 'SlackPostError';

  constructor(unsent: readonly Reply[], cause: unknown) {
    super(
      `Slack did not take ${unsent.length} of the replies: ${String((cause as Error)?.message ?? cause)}`,
      unsent,
      { cause },
    );
  }
}

// The bot left or lost the channel: the user's DM is the only way to reach them.
const GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'thread_not_found']);

export function createSlackPoster(deps: {
  client: webApi.WebClient;
  texts: BlockKitTexts;
  dms: DirectMessages;
}): SlackPoster {
  async function postBatch(
    channel: string,
    threadTs: string | undefined,
    replies: readonly Reply[],
    shownTo: string | undefined,
  ) {
    await deps.client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: fallbackText(replies),
      blocks: renderBlocks(replies, deps.texts, shownTo),
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  async function postAll(
    channel: string,
    threadTs: string | undefined,
    replies: readonly Reply[],
    shownTo?: string,
  ) {
    const all = messageBatches(replies, deps.texts);
    for (let i = 0; i < all.length; i++) {
      try {
        await postBatch(channel, threadTs, all[i]!, shownTo);
      } catch (error) {
        throw new SlackPostError(all.slice(i).flat(), error);
      }
    }
  }

  return {
    async post(ref, replies, shownTo) {
      if (replies.length === 0) return;
      try {
        await postAll(ref.channel, ref.threadTs, replies, shownTo);
      } catch (error) {
        const failure = error as SlackPostError;
        if (!ref.user || !GONE.has(slackErrorCode(failure.cause) ?? '')) throw failure;
        let dm: string;
        try {
          dm = await deps.dms.of(ref.team, ref.user);
        } catch {
          throw failure;
        }
        if (dm === ref.channel) throw failure;
        await postAll(dm, undefined, failure.unsent);
      }
    },
  };
}

/** Slack's error code of a failed Web API call (`not_in_channel`...), if it was one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
