import type { ConversationState } from '../core/conversation-state.js';
import { parseState } from '../core/conversation-state.js';
import { BotError } from '../core/errors.js';
import type { ChannelName } from '../core/inbound-message.js';
import type { Db } from './prisma-client.js';

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

export function createConversationRepository(db: Db): ConversationRepository {
  return {
    async open({ channel, workspace, externalKey, userId, reference }) {
      const where = { channel_workspace_externalId: { channel, workspace, externalId: externalKey } };
      const referenceJson = reference === undefined ? undefined : JSON.stringify(reference);
      let row = await db.conversation.findUnique({ where });
      if (!row) {
        row = await db.conversation.upsert({
          where,
          create: { channel, workspace, externalId: externalKey, userId, reference: referenceJson ?? null },
          update: {},
        });
      } else if (referenceJson !== undefined && referenceJson !== row.reference) {
        row = await db.conversation.update({ where: { id: row.id }, data: { reference: referenceJson } });
      }
      return toRecord(row);
    },
    async byId(id) {
      const row = await db.conversation.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    async saveTurn(id, expectedVersion, state, messages) {
      await db.$transaction(async (tx) => {
        const updated = await tx.conversation.updateMany({
          where: { id, version: expectedVersion },
          data: { state: JSON.stringify(state), version: { increment: 1 } },
        });
        if (updated.count !== 1) {
          throw new BotError('conflict', `conversation ${id} was changed by another turn`);
        }
        if (messages.length > 0) {
          await tx.message.createMany({ data: messages.map((m) => toRow(id, m)) });
        }
      });
    },
    async appendMessages(id, messages) {
      const ids: number[] = [];
      for (const m of messages) {
        const row = await db.message.create({ data: toRow(id, m), select: { id: true } });
        ids.push(row.id);
      }
      return ids;
    },
    async transcript(id, options = {}) {
      const rows = await db.message.findMany({
        where: { conversationId: id, ...(options.afterId ? { id: { gt: options.afterId } } : {}) },
        orderBy: { id: 'asc' },
        take: options.limit ?? 200,
      });
      return rows.map((r) => ({
        id: r.id,
        direction: r.direction === 'out' ? 'out' : 'in',
        author: r.author,
        authorId: r.authorId,
        text: r.text,
        payload: r.payload ? safeJson(r.payload) : null,
        createdAt: r.createdAt,
      }));
    },
  };
}

function toRow(conversationId: string, m: StoredMessage) {
  return {
    conversationId,
    direction: m.direction,
    author: m.author,
    authorId: m.authorId ?? null,
    text: m.text,
    payload: m.payload === undefined ? null : JSON.stringify(m.payload),
    intent: m.intent ?? null,
    confidence: m.confidence ?? null,
    handoffId: m.handoffId ?? null,
  };
}

function toRecord(row: {
  id: string;
  channel: string;
  workspace: string;
  externalId: string;
  userId: string;
  reference: string | null;
  state: string;
  version: number;
}): ConversationRecord {
  return {
    id: row.id,
    channel: row.channel as ChannelName,
    workspace: row.workspace,
    externalKey: row.externalId,
    userId: row.userId,
    reference: row.reference ? safeJson(row.reference) : null,
    state: parseState(row.state),
    version: row.version,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
