import { BotError } from '../core/errors.js';
import type { Handoff as HandoffRow } from '../generated/sqlite/client.js';
import type { HandoffStatus } from '../skills/handoff/agent-desk.js';
import {
  ACTIVE_HANDOFF_STATUSES,
  canTransition,
  isHandoffStatus,
  WAITING_HANDOFF_STATUSES,
} from '../skills/handoff/handoff-state-machine.js';
import type { Db } from './prisma-client.js';
import { readDate, readOptionalDate, type SqlExecutor } from './sql/sql-executor.js';

/** A live chat as stored. */
export interface HandoffRecord {
  readonly id: string;
  readonly conversationId: string;
  readonly ticketId: number;
  readonly userId: string;
  readonly accountId: string;
  readonly teamId: string | null;
  readonly agentId: string | null;
  readonly status: HandoffStatus;
  readonly reason: string;
  readonly summary: string;
  readonly version: number;
  readonly createdAt: Date;
  readonly claimedAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly lastUserMessageAt: Date;
  readonly lastAgentMessageAt: Date | null;
  /**
   * The last timeout reminder: while assigned, to the agent (user waiting for an
   * answer); while waiting, to the requester (the offer to leave it as a ticket).
   */
  readonly reminderSentAt: Date | null;
  readonly rating: number | null;
  readonly ratingComment: string | null;
}

/** What a transition may change besides the status. */
export interface TransitionPatch {
  readonly agentId?: string | null;
  readonly teamId?: string | null;
  readonly claimedAt?: Date;
  readonly resolvedAt?: Date;
  readonly reminderSentAt?: Date | null;
}

export interface NewHandoff {
  readonly conversationId: string;
  readonly ticketId: number;
  readonly userId: string;
  readonly accountId: string;
  readonly teamId: string | null;
  readonly reason: string;
  readonly summary: string;
  readonly now: Date;
}

export interface HandoffRepository {
  /**
   * Opens a live chat; null when the conversation already has one (another instance
   * opened it meanwhile: the database keeps one live chat per conversation).
   */
  create(input: NewHandoff): Promise<HandoffRecord | null>;
  byId(id: string): Promise<HandoffRecord | null>;
  /** The chat of a conversation that is still live (pending, assigned or transferred). */
  activeFor(conversationId: string): Promise<HandoffRecord | null>;
  /**
   * THE guarded transition: moves `from.status → to` only if the row still has the
   * status and version that were read (optimistic lock), so of two agents claiming
   * at once exactly one wins, on SQLite and across PostgreSQL instances. Returns the
   * updated record, or null when another change came first.
   */
  transition(from: HandoffRecord, to: HandoffStatus, patch?: TransitionPatch): Promise<HandoffRecord | null>;
  /**
   * An agent takes a waiting chat: the guarded transition to `assigned`, made only
   * while the agent has fewer assigned chats than their maxChats. Claims by the same
   * agent wait for each other (the agent's row is locked), so simultaneous claims,
   * on any instance, never take them past the limit. 'at-capacity' when full, null
   * when another change came first.
   */
  claim(
    from: HandoffRecord,
    agentId: string,
    patch: { readonly claimedAt: Date },
  ): Promise<HandoffRecord | 'at-capacity' | null>;
  /**
   * Puts a chat its agent can no longer handle (went offline, or cannot take the transfer made
   * to them) back in its team's queue: a guarded change, as `transition`, to `transferred` for
   * no agent in particular, waiting again from `at` (kept in claimedAt, which the next claim
   * sets anew). Null when another change came first.
   */
  requeue(from: HandoffRecord, at: Date): Promise<HandoffRecord | null>;
  /**
   * Chats waiting for an agent: transferred ones first (the user was already talking to the
   * help desk), then pending ones; each oldest first.
   */
  waiting(): Promise<HandoffRecord[]>;
  /** Chats an agent is handling, or that were transferred to them. */
  ofAgent(agentId: string): Promise<HandoffRecord[]>;
  /** Every chat in a status (the sweeper). */
  inStatus(statuses: readonly HandoffStatus[]): Promise<HandoffRecord[]>;
  /** 1-based place among the pending chats of the same team; null when not pending. */
  position(handoff: HandoffRecord): Promise<number | null>;
  /** Assigned chats per agent. */
  activeCounts(agentIds: readonly string[]): Promise<Map<string, number>>;
  /** Average minutes an agent spent on the latest resolved chats; null without history. */
  averageHandleMinutes(sample: number): Promise<number | null>;
  /**
   * Moves the chat's last-heard time, only while the chat is live and, given `version`, still
   * as read (no claim, transfer or end since): the conditional update a user's message is
   * applied with. False when the chat changed (or ended) meanwhile: nothing was written.
   */
  touchUser(id: string, at: Date, version?: number): Promise<boolean>;
  touchAgent(id: string, at: Date): Promise<void>;
  /** Sets reminderSentAt only if it still has the value read: one reminder per period across instances. */
  markReminder(id: string, expected: Date | null, at: Date): Promise<boolean>;
  /** Stores the rating once (a second click does nothing); false when already rated or not found. */
  rate(id: string, userId: string, rating: number): Promise<boolean>;
  comment(id: string, userId: string, comment: string): Promise<void>;
}

