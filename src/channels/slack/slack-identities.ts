import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { InboundUser } from '../../core/inbound-message.js';
import type { Db } from '../../store/prisma-client.js';

/**
 * Who a Slack user is for the bot. The first time a Slack user shows up, their
 * e-mail (`users.info`, scope users:read.email) links them to an existing bot
 * user with that address (seeded or created by an admin), which is how agents
 * and admins get their role in Slack. Only the workspace the bot token belongs
 * to is trusted for that link; anyone else starts as a new requester.
 */
export interface SlackIdentities {
  inboundUser(team: string, slackUserId: string): Promise<InboundUser>;
  /** The bot user id behind a Slack user (linking them first); null when there is none yet. */
  botUserIdOf(team: string, slackUserId: string): Promise<string | null>;
}

interface Cached {
  readonly user: InboundUser;
  readonly expires: number;
}

export function createSlackIdentities(deps: {
  db: Db;
  client: webApi.WebClient;
  /** The workspace of the bot token (auth.test); null while unknown. */
  homeTeam: () => string | null;
  logger: Logger;
  now?: () => number;
  cacheMs?: number;
}): SlackIdentities {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? 10 * 60_000;
  const cache = new Map<string, Cached>();

  async function lookUp(team: string, slackUserId: string): Promise<InboundUser> {
    const known = await deps.db.channelIdentity.findUnique({
      where: { channel_workspace_externalId: { channel: 'slack', workspace: team, externalId: slackUserId } },
      select: { id: true },
    });
    if (known) return { externalId: slackUserId };
    let info: webApi.UsersInfoResponse['user'];
    try {
      info = (await deps.client.users.info({ user: slackUserId })).user;
    } catch (error) {
      // Without the profile the user still gets an answer; the link is tried again next time.
      deps.logger.warn({ err: error, slackUserId }, 'slack users.info failed');
      return { externalId: slackUserId };
    }
    const email = info?.profile?.email?.trim() || undefined;
    const displayName =
      info?.profile?.display_name?.trim() || info?.real_name?.trim() || info?.name?.trim() || undefined;
    if (email && team === deps.homeTeam()) await linkByEmail(team, slackUserId, email);
    return { externalId: slackUserId, ...(displayName ? { displayName } : {}), ...(email ? { email } : {}) };
  }

  async function linkByEmail(team: string, slackUserId: string, email: string): Promise<void> {
    const user = await deps.db.user.findFirst({
      where: { email: { in: [...new Set([email, email.toLowerCase()])] } },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    if (!user) return;
    try {
      await deps.db.channelIdentity.create({
        data: { userId: user.id, channel: 'slack', workspace: team, externalId: slackUserId },
      });
      deps.logger.info({ slackUserId, userId: user.id }, 'slack user linked by e-mail');
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
    }
  }

  return {
    async inboundUser(team, slackUserId) {
      const key = `${team}\u0000${slackUserId}`;
      const hit = cache.get(key);
      if (hit && hit.expires > now()) return hit.user;
      const user = await lookUp(team, slackUserId);
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { user, expires: now() + cacheMs });
      return user;
    },
    async botUserIdOf(team, slackUserId) {
      await this.inboundUser(team, slackUserId);
      const identity = await deps.db.channelIdentity.findUnique({
        where: {
          channel_workspace_externalId: { channel: 'slack', workspace: team, externalId: slackUserId },
        },
        select: { userId: true },
      });
      return identity?.userId ?? null;
    },
  };
}
