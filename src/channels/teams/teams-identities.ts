import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { InboundUser } from '../../core/inbound-message.js';
import type { Db } from '../../store/prisma-client.js';
import { tenantOf } from './teams-inbound.js';

/**
 * Who a Teams user is for the bot. Activities carry the AAD object id and name
 * but no e-mail; the first time someone shows up, Teams' member API gives their
 * mail (or UPN), which links them to an existing bot user with that address
 * (seeded or created by an admin): that is how agents and admins get their role
 * in Teams. Only a trusted tenant may link that way (see `trustsTenant`).
 */
export interface TeamsIdentities {
  inboundUser(ctx: TurnContext): Promise<InboundUser>;
}

interface Cached {
  readonly user: InboundUser;
  readonly expires: number;
}

export function createTeamsIdentities(deps: {
  db: Db;
  /** True for tenants whose e-mail addresses are trusted to link accounts. */
  trustsTenant: (tenant: string) => boolean;
  logger: Logger;
  /** Longest wait for the member API; a slow connector never holds up a reply. */
  timeoutMs?: number;
  cacheMs?: number;
  now?: () => number;
}): TeamsIdentities {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? 10 * 60_000;
  const timeoutMs = deps.timeoutMs ?? 1500;
  const cache = new Map<string, Cached>();

  async function memberEmail(ctx: TurnContext, userId: string): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    try {
      const member = await Promise.race([TeamsInfo.getMember(ctx, userId), timeout]);
      return member?.email?.trim() || member?.userPrincipalName?.trim() || undefined;
    } catch (error) {
      deps.logger.warn({ err: error }, 'teams member lookup failed');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async function linkByEmail(tenant: string, externalId: string, email: string): Promise<void> {
    const user = await deps.db.user.findFirst({
      where: { email: { in: [...new Set([email, email.toLowerCase()])] } },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    if (!user) return;
    try {
      await deps.db.channelIdentity.create({
        data: { userId: user.id, channel: 'teams', workspace: tenant, externalId },
      });
      deps.logger.info({ externalId, userId: user.id }, 'teams user linked by e-mail');
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
    }
  }

  async function lookUp(ctx: TurnContext, tenant: string, externalId: string): Promise<InboundUser> {
    const from = ctx.activity.from;
    const displayName = from?.name?.trim() || undefined;
    const base = { externalId, ...(displayName ? { displayName } : {}) };
    const known = await deps.db.channelIdentity.findUnique({
      where: { channel_workspace_externalId: { channel: 'teams', workspace: tenant, externalId } },
      select: { id: true },
    });
    if (known || !from?.id) return base;
    const email = await memberEmail(ctx, from.id);
    if (!email) return base;
    if (deps.trustsTenant(tenant)) await linkByEmail(tenant, externalId, email);
    return { ...base, email };
  }

  return {
    async inboundUser(ctx) {
      const from = ctx.activity.from;
      const externalId = from?.aadObjectId || from?.id || '';
      const tenant = tenantOf(ctx.activity);
      const key = `${tenant}\u0000${externalId}`;
      const hit = cache.get(key);
      if (hit && hit.expires > now()) return hit.user;
      const user = await lookUp(ctx, tenant, externalId);
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { user, expires: now() + cacheMs });
      return user;
    },
  };
}