const ACTIVE_FOR_SQL =
  `SELECT * FROM "Handoff" WHERE "conversationId" = ? AND "status" IN (${ACTIVE_HANDOFF_STATUSES.map(() => '?').join(', ')}) ` +
  'ORDER BY "createdAt" DESC LIMIT 1';

const TOUCH_USER_SQL =
  'UPDATE "Handoff" SET "lastUserMessageAt" = ? WHERE "id" = ? ' +
  `AND "status" IN (${ACTIVE_HANDOFF_STATUSES.map(() => '?').join(', ')})`;

export function createHandoffRepository(db: Db, sql: SqlExecutor): HandoffRepository {
  return {
    async create(input) {
      let row: HandoffRow;
      try {
        row = await db.handoff.create({
          data: {
            conversationId: input.conversationId,
            ticketId: input.ticketId,
            userId: input.userId,
            accountId: input.accountId,
            teamId: input.teamId,
            reason: input.reason,
            summary: input.summary,
            status: 'pending',
            createdAt: input.now,
            lastUserMessageAt: input.now,
          },
        });
      } catch (error) {
        if (isOneLiveChatViolation(error)) return null;
        throw error;
      }
      return toRecord(row);
    },
    async byId(id) {
      const row = await db.handoff.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    // The live-agent gate asks this on every turn: one hand-written statement.
    async activeFor(conversationId) {
      const row = await sql.get<Record<string, unknown>>(ACTIVE_FOR_SQL, [
        conversationId,
        ...ACTIVE_HANDOFF_STATUSES,
      ]);
      return row ? toRecord(fromSql(row)) : null;
    },
    async transition(from, to, patch = {}) {
      if (!canTransition(from.status, to)) {
        throw new BotError('conflict', `A live chat cannot go from ${from.status} to ${to}`);
      }
      const won = await db.handoff.updateMany({
        where: { id: from.id, status: from.status, version: from.version },
        data: { ...patch, status: to, version: { increment: 1 } },
      });
      if (won.count !== 1) return null;
      return { ...from, ...patch, status: to, version: from.version + 1 };
    },
    async claim(from, agentId, patch) {
      if (!canTransition(from.status, 'assigned')) {
        throw new BotError('conflict', `A live chat cannot go from ${from.status} to assigned`);
      }
      return db.$transaction(async (tx) => {
        // Locks the agent's row until the end: their other claims wait here.
        await tx.$executeRaw`UPDATE "AgentProfile" SET "maxChats" = "maxChats" WHERE "userId" = ${agentId}`;
        const profile = await tx.agentProfile.findUnique({
          where: { userId: agentId },
          select: { maxChats: true },
        });
        const assigned = await tx.handoff.count({ where: { agentId, status: 'assigned' } });
        if (!profile || assigned >= profile.maxChats) return 'at-capacity' as const;
        const data = { agentId, claimedAt: patch.claimedAt, reminderSentAt: null };
        const won = await tx.handoff.updateMany({
          where: { id: from.id, status: from.status, version: from.version },
          data: { ...data, status: 'assigned', version: { increment: 1 } },
        });
        if (won.count !== 1) return null;
        return { ...from, ...data, status: 'assigned' as const, version: from.version + 1 };
      });
    },
    async requeue(from, at) {
      if (from.status !== 'assigned' && from.status !== 'transferred') {
        throw new BotError('conflict', `A ${from.status} live chat cannot go back to the queue`);
      }
      const data = { agentId: null, claimedAt: at, reminderSentAt: null };
      const won = await db.handoff.updateMany({
        where: { id: from.id, status: from.status, version: from.version },
        data: { ...data, status: 'transferred', version: { increment: 1 } },
      });
      if (won.count !== 1) return null;
      return { ...from, ...data, status: 'transferred', version: from.version + 1 };
    },
    async waiting() {
      const rows = await db.handoff.findMany({
        where: { status: { in: [...WAITING_HANDOFF_STATUSES] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      // A stable sort: each group keeps its oldest-first order.
      const rank = (status: string) => (status === 'transferred' ? 0 : 1);
      return rows.sort((a, b) => rank(a.status) - rank(b.status)).map(toRecord);
    },
    async ofAgent(agentId) {
      const rows = await db.handoff.findMany({
        where: { agentId, status: { in: ['assigned', 'transferred'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toRecord);
    },
    async inStatus(statuses) {
      const rows = await db.handoff.findMany({
        where: { status: { in: [...statuses] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toRecord);
    },
    async position(handoff) {
      if (handoff.status !== 'pending') return null;
      const ahead = await db.handoff.count({
        where: {
          status: 'pending',
          teamId: handoff.teamId,
          OR: [
            { createdAt: { lt: handoff.createdAt } },
            { createdAt: handoff.createdAt, id: { lt: handoff.id } },
          ],
        },
      });
      return ahead + 1;
    },
    async activeCounts(agentIds) {
      const counts = new Map<string, number>(agentIds.map((id) => [id, 0]));
      if (agentIds.length === 0) return counts;
      const groups = await db.handoff.groupBy({
        by: ['agentId'],
        where: { status: 'assigned', agentId: { in: [...agentIds] } },
        _count: { _all: true },
      });
      for (const g of groups) if (g.agentId) counts.set(g.agentId, g._count._all);
      return counts;
    },
    async averageHandleMinutes(sample) {
      const rows = await db.handoff.findMany({
        where: { status: 'resolved', claimedAt: { not: null }, resolvedAt: { not: null } },
        orderBy: { resolvedAt: 'desc' },
        take: sample,
        select: { claimedAt: true, resolvedAt: true },
      });
      if (rows.length === 0) return null;
      const total = rows.reduce((sum, r) => sum + (r.resolvedAt!.getTime() - r.claimedAt!.getTime()), 0);
      return total / rows.length / 60_000;
    },
    // Once per relayed message: hand-written statements.
    async touchUser(id, at, version) {
      const params = [sql.date(at), id, ...ACTIVE_HANDOFF_STATUSES];
      const changed =
        version === undefined
          ? await sql.run(TOUCH_USER_SQL, params)
          : await sql.run(`${TOUCH_USER_SQL} AND "version" = ?`, [...params, version]);
      return changed === 1;
    },
    async touchAgent(id, at) {
      await sql.run('UPDATE "Handoff" SET "lastAgentMessageAt" = ?, "reminderSentAt" = NULL WHERE "id" = ?', [
        sql.date(at),
        id,
      ]);
    },
    async markReminder(id, expected, at) {
      const won = await db.handoff.updateMany({
        where: { id, reminderSentAt: expected },
        data: { reminderSentAt: at },
      });
      return won.count === 1;
    },
    async rate(id, userId, rating) {
      const won = await db.handoff.updateMany({
        where: { id, userId, rating: null },
        data: { rating },
      });
      return won.count === 1;
    },
    async comment(id, userId, comment) {
      await db.handoff.updateMany({ where: { id, userId }, data: { ratingComment: comment } });
    },
  };
}

/**
 * The migration "one_live_chat_per_conversation": a partial unique index on PostgreSQL,
 * a trigger raising this name on SQLite.
 */
const ONE_LIVE_CHAT = 'Handoff_conversationId_live_key';

function isOneLiveChatViolation(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } })?.meta
    ?.driverAdapterError?.cause;
  if (!cause) return false;
  const index = (cause.constraint as { index?: unknown } | undefined)?.index;
  return index === ONE_LIVE_CHAT || String(cause.originalMessage ?? '').includes(ONE_LIVE_CHAT);
}

/** A row read with hand-written SQL, typed as Prisma would give it. */
function fromSql(r: Record<string, unknown>): HandoffRow {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(r.id),
    conversationId: String(r.conversationId),
    ticketId: Number(r.ticketId),
    userId: String(r.userId),
    accountId: String(r.accountId),
    teamId: text(r.teamId),
    agentId: text(r.agentId),
    status: String(r.status),
    reason: String(r.reason),
    summary: String(r.summary),
    version: Number(r.version),
    createdAt: readDate(r.createdAt),
    claimedAt: readOptionalDate(r.claimedAt),
    resolvedAt: readOptionalDate(r.resolvedAt),
    lastUserMessageAt: readDate(r.lastUserMessageAt),
    lastAgentMessageAt: readOptionalDate(r.lastAgentMessageAt),
    reminderSentAt: readOptionalDate(r.reminderSentAt),
    rating: int(r.rating),
    ratingComment: text(r.ratingComment),
  };
}

function toRecord(row: HandoffRow): HandoffRecord {
  if (!isHandoffStatus(row.status)) {
    throw new BotError('internal', `Live chat ${row.id} has an unknown status: ${row.status}`);
  }
  return { ...row, status: row.status };
}
