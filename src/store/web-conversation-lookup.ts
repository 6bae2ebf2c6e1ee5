import type { WebConversations } from '../channels/web/web-chat-api.js';
import type { Reply } from '../core/reply.js';
import type { Db } from './prisma-client.js';
import type { SqlExecutor } from './sql/sql-executor.js';

/** The stored-conversation questions the web chat API asks, answered from the database. */
export function createWebConversationLookup(db: Db, sql: SqlExecutor): WebConversations {
  return {
    // Asked on every message: one hand-written statement.
    async ownerOf(channel, key) {
      const row = await sql.get<{ externalId: string }>(
        'SELECT i."externalId" FROM "Conversation" c JOIN "ChannelIdentity" i ' +
          'ON i."userId" = c."userId" AND i."channel" = c."channel" AND i."workspace" = c."workspace" ' +
          'WHERE c."channel" = ? AND c."workspace" = \'\' AND c."externalId" = ? ORDER BY i."id" LIMIT 1',
        [channel, key],
      );
      return row?.externalId ?? null;
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
