import type { WebConversations } from '../channels/web/web-chat-api.js';
import type { Reply } from '../core/reply.js';
import type { Db } from './prisma-client.js';

/** The stored-conversation questions the web chat API asks, answered from the database. */
export function createWebConversationLookup(db: Db): WebConversations {
  return {
    async ownerOf(channel, key) {
      const row = await db.conversation.findUnique({
        where: { channel_workspace_externalId: { channel, workspace: '', externalId: key } },
        select: { userId: true },
      });
      if (!row) return null;
      const identity = await db.channelIdentity.findFirst({
        where: { userId: row.userId, channel, workspace: '' },
        select: { externalId: true },
      });
      return identity?.externalId ?? null;
    },
    async updates(channel, key, afterId) {
      const conversation = await db.conversation.findUnique({
        where: { channel_workspace_externalId: { channel, workspace: '', externalId: key } },
        select: { id: true },
      });
      if (!conversation) return [];
      const rows = await db.message.findMany({
        where: {
          conversationId: conversation.id,
          direction: 'out',
          author: { in: ['agent', 'system'] },
          id: { gt: afterId },
        },
        orderBy: { id: 'asc' },
        take: 100,
      });
      return rows.map((r) => ({
        id: r.id,
        author: r.author,
        reply: (r.payload ? JSON.parse(r.payload) : { type: 'text', text: r.text }) as Reply,
      }));
    },
  };
}
