import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ExpiringCache } from '../../core/expiring-cache.js';

/** The workspace the bot token belongs to (auth.test): the only one the help desk serves. */
export interface WorkspaceHome {
  readonly teamId: string;
  readonly enterpriseId: string | null;
}

/** A user's profile as users.info gives it (the fields read here). */
export type SlackProfile = NonNullable<webApi.UsersInfoResponse['user']>;

/**
 * True when users.info places the user outside the workspace: in another organisation, or in
 * another workspace that is not also theirs (Enterprise Grid members belong to several). A
 * profile that names no team says nothing and counts as the workspace's.
 */
export function isOutsideProfile(profile: SlackProfile | undefined, home: WorkspaceHome): boolean {
  const enterprise = profile?.enterprise_user?.enterprise_id ?? profile?.enterprise_id;
  if (enterprise && home.enterpriseId && enterprise !== home.enterpriseId) return true;
  if (!profile?.team_id || profile.team_id === home.teamId) return false;
  return !(profile.enterprise_user?.teams ?? profile.teams ?? []).includes(home.teamId);
}

/** A Slack user's place: the workspace's, outside it (Slack Connect), or not known (users.info failed). */
export type Standing = 'member' | 'outsider' | 'unknown';

/**
 * Who belongs to the workspace. Slack Connect brings people of other companies into shared
 * channels and DMs, and they can write to the bot, press its buttons and run its shortcuts; the
 * payload names the user's own team (`user_team`, `user.team_id`), and users.info does too.
 */
export interface WorkspaceMembers {
  /**
   * `declaredTeam`: the user's team as the payload names it. Another workspace of the same Grid
   * organisation, or no team at all, is settled by users.info (remembered for a while).
   */
  standing(slackUserId: string, declaredTeam: string | undefined): Promise<Standing>;
}

export function createWorkspaceMembers(deps: {
  client: webApi.WebClient;
  /** Null while auth.test has not answered. */
  home: () => WorkspaceHome | null;
  logger: Logger;
  now?: () => number;
  cacheMs?: number;
}): WorkspaceMembers {
  const cache = new ExpiringCache<string, boolean>(deps.cacheMs ?? 10 * 60_000, 10_000, deps.now);

  /** The payload's team decides, unless it is missing or may be a Grid sibling workspace. */
  function fromPayload(home: WorkspaceHome, declaredTeam: string | undefined): Standing | null {
    if (!declaredTeam) return null;
    if (declaredTeam === home.teamId) return 'member';
    return home.enterpriseId ? null : 'outsider';
  }

  return {
    async standing(slackUserId, declaredTeam) {
      const home = deps.home();
      if (!home) return 'unknown';
      const declared = fromPayload(home, declaredTeam);
      if (declared) return declared;
      const known = cache.get(slackUserId);
      if (known !== undefined) return known ? 'outsider' : 'member';
      try {
        const { user } = await deps.client.users.info({ user: slackUserId });
        const outside = isOutsideProfile(user, home);
        cache.set(slackUserId, outside);
        return outside ? 'outsider' : 'member';
      } catch (error) {
        deps.logger.warn(
          { err: error, slackUserId },
          'slack users.info failed; whose workspace is not known',
        );
        return 'unknown';
      }
    },
  };
}
