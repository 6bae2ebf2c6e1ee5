import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { cleanPlatformLine } from '../../text/platform-line.js';

const BARE_MENTION = /<@([A-Z0-9]+)>/gi;

/**
 * Slack writes a mention as `<@U0BOB>`: an id support can't read in a ticket. Each mentioned
 * person (not the bot) gets their name put in (`<@U0BOB|Bob Brand>`, read as "@Bob Brand");
 * a name users.info can't give leaves the mention as it is.
 */
export async function withMentionNames(
  deps: { client: webApi.WebClient; logger: Logger },
  text: string,
  botUserId: string | undefined,
): Promise<string> {
  const ids = [...new Set([...text.matchAll(BARE_MENTION)].map((m) => m[1]!))].filter(
    (id) => id !== botUserId,
  );
  if (ids.length === 0) return text;
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const user = (await deps.client.users.info({ user: id })).user;
        const name = [user?.profile?.display_name, user?.real_name, user?.name]
          .map((n) => cleanPlatformLine(n ?? '', 120).replace(/[<>|]/g, ''))
          .find(Boolean);
        if (name) names.set(id, name);
      } catch (error) {
        deps.logger.warn({ err: error, slackUserId: id }, 'slack: a mentioned user could not be named');
      }
    }),
  );
  return text.replace(BARE_MENTION, (whole, id: string) => {
    const name = names.get(id);
    return name ? `<@${id}|${name}>` : whole;
  });
}
