import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ExpiringCache } from '../../core/expiring-cache.js';
import type { InboundUser } from '../../core/inbound-message.js';
import { linkIdentityByEmail } from '../../store/link-identity-by-email.js';
import type { Db } from '../../store/prisma-client.js';
import { cleanPlatformLine } from '../../text/platform-line.js';
import { isOutsideProfile } from './slack-workspace-members.js';

/**
 * Who a Slack user is for the bot. The first time a Slack user shows up, their
 * e-mail (`users.info`, scope users:read.email) links them to an existing bot
 * user with that address (seeded or created by an admin), which is how agents
 * and admins get their role in Slack. Only the workspace the bot token belongs
 * to is trusted for that link, and only for its own members: a user users.info places in
 * another company (Slack Connect) is never linked, even to a directory user with their e-mail.
 * When the lookup fails (the database is down), the sender is served without it: the turn
 * answers as it can (or says the help desk is unavailable), and the next message looks again.
 */
export interface SlackIdentities {
  inboundUser(team: string, slackUserId: string): Promise<InboundUser>;
  /** The bot user id behind a Slack user (linking them first); null when there is none yet. */
  botUserIdOf(team: string, slackUserId: string): Promise<string | null>;
  /** The Slack user id of a bot user in a workspace (to mention an agent); null when not linked. */
  slackUserOf(team: string, botUserId: string): Promise<string | null>;
}

const FAILED_LOOKUP_TTL_MS = 30_000;

export function createSlackIdentities(deps: {
  db: Db;
  client: webApi.WebClient;
  /** The workspace of the bot token (auth.test); null while unknown. */
  homeTeam: () => string | null;
  /** Its Enterprise Grid organisation (auth.test); null outside Grid. */
  homeEnterprise?: () => string | null;
  logger: Logger;
  /** Called after a link, so cached profiles are read again. */
  onLinked?: () => void;
  now?: () => number;
  cacheMs?: number;
}): SlackIdentities {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? 10 * 60_000;
  const cache = new ExpiringCache<string, InboundUser>(cacheMs, 10_000, now);

  async function lookUp(team: string, slackUserId: string): Promise<{ user: InboundUser; ttl: number }> {
    const known = await deps.db.channelIdentity.findUnique({
      where: { channel_workspace_externalId: { channel: 'slack', workspace: team, externalId: slackUserId } },
      select: { id: true, user: { select: { email: true } } },
    });
    if (known?.user.email) return { user: { externalId: slackUserId }, ttl: cacheMs };
    let info: webApi.UsersInfoResponse['user'];
    try {
      info = (await deps.client.users.info({ user: slackUserId })).user;
    } catch (error) {
      // Without the profile the user still gets an answer; the link is tried again next time.
      deps.logger.warn({ err: error, slackUserId }, 'slack users.info failed');
      return { user: { externalId: slackUserId }, ttl: FAILED_LOOKUP_TTL_MS };
    }
    const email = cleanPlatformLine(info?.profile?.email ?? '', 254) || undefined;
    const displayName =
      [info?.profile?.display_name, info?.real_name, info?.name]
        .map((name) => cleanPlatformLine(name ?? '', 120))
        .find(Boolean) || undefined;
    if (email && isHomeMember(team, info)) await linkByEmail(team, slackUserId, email, known?.id ?? null);
    return {
      user: { externalId: slackUserId, ...(displayName ? { displayName } : {}), ...(email ? { email } : {}) },
      ttl: cacheMs,
    };
  }

  /** True when the workspace is the bot's and users.info places the user in it. */
  function isHomeMember(team: string, info: webApi.UsersInfoResponse['user']): boolean {
    if (team !== deps.homeTeam()) return false;
    return !isOutsideProfile(info, { teamId: team, enterpriseId: deps.homeEnterprise?.() ?? null });
  }

  /**
   * Links the Slack user to the bot user with this e-mail. An identity created
   * without an e-mail (users.info failed on the first message) is moved over.
   */
  async function linkByEmail(team: string, slackUserId: string, email: string, identityId: string | null) {
    const who = { channel: 'slack', workspace: team, externalId: slackUserId, identityId } as const;
    const userId = await linkIdentityByEmail(deps.db, who, email);
    if (!userId) return;
    deps.onLinked?.();
    deps.logger.info({ slackUserId, userId }, 'slack user linked by e-mail');
  }

  return {
    async inboundUser(team, slackUserId) {
      const key = `${team}\u0000${slackUserId}`;
      const hit = cache.get(key);
      if (hit) return hit;
      try {
        const { user, ttl } = await lookUp(team, slackUserId);
        cache.set(key, user, ttl);
        return user;
      } catch (error) {
        deps.logger.warn({ err: error, slackUserId }, 'slack user lookup failed; serving them without it');
        return { externalId: slackUserId };
      }
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
    async slackUserOf(team, botUserId) {
      const identity = await deps.db.channelIdentity.findFirst({
        where: { channel: 'slack', workspace: team, userId: botUserId },
        select: { externalId: true },
      });
      return identity?.externalId ?? null;
    },
  };
}
