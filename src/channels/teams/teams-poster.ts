import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';

/** What the bot needs to post into a Teams conversation outside a turn. */
export type TeamsReference = Partial<ConversationReference> & {
  readonly serviceUrl: string;
  readonly conversation: ConversationReference['conversation'];
};

/** A stored reference (JSON from the conversations table) when it has what posting needs. */
export function asTeamsReference(value: unknown): TeamsReference | null {
  if (typeof value !== 'object' || value === null) return null;
  const ref = value as Partial<ConversationReference>;
  if (typeof ref.serviceUrl !== 'string' || !ref.serviceUrl) return null;
  if (typeof ref.conversation?.id !== 'string' || !ref.conversation.id) return null;
  return ref as TeamsReference;
}

/** The same conversation's reply chain `threadId` (a channel conversation id with `;messageid=`). */
export function inThread(reference: TeamsReference, threadId: string): TeamsReference {
  return { ...reference, conversation: { ...reference.conversation, id: threadId } };
}

/** The id of the message that starts a channel reply chain (`...;messageid=<id>`), or null. */
export function rootMessageId(threadId: string): string | null {
  const match = /;messageid=([^;]+)$/.exec(threadId);
  return match?.[1] ?? null;
}

/**
 * Proactive posting through the CloudAdapter: messages into a stored
 * conversation, a new reply chain in a channel, and updates of a posted card.
 * Every call throws when the Bot Connector refuses or is unreachable.
 */
export interface TeamsPoster {
  send(reference: TeamsReference, activities: readonly Partial<Activity>[]): Promise<void>;
  /** Posts `activity` as a new post in `channelId`; resolves to its reply chain's conversation id. */
  startThread(reference: TeamsReference, channelId: string, activity: Partial<Activity>): Promise<string>;
  update(reference: TeamsReference, activityId: string, activity: Partial<Activity>): Promise<void>;
}

export function createTeamsPoster(adapter: CloudAdapter, appId: string): TeamsPoster {
  return {
    async send(reference, activities) {
      if (activities.length === 0) return;
      await adapter.continueConversationAsync(appId, reference, async (ctx) => {
        await ctx.sendActivities([...activities]);
      });
    },
    async startThread(reference, channelId, activity) {
      const tenantId = reference.conversation.tenantId;
      let threadId = '';
      await adapter.createConversationAsync(
        appId,
        reference.channelId ?? 'msteams',
        reference.serviceUrl,
        // Typed as string, but botbuilder reads a missing audience as "the default
        // Bot Framework scope" (TeamsInfo.sendMessageToTeamsChannel passes null too).
        undefined as unknown as string,
        {
          isGroup: true,
          bot: reference.bot as ConversationReference['bot'],
          channelData: { channel: { id: channelId }, ...(tenantId ? { tenant: { id: tenantId } } : {}) },
          activity: activity as Activity,
          ...(tenantId ? { tenantId } : {}),
        },
        async (ctx) => {
          threadId = ctx.activity.conversation.id;
        },
      );
      return threadId;
    },
    async update(reference, activityId, activity) {
      await adapter.continueConversationAsync(appId, reference, async (ctx) => {
        await ctx.updateActivity({ ...activity, id: activityId });
      });
    },
  };
}
