import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { ExpiringCache } from '../../core/expiring-cache.js';
import type { InboundUser } from '../../core/inbound-message.js';
import { linkIdentityByEmail } from '../../store/link-identity-by-email.js';
import type { Db } from '../../store/prisma-client.js';
import { cleanPlatformLine } from '../../text/platform-line.js';
import type { ButtonsOwner } from './teams-button-owner.js';
import { tenantOf } from './teams-inbound.js';

/**
 * Who a Teams user is for the bot. Activities carry the AAD object id and name
 * but no e-mail; the first time someone shows up, Teams' member API gives their
 * mail (or UPN), which links them to an existing bot user with that address
 * (seeded or created by an admin): that is how agents and admins get their role
 * in Teams. Only a trusted tenant may link that way (see `trustsTenant`).
 * When the member API does not answer in time, the sender is served without the
 * link and the next message asks again: the failure is never cached. So when the lookup fails
 * (the database is down): the turn answers as it can (or says the help desk is unavailable).
 */
export interface TeamsIdentities {
  inboundUser(ctx: TurnContext): Promise<InboundUser>;
  /**
   * A bot user as the owner of the buttons of a message sent to them outside a turn: their
   * Teams id in the tenant (as `buttonsOwner` writes it) and name; null when not known there.
   */
  ownerOf(tenant: string, botUserId: string): Promise<ButtonsOwner | null>;
}

export function createTeamsIdentities(deps: {
  db: Db;
  /** True for tenants whose e-mail addresses are trusted to link accounts. */
  trustsTenant: (tenant: string) => boolean;
  logger: Logger;
  /** Called after a link, so cached profiles are read again. */
  onLinked?: () => void;
  /** Longest wait for the member API; a slow connector never holds up a reply. */
  timeoutMs?: number;
  cacheMs?: number;
  now?: () => number;
}): TeamsIdentities {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? 10 * 60_000;
  const timeoutMs = deps.timeoutMs ?? 1500;
  const cache = new ExpiringCache<string, InboundUser>(cacheMs, 10_000, now);

  /**
   * The sender as the member API knows them: mail (or UPN) and name, nothing when Teams does not list
   * them; null when Teams did not answer (timeout or failure).
   */
  async function member(ctx: TurnContext, userId: string): Promise<{ email?: string; name?: string } | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    try {
      const found = await Promise.race([TeamsInfo.getMember(ctx, userId), timeout]);
      if (!found) return null;
      const email =
        cleanPlatformLine(found.email ?? '', 254) ||
        cleanPlatformLine(found.userPrincipalName ?? '', 254) ||
        undefined;
      const name = cleanPlatformLine(found.name ?? '', 120) || undefined;
      return { ...(email ? { email } : {}), ...(name ? { name } : {}) };
    } catch (error) {
      // "Not a member" is Teams' answer, kept like any other; only a failure is asked again.
      if ((error as { statusCode?: number }).statusCode === 404) return {};
      deps.logger.warn({ err: error }, 'teams member lookup failed');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Links the Teams user to the bot user with this e-mail. An identity created
   * without an e-mail (the member API did not answer on the first message) is moved over.
   */
  async function linkByEmail(
    tenant: string,
    externalId: string,
    email: string,
    identityId: string | null,
  ): Promise<void> {
    const who = { channel: 'teams', workspace: tenant, externalId, identityId } as const;
    const userId = await linkIdentityByEmail(deps.db, who, email);
    if (!userId) return;
    deps.onLinked?.();
    deps.logger.info({ externalId, userId }, 'teams user linked by e-mail');
  }

  /** The sender; `settled` is false when the member API did not answer (ask again next time). */
  async function lookUp(
    ctx: TurnContext,
    tenant: string,
    externalId: string,
  ): Promise<{ user: InboundUser; settled: boolean }> {
    const from = ctx.activity.from;
    const activityName = cleanPlatformLine(from?.name ?? '', 120) || undefined;
    const base = { externalId, ...(activityName ? { displayName: activityName } : {}) };
    const known = await deps.db.channelIdentity.findUnique({
      where: { channel_workspace_externalId: { channel: 'teams', workspace: tenant, externalId } },
      select: { id: true, user: { select: { email: true } } },
    });
    // A known identity without an e-mail was made while the member API was silent: ask it again.
    if (known?.user.email || !from?.id) return { user: base, settled: true };
    const found = await member(ctx, from.id);
    // Some activities (installs, local clients) carry no name; the member API has it.
    const displayName = activityName ?? found?.name;
    const user = { externalId, ...(displayName ? { displayName } : {}) };
    if (!found?.email) return { user, settled: found !== null };
    if (deps.trustsTenant(tenant)) await linkByEmail(tenant, externalId, found.email, known?.id ?? null);
    return { user: { ...user, email: found.email }, settled: true };
  }

  return {
    async inboundUser(ctx) {
      const from = ctx.activity.from;
      const externalId = from?.aadObjectId || from?.id || '';
      const tenant = tenantOf(ctx.activity);
      const key = `${tenant}\u0000${externalId}`;
      const hit = cache.get(key);
      if (hit) return hit;
      try {
        const { user, settled } = await lookUp(ctx, tenant, externalId);
        if (settled) cache.set(key, user);
        return user;
      } catch (error) {
        deps.logger.warn({ err: error, externalId }, 'teams user lookup failed; serving them without it');
        const name = cleanPlatformLine(from?.name ?? '', 120);
        return { externalId, ...(name ? { displayName: name } : {}) };
      }
    },
    async ownerOf(tenant, botUserId) {
      const identity = await deps.db.channelIdentity.findFirst({
        where: { channel: 'teams', workspace: tenant, userId: botUserId },
        orderBy: { id: 'asc' },
        select: { externalId: true, user: { select: { displayName: true } } },
      });
      if (!identity) return null;
      const name = identity.user.displayName.trim();
      return { id: identity.externalId, ...(name ? { name } : {}) };
    },
  };
}
