import type { WebConversations } from '../channels/web/web-chat-api.js';
import { ExpiringCache } from '../core/expiring-cache.js';
import type { Reply } from '../core/reply.js';
import type { SqlExecutor } from './sql/sql-executor.js';

const OWNER_CACHE_SIZE = 10_000;
const OWNER_CACHE_MS = 10 * 60_000;

/**
 * The stored-conversation questions the web chat API asks on every message and
 * every poll, answered with hand-written statements. A conversation's owner never
 * changes, so a found owner is remembered for a while (unknown keys are not).
 */
export function createWebConversationLookup(
  sql: SqlExecutor,
  now: () => number = Date.now,
): WebConversations {
  const owners = new ExpiringCache<string, string>(OWNER_CACHE_MS, OWNER_CACHE_SIZE, now);

  return {
    async ownerOf(channel, key) {
      const cacheKey = `${channel}\u0000${key}`;
      const hit = owners.get(cacheKey);
      if (hit) return hit;
      const row = await sql.get<{ externalId: string }>(
        'SELECT i."externalId" FROM "Conversation" c JOIN "ChannelIdentity" i ' +
          'ON i."userId" = c."userId" AND i."channel" = c."channel" AND i."workspace" = c."workspace" ' +
          'WHERE c."channel" = ? AND c."workspace" = \'\' AND c."externalId" = ? ORDER BY i."id" LIMIT 1',
        [channel, key],
      );
      if (!row) return null;
      owners.set(cacheKey, row.externalId);
      return row.externalId;
    },
    async updates(channel, key, afterId) {
      const rows = await sql.all<{ id: number; author: string; text: string; payload: string | null }>(
        'SELECT m."id", m."author", m."text", m."payload" FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId" ' +
          'WHERE c."channel" = ? AND c."workspace" = \'\' AND c."externalId" = ? ' +
          'AND m."direction" = \'out\' AND m."author" IN (\'agent\', \'system\') AND m."id" > ? ' +
          'ORDER BY m."id" ASC LIMIT 100',
        [channel, key, afterId],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        author: r.author,
        reply: (r.payload ? JSON.parse(r.payload) : { type: 'text', text: r.text }) as Reply,
      }));
    },
    async messages(channel, key, afterId, limit) {
      const rows = await sql.all<{
        id: number;
        direction: string;
        author: 'user' | 'bot' | 'agent' | 'system';
        text: string;
        payload: string | null;
      }>(
        'SELECT m."id", m."direction", m."author", m."text", m."payload" FROM "Message" m ' +
          'JOIN "Conversation" c ON c."id" = m."conversationId" ' +
          'WHERE c."channel" = ? AND c."workspace" = \'\' AND c."externalId" = ? AND m."id" > ? ' +
          'AND ((m."direction" = \'in\' AND m."author" = \'user\') ' +
          "OR (m.\"direction\" = 'out' AND m.\"author\" IN ('bot', 'agent', 'system'))) " +
          'ORDER BY m."id" DESC LIMIT ?',
        [channel, key, afterId, limit],
      );
      // An inbound message's payload is the button value it carried, not a reply: it shows as its text.
      return rows.reverse().map((r) => ({
        id: Number(r.id),
        author: r.author,
        reply: (r.direction === 'out' && r.payload
          ? JSON.parse(r.payload)
          : { type: 'text', text: r.text }) as Reply,
      }));
    },
  };
}
