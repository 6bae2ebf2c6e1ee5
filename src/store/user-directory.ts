import { ExpiringCache } from '../core/expiring-cache.js';
import type { ChannelName, InboundUser } from '../core/inbound-message.js';
import type { UserKind, UserProfile, UserRole } from '../domain/user.js';
import { cleanPlatformLine } from '../text/platform-line.js';
import type { Db } from './prisma-client.js';

/** The account that newcomers of the local web and terminal chats join, so anyone can try every skill locally. */
export const DEMO_BRAND_ACCOUNT_ID = 'acc_demo_brand';

/**
 * The account a newcomer joins: one per Slack workspace and per Teams tenant (so a
 * company's shared tickets stay within it), the demo brand for the local chats.
 */
export function newcomerAccount(channel: ChannelName, workspace: string): { id: string; name: string } {
  if (channel === 'slack' || channel === 'teams') {
    const place = workspace.trim();
    const label = channel === 'slack' ? 'Slack workspace' : 'Teams tenant';
    return place
      ? { id: `acc_${channel}_${place}`, name: `${label} ${place}` }
      : { id: `acc_${channel}_unknown`, name: `${label} (unknown)` };
  }
  return { id: DEMO_BRAND_ACCOUNT_ID, name: 'Demo brand' };
}

export interface UserDirectory {
  /**
   * The profile behind a channel identity; an unknown identity becomes a requester of
   * its workspace's account (see `newcomerAccount`), created on first sight.
   */
  resolve(channel: ChannelName, workspace: string, user: InboundUser): Promise<UserProfile>;
  byId(id: string): Promise<UserProfile | null>;
  /** Forget cached profiles (after a role or account change). */
  invalidate(): void;
}

export function createUserDirectory(
  db: Db,
  options: { cacheMs?: number; now?: () => number } = {},
): UserDirectory {
  const cacheMs = options.cacheMs ?? 30_000;
  const now = options.now ?? Date.now;
  const cache = new ExpiringCache<string, UserProfile>(cacheMs, 10_000, now);

  return {
    invalidate: () => cache.clear(),
    async byId(id) {
      const row = await db.user.findUnique({ where: { id } });
      return row ? toProfile(row) : null;
    },
    async resolve(channel, workspace, user) {
      const key = `${channel}\u0000${workspace}\u0000${user.externalId}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const identity = await db.channelIdentity.findUnique({
        where: { channel_workspace_externalId: { channel, workspace, externalId: user.externalId } },
        include: { user: true },
      });
      const row = identity?.user ?? (await createNewcomer(db, channel, workspace, user));
      const profile = toProfile(row);
      cache.set(key, profile);
      return profile;
    },
  };
}

async function createNewcomer(db: Db, channel: ChannelName, workspace: string, user: InboundUser) {
  // A platform's profile may hold anything (a NUL byte PostgreSQL refuses): stored cleaned.
  const displayName = cleanPlatformLine(user.displayName ?? user.externalId, 120);
  const email = user.email ? cleanPlatformLine(user.email, 254) : '';
  const account = newcomerAccount(channel, workspace);
  await ensureAccount(db, account);
  try {
    return await db.user.create({
      data: {
        accountId: account.id,
        displayName,
        email: email || null,
        role: 'requester',
        kind: 'brand',
        identities: { create: { channel, workspace, externalId: user.externalId } },
      },
    });
  } catch (error) {
    // Two first messages of one newcomer at once: the other one created the identity.
    const identity = await db.channelIdentity.findUnique({
      where: { channel_workspace_externalId: { channel, workspace, externalId: user.externalId } },
      include: { user: true },
    });
    if (identity) return identity.user;
    throw error;
  }
}

/** Creates the account on first sight; another instance creating it at the same moment is fine. */
async function ensureAccount(db: Db, account: { id: string; name: string }): Promise<void> {
  if (account.id === DEMO_BRAND_ACCOUNT_ID) return;
  if (await db.account.findUnique({ where: { id: account.id }, select: { id: true } })) return;
  try {
    await db.account.create({ data: { id: account.id, name: account.name, kind: 'brand' } });
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
}

function toProfile(row: {
  id: string;
  displayName: string;
  email: string | null;
  role: string;
  kind: string;
  accountId: string;
}): UserProfile {
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    role: (['requester', 'agent', 'admin'].includes(row.role) ? row.role : 'requester') as UserRole,
    kind: (row.kind === 'partner' ? 'partner' : 'brand') as UserKind,
    accountId: row.accountId,
  };
}
