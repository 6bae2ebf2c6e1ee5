/**
 * Where a Slack conversation lives: the channel, and the thread for mentions.
 * Stored with the conversation, so notifications and agent replies find it later.
 */
export interface SlackReference {
  readonly team: string;
  readonly channel: string;
  /** Set for conversations in a channel thread; absent for direct messages. */
  readonly threadTs?: string;
  /** The Slack user who started it: their DM is the fallback when the bot left the channel. */
  readonly user?: string;
}

/** The conversation key: the DM channel id, or `channel:thread_ts` for a thread. */
export function conversationKeyOf(ref: SlackReference): string {
  return ref.threadTs ? `${ref.channel}:${ref.threadTs}` : ref.channel;
}

/** Direct-message channel ids start with D. */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}

/** Reads a stored reference back; null when it is not one of ours. */
export function parseSlackReference(value: unknown): SlackReference | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.team !== 'string' || typeof v.channel !== 'string' || v.channel === '') return null;
  return {
    team: v.team,
    channel: v.channel,
    ...(typeof v.threadTs === 'string' && v.threadTs ? { threadTs: v.threadTs } : {}),
    ...(typeof v.user === 'string' && v.user ? { user: v.user } : {}),
  };
}
