import type { ConversationState } from '../core/conversation-state.js';
import { parseState } from '../core/conversation-state.js';
import { BotError } from '../core/errors.js';
import type { ChannelName } from '../core/inbound-message.js';
import type { Db } from './prisma-client.js';
import { readDate, type SqlExecutor, type SqlStatements, type SqlValue } from './sql/sql-executor.js';

export interface ConversationRecord {
  readonly id: string;
  readonly channel: ChannelName;
  readonly workspace: string;
  readonly externalKey: string;
  readonly userId: string;
  readonly reference: unknown;
  readonly state: ConversationState;
  readonly version: number;
}

export interface StoredMessage {
  readonly direction: 'in' | 'out';
  readonly author: 'user' | 'bot' | 'agent' | 'system';
  readonly authorId?: string | null;
  readonly text: string;
  readonly payload?: unknown;
  readonly intent?: string | null;
  readonly confidence?: number | null;
  readonly handoffId?: string | null;
}

export interface TranscriptLine {
  readonly id: number;
  readonly direction: 'in' | 'out';
  readonly author: string;
  readonly authorId: string | null;
  readonly text: string;
  readonly payload: unknown;
  readonly createdAt: Date;
}

export interface ConversationRepository {
  open(input: {
    channel: ChannelName;
    workspace: string;
    externalKey: string;
    userId: string;
    reference?: unknown;
  }): Promise<ConversationRecord>;
  byId(id: string): Promise<ConversationRecord | null>;
  /** Saves state and the turn's messages at once; fails with `conflict` if another turn saved first. */
  saveTurn(
    id: string,
    expectedVersion: number,
    state: ConversationState,
    messages: StoredMessage[],
  ): Promise<void>;
  appendMessages(id: string, messages: StoredMessage[]): Promise<number[]>;
  transcript(id: string, options?: { afterId?: number; limit?: number }): Promise<TranscriptLine[]>;
}

const CONVERSATION_COLUMNS =
  '"id", "channel", "workspace", "externalId", "userId", "reference", "state", "version"';
const MESSAGE_COLUMNS =
  '"conversationId", "direction", "author", "authorId", "text", "payload", "intent", "confidence", "handoffId", "createdAt"';
const MESSAGE_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** The same row with PostgreSQL types, for a VALUES list that is not an INSERT's own. */
const TYPED_MESSAGE_PLACEHOLDERS =
  '(?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::double precision, ?::text, ?::timestamp(3))';

/**
 * PostgreSQL: the turn's save as one statement (one round trip, atomic by itself):
 * the messages go in only if the state update found the version it expected.
 */
function saveTurnStatement(messageCount: number): string {
  const values = Array.from({ length: messageCount }, () => TYPED_MESSAGE_PLACEHOLDERS).join(', ');
  return (
    'WITH updated AS (UPDATE "Conversation" SET "state" = ?, "version" = "version" + 1, "updatedAt" = ?::timestamp(3) ' +
    'WHERE "id" = ? AND "version" = ? RETURNING "id")' +
    (messageCount > 0
      ? `, inserted AS (INSERT INTO "Message" (${MESSAGE_COLUMNS}) SELECT v.* FROM (VALUES ${values}) AS v ` +
        'WHERE EXISTS (SELECT 1 FROM updated) RETURNING 1)'
      : '') +
    ' SELECT COUNT(*) AS "updated" FROM updated'
  );
}

/**
 * Conversations and their messages. Every turn reads and saves one, so these
 * statements are hand-written SQL (see `SqlExecutor`); creating a conversation,
 * once per conversation, goes through Prisma.
 */
