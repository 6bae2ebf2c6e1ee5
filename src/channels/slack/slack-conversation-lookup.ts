import type { FormReply } from '../../core/reply.js';
import type { Db } from '../../store/prisma-client.js';

/** What the Slack channel reads about stored conversations (thread follow-ups, "Open form"). */
export interface SlackConversationLookup {
  /** The bot user the bot talks with in this thread; null when it does not talk there. */
  ownerOf(team: string, conversationKey: string): Promise<string | null>;
  /** The latest form with this id the bot sent in a conversation. */
  latestForm(team: string, conversationKey: string, formId: string): Promise<FormReply | null>;
}

export function createSlackConversationLookup(db: Db): SlackConversationLookup {
  const where = (team: string, key: string) => ({
    channel_workspace_externalId: { channel: 'slack', workspace: team, externalId: key },
  });
  return {
    async ownerOf(team, key) {
      const row = await db.conversation.findUnique({ where: where(team, key), select: { userId: true } });
      return row?.userId ?? null;
    },
    async latestForm(team, key, formId) {
      const conversation = await db.conversation.findUnique({
        where: where(team, key),
        select: { id: true },
      });
      if (!conversation) return null;
      const rows = await db.message.findMany({
        where: { conversationId: conversation.id, direction: 'out', payload: { contains: '"form"' } },
        orderBy: { id: 'desc' },
        take: 20,
        select: { payload: true },
      });
      for (const row of rows) {
        const reply = safeJson(row.payload);
        if (reply?.type === 'form' && reply.id === formId) return reply as unknown as FormReply;
      }
      return null;
    },
  };
}

function safeJson(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
