import type { webApi } from '@slack/bolt';

/** The bot's own ids, from one `auth.test` call. */
export interface BotIdentity {
  readonly botId: string;
  readonly botUserId: string;
  /** The workspace the bot token belongs to. */
  readonly teamId: string;
  /** Its name ("Acme Support"), for the people it does not serve. */
  readonly teamName: string;
  /** Its Enterprise Grid organisation; null outside Grid. */
  readonly enterpriseId: string | null;
}

/**
 * Calls `auth.test` once and remembers the answer; a failed call is tried again
 * on the next request, so a Slack outage at start-up does not stick.
 */
export function createBotIdentity(client: webApi.WebClient): {
  get(): Promise<BotIdentity>;
  current(): BotIdentity | null;
} {
  let known: BotIdentity | null = null;
  let pending: Promise<BotIdentity> | null = null;
  return {
    current: () => known,
    get() {
      if (known) return Promise.resolve(known);
      pending ??= client.auth
        .test()
        .then((r) => {
          if (!r.user_id || !r.team_id) throw new Error('auth.test gave no user or team id');
          known = {
            botId: r.bot_id ?? '',
            botUserId: r.user_id,
            teamId: r.team_id,
            teamName: r.team ?? '',
            enterpriseId: r.enterprise_id || null,
          };
          return known;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
  };
}
