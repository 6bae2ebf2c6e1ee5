import type { webApi } from '@slack/bolt';
import type { SlackFile } from './slack-inbound.js';

/** A message someone reacted to or ran a shortcut on. */
export interface SourceMessage {
  readonly ts: string;
  readonly threadTs?: string;
  readonly user?: string;
  readonly text: string;
  readonly files: readonly SlackFile[];
}

/**
 * Reads one message by its ts: channel history for top-level messages, the
 * thread for replies (scopes channels:history, groups:history, im:history, mpim:history).
 */
export async function fetchSourceMessage(
  client: webApi.WebClient,
  channel: string,
  ts: string,
): Promise<SourceMessage | null> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const top = history.messages?.find((m) => m.ts === ts);
  const found =
    top ??
    (await client.conversations.replies({ channel, ts, limit: 1, inclusive: true })).messages?.find(
      (m) => m.ts === ts,
    );
  if (!found?.ts) return null;
  return {
    ts: found.ts,
    ...(found.thread_ts ? { threadTs: found.thread_ts } : {}),
    ...(found.user ? { user: found.user } : {}),
    text: found.text ?? '',
    files: (found.files ?? []) as SlackFile[],
  };
}
