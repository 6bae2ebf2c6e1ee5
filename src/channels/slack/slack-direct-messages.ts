import type { webApi } from '@slack/bolt';

/** The DM channel between the bot and a user (conversations.open, scope im:write), cached. */
export interface DirectMessages {
  of(team: string, slackUserId: string): Promise<string>;
}

export function createDirectMessages(client: webApi.WebClient): DirectMessages {
  const cache = new Map<string, string>();
  return {
    async of(team, slackUserId) {
      const key = `${team}\u0000${slackUserId}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const opened = await client.conversations.open({ users: slackUserId });
      const id = opened.channel?.id;
      if (!id) throw new Error(`conversations.open gave no channel for ${slackUserId}`);
      if (cache.size > 10_000) cache.clear();
      cache.set(key, id);
      return id;
    },
  };
}
