import type { Db } from './prisma-client.js';

/** A platform user as the channels know them, with their identity row when there is one already. */
export interface PlatformUser {
  readonly channel: 'slack' | 'teams';
  readonly workspace: string;
  readonly externalId: string;
  /** The existing identity row (created without an e-mail), moved over to the linked user. */
  readonly identityId: string | null;
}

/**
 * Links a Slack or Teams user to the bot user with this e-mail (as typed or lower-cased; the oldest
 * such user when there are several). Answers the bot user's id, or null when no user has that e-mail or
 * another instance linked the same platform user at the same moment (its unique key refused ours).
 */
export async function linkIdentityByEmail(db: Db, who: PlatformUser, email: string): Promise<string | null> {
  const user = await db.user.findFirst({
    where: { email: { in: [...new Set([email, email.toLowerCase()])] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (!user) return null;
  try {
    if (who.identityId) {
      await db.channelIdentity.update({ where: { id: who.identityId }, data: { userId: user.id } });
    } else {
      await db.channelIdentity.create({
        data: { userId: user.id, channel: who.channel, workspace: who.workspace, externalId: who.externalId },
      });
    }
    return user.id;
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    return null;
  }
}