export function createConversationRepository(db: Db, sql: SqlExecutor): ConversationRepository {
  const insertRows = (tx: SqlStatements, id: string, messages: readonly StoredMessage[]) => {
    const at = sql.date(new Date());
    const params = messages.flatMap((m) => messageParams(id, m, at));
    const values = messages.map(() => MESSAGE_PLACEHOLDERS).join(', ');
    return tx.run(`INSERT INTO "Message" (${MESSAGE_COLUMNS}) VALUES ${values}`, params);
  };

  return {
    async open({ channel, workspace, externalKey, userId, reference }) {
      const referenceJson = reference === undefined ? undefined : JSON.stringify(reference);
      let row = await sql.get<ConversationRow>(
        `SELECT ${CONVERSATION_COLUMNS} FROM "Conversation" WHERE "channel" = ? AND "workspace" = ? AND "externalId" = ?`,
        [channel, workspace, externalKey],
      );
      if (!row) {
        const where = { channel_workspace_externalId: { channel, workspace, externalId: externalKey } };
        row = await db.conversation.upsert({
          where,
          create: { channel, workspace, externalId: externalKey, userId, reference: referenceJson ?? null },
          update: {},
        });
      } else if (referenceJson !== undefined && referenceJson !== row.reference) {
        await sql.run('UPDATE "Conversation" SET "reference" = ?, "updatedAt" = ? WHERE "id" = ?', [
          referenceJson,
          sql.date(new Date()),
          row.id,
        ]);
        row = { ...row, reference: referenceJson };
      }
      return toRecord(row);
    },
    async byId(id) {
      const row = await sql.get<ConversationRow>(
        `SELECT ${CONVERSATION_COLUMNS} FROM "Conversation" WHERE "id" = ?`,
        [id],
      );
      return row ? toRecord(row) : null;
    },
    async saveTurn(id, expectedVersion, state, messages) {
      if (sql.provider === 'postgresql') {
        const at = sql.date(new Date());
        const row = await sql.get<{ updated: number }>(saveTurnStatement(messages.length), [
          JSON.stringify(state),
          at,
          id,
          expectedVersion,
          ...messages.flatMap((m) => messageParams(id, m, at)),
        ]);
        if (Number(row?.updated) !== 1) {
          throw new BotError('conflict', `conversation ${id} was changed by another turn`);
        }
        return;
      }
      await sql.transaction(async (tx) => {
        const updated = await tx.run(
          'UPDATE "Conversation" SET "state" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ?',
          [JSON.stringify(state), sql.date(new Date()), id, expectedVersion],
        );
        if (updated !== 1) {
          throw new BotError('conflict', `conversation ${id} was changed by another turn`);
        }
        if (messages.length > 0) await insertRows(tx, id, messages);
      });
    },
    async appendMessages(id, messages) {
      const ids: number[] = [];
      for (const m of messages) {
        const row = await sql.get<{ id: number }>(
          `INSERT INTO "Message" (${MESSAGE_COLUMNS}) VALUES ${MESSAGE_PLACEHOLDERS} RETURNING "id"`,
          messageParams(id, m, sql.date(new Date())),
        );
        if (!row) throw new Error(`message of conversation ${id} was not stored`);
        ids.push(Number(row.id));
      }
      return ids;
    },
    async transcript(id, options = {}) {
      const rows = await sql.all<MessageRow>(
        'SELECT "id", "direction", "author", "authorId", "text", "payload", "createdAt" FROM "Message" ' +
          'WHERE "conversationId" = ? AND "id" > ? ORDER BY "id" ASC LIMIT ?',
        [id, options.afterId ?? 0, options.limit ?? 200],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        direction: r.direction === 'out' ? 'out' : 'in',
        author: r.author,
        authorId: r.authorId,
        text: r.text,
        payload: r.payload ? safeJson(r.payload) : null,
        createdAt: readDate(r.createdAt),
      }));
    },
  };
}

interface ConversationRow {
  id: string;
  channel: string;
  workspace: string;
  externalId: string;
  userId: string;
  reference: string | null;
  state: string;
  version: number;
}

interface MessageRow {
  id: number;
  direction: string;
  author: string;
  authorId: string | null;
  text: string;
  payload: string | null;
  createdAt: unknown;
}

function messageParams(conversationId: string, m: StoredMessage, at: string): SqlValue[] {
  return [
    conversationId,
    m.direction,
    m.author,
    m.authorId ?? null,
    m.text,
    m.payload === undefined ? null : JSON.stringify(m.payload),
    m.intent ?? null,
    m.confidence ?? null,
    m.handoffId ?? null,
    at,
  ];
}

function toRecord(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    channel: row.channel as ChannelName,
    workspace: row.workspace,
    externalKey: row.externalId,
    userId: row.userId,
    reference: row.reference ? safeJson(row.reference) : null,
    state: parseState(row.state),
    version: Number(row.version),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
