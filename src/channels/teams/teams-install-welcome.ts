import { type Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { EventClaims } from '../../core/event-claims.js';
import type { InboundUser } from '../../core/inbound-message.js';
import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { TeamsIdentities } from './teams-identities.js';
import { tenantOf } from './teams-inbound.js';

/** Stores a conversation's reference when the bot is installed, before anyone writes. */
export interface InstallRecorder {
  record(install: {
    readonly workspace: string;
    readonly conversationKey: string;
    readonly user: InboundUser;
    readonly reference: unknown;
  }): Promise<{ readonly conversationId: string }>;
}

export interface TeamsInstallDeps {
  readonly identities: TeamsIdentities;
  readonly installs: InstallRecorder;
  /** The once-only claims inbound messages use (core/event-claims.ts): a redelivery is not welcomed again. */
  readonly claims: EventClaims;
  readonly responses: Responses;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** Posts replies in the turn, or queues them for `conversationId`; throws when it can do neither. */
  readonly postOrQueue: (
    ctx: TurnContext,
    replies: readonly Reply[],
    conversationId: string | null,
  ) => Promise<void>;
}

export interface TeamsInstalls {
  /** A conversationUpdate: when it adds the bot, remember where and say hello, once per activity. */
  onConversationUpdate(ctx: TurnContext): Promise<void>;
  /** Stores where the bot was installed, so proactive messages can reach it before anyone writes. */
  record(ctx: TurnContext): Promise<{ readonly user: InboundUser; readonly conversationId: string | null }>;
}

/** The claim key of an install activity: Teams activity ids are unique within a conversation only. */
export function installEventKey(activity: Activity): string | null {
  if (!activity.id) return null;
  return `teams:${tenantOf(activity)}:install:${activity.conversation.id}|${activity.id}`;
}

export function createTeamsInstalls(deps: TeamsInstallDeps): TeamsInstalls {
  const { t } = deps.responses;

  async function record(
    ctx: TurnContext,
  ): Promise<{ readonly user: InboundUser; readonly conversationId: string | null }> {
    const activity = ctx.activity;
    const user = await deps.identities.inboundUser(ctx);
    try {
      const { conversationId } = await deps.installs.record({
        workspace: tenantOf(activity),
        conversationKey: activity.conversation.id,
        user,
        reference: TurnContext.getConversationReference(activity),
      });
      return { user, conversationId };
    } catch (error) {
      deps.logger.warn({ err: error }, 'teams install could not be recorded');
      return { user, conversationId: null };
    }
  }

  async function welcome(ctx: TurnContext): Promise<void> {
    const activity = ctx.activity;
    const { user, conversationId } = await record(ctx);
    const personal = activity.conversation.conversationType === 'personal' || !activity.conversation.isGroup;
    const name = (user.displayName ?? '').split(' ')[0] ?? '';
    // Without a name "Hi {name}!" would read "Hi !".
    const text = personal ? t('teams.welcome', { name }).replace(/\s+!/, '!') : t('teams.welcome_group');
    await deps.postOrQueue(ctx, [{ type: 'text', text }], conversationId);
  }

  /**
   * True when this delivery welcomes. A claim the database cannot answer welcomes anyway: a
   * welcome twice while the database is down beats none.
   */
  async function claim(key: string): Promise<boolean> {
    try {
      return await deps.claims.claim(key, deps.clock());
    } catch (error) {
      deps.logger.warn({ err: error, eventKey: key }, 'teams install not claimed; welcoming anyway');
      return true;
    }
  }

  return {
    record,
    async onConversationUpdate(ctx) {
      const activity = ctx.activity;
      const botId = activity.recipient?.id;
      if (!botId || !(activity.membersAdded ?? []).some((m) => m.id === botId)) return;
      const key = installEventKey(activity);
      if (key && !(await claim(key))) return;
      try {
        await welcome(ctx);
      } catch (error) {
        // Neither posted nor queued: the redelivery welcomes.
        if (key) await deps.claims.release(key);
        throw error;
      }
    },
  };
}
