import type { Db } from './prisma-client.js';
import { readDate, type SqlExecutor } from './sql/sql-executor.js';

interface MessageRow {
  id: number;
  direction: string;
  author: string;
  authorId: string | null;
  text: string;
  handoffId: string | null;
  createdAt: unknown;
}

/** One stored message as the live chat shows it. */
export interface HandoffMessage {
  readonly id: number;
  readonly direction: 'in' | 'out';
  /** user | bot | agent | system | note */
  readonly author: string;
  readonly authorId: string | null;
  readonly text: string;
  readonly handoffId: string | null;
  readonly createdAt: Date;
}

/**
 * The messages of live chats. Relayed user messages are stored by the turn
 * pipeline (with the chat's id), agent replies by the outbox dispatcher; internal
 * notes are stored here with author `note`, which no requester view ever reads
 * (the web chat shows only agent and system messages).
 */
export interface HandoffMessages {
  /** The highest message id of a chat (of one author, when given), 0 when it has none. */
  latestId(handoffId: string, author?: string): Promise<number>;
  /** Messages of a chat after an id, oldest first. */
  after(handoffId: string, afterId: number, limit?: number): Promise<HandoffMessage[]>;
  /** The latest messages of the conversation (this chat's and those outside any chat), oldest first. */
  transcript(conversationId: string, handoffId: string, limit?: number): Promise<HandoffMessage[]>;
  byId(id: number): Promise<HandoffMessage | null>;
  /**
   * What the conversation shows last (its latest message, agents' notes left out): the stored
   * reply (a bot's or system's button prompt) when that is a message to the user, else null.
   */
  latestShown(conversationId: string): Promise<unknown>;
  /** The latest messages of a conversation outside any chat, oldest first, with the intent matched. */
  recentOutsideChats(
    conversationId: string,
    limit: number,
  ): Promise<Array<HandoffMessage & { intent: string | null }>>;
  appendNote(input: {
    conversationId: string;
    handoffId: string;
    agentId: string;
    text: string;
    at: Date;
  }): Promise<number>;
  /** Stores a relayed attachment as its own line of the chat (the file itself goes to the ticket). */
  appendAttachment(input: {
    conversationId: string;
    handoffId: string;
    userId: string;
    text: string;
    attachment: { name: string; mimeType: string; size: number; url: string | null };
    at: Date;
  }): Promise<number>;
}

export function createHandoffMessages(db: Db, sql: SqlExecutor): HandoffMessages {
  const select = {
    id: true,
    direction: true,
    author: true,
    authorId: true,
    text: true,
    handoffId: true,
    createdAt: true,
  } as const;
  const toMessage = (r: Omit<MessageRow, 'createdAt'> & { createdAt: Date }): HandoffMessage => ({
    ...r,
    direction: r.direction === 'out' ? 'out' : 'in',
  });

  return {
    // Every relayed message is watched for and read by the live views: hand-written SQL.
    async latestId(handoffId, author) {
      const row = author
        ? await sql.get<{ id: number }>(
            'SELECT "id" FROM "Message" WHERE "handoffId" = ? AND "author" = ? ORDER BY "id" DESC LIMIT 1',
            [handoffId, author],
          )
        : await sql.get<{ id: number }>(
            'SELECT "id" FROM "Message" WHERE "handoffId" = ? ORDER BY "id" DESC LIMIT 1',
            [handoffId],
          );
      return row ? Number(row.id) : 0;
    },
    async after(handoffId, afterId, limit = 500) {
      const rows = await sql.all<MessageRow>(
        'SELECT "id", "direction", "author", "authorId", "text", "handoffId", "createdAt" FROM "Message" ' +
          'WHERE "handoffId" = ? AND "id" > ? ORDER BY "id" ASC LIMIT ?',
        [handoffId, afterId, limit],
      );
      return rows.map((r) => toMessage({ ...r, id: Number(r.id), createdAt: readDate(r.createdAt) }));
    },
    async transcript(conversationId, handoffId, limit = 200) {
      // This chat's messages and the conversation around them; earlier chats' stay out.
      const rows = await db.message.findMany({
        where: { conversationId, OR: [{ handoffId: null }, { handoffId }] },
        orderBy: { id: 'desc' },
        take: limit,
        select,
      });
      return rows.reverse().map(toMessage);
    },
    async recentOutsideChats(conversationId, limit) {
      const rows = await db.message.findMany({
        where: { conversationId, handoffId: null },
        orderBy: { id: 'desc' },
        take: limit,
        select: { ...select, intent: true },
      });
      return rows.reverse().map((r) => ({ ...toMessage(r), intent: r.intent }));
    },
    async latestShown(conversationId) {
      const row = await sql.get<{ direction: string; payload: unknown }>(
        'SELECT "direction", "payload" FROM "Message" WHERE "conversationId" = ? AND "author" <> ? ' +
          'ORDER BY "id" DESC LIMIT 1',
        [conversationId, 'note'],
      );
      if (row?.direction !== 'out' || !row.payload) return null;
      if (typeof row.payload !== 'string') return row.payload;
      try {
        return JSON.parse(row.payload) as unknown;
      } catch {
        return null;
      }
    },
    async byId(id) {
      const row = await db.message.findUnique({ where: { id }, select });
      return row ? toMessage(row) : null;
    },
    async appendNote({ conversationId, handoffId, agentId, text, at }) {
      const row = await db.message.create({
        data: {
          conversationId,
          direction: 'out',
          author: 'note',
          authorId: agentId,
          text,
          handoffId,
          createdAt: at,
        },
        select: { id: true },
      });
      return row.id;
    },
    async appendAttachment({ conversationId, handoffId, userId, text, attachment, at }) {
      const row = await db.message.create({
        data: {
          conversationId,
          direction: 'in',
          author: 'user',
          authorId: userId,
          text,
          payload: JSON.stringify({ attachment }),
          handoffId,
          createdAt: at,
        },
        select: { id: true },
      });
      return row.id;
    },
  };
}
