import type { AppModule } from '../../../src/app-module.js';
import type { TicketStatus } from '../../../src/domain/ticket-statuses.js';
import type { TicketService, TicketSummary } from '../../../src/skills/tickets/ticket-service.js';
import type { Db } from '../../../src/store/prisma-client.js';

/** What the fake recorded, so tests can check what the handoff module asked of the ticket module. */
export interface FakeTicketLog {
  readonly comments: Array<{
    ticketId: number;
    actorId: string;
    body: string;
    internal: boolean;
    files: string[];
  }>;
  /** `note`: what came with the change (the solution offered), when anything did. */
  readonly statuses: Array<{ ticketId: number; status: TicketStatus; note?: string }>;
  readonly assignments: Array<{ ticketId: number; assigneeId: string | null }>;
}

/**
 * A TicketService on the real Ticket table (live chats reference tickets by foreign
 * key), standing in for the ticket module while it is built in parallel.
 */
export function createFakeTickets(db: Db): TicketService & { log: FakeTicketLog } {
  const log: FakeTicketLog = { comments: [], statuses: [], assignments: [] };
  const toSummary = (row: {
    id: number;
    subject: string;
    issueType: string;
    status: string;
    accountId: string;
    creatorId: string;
    assigneeId: string | null;
    conversationId: string | null;
    createdAt: Date;
    lastActivityAt: Date;
  }): TicketSummary => ({
    id: row.id,
    number: `#${row.id}`,
    subject: row.subject,
    issueType: row.issueType,
    status: row.status as TicketStatus,
    accountId: row.accountId,
    creatorId: row.creatorId,
    assigneeId: row.assigneeId,
    conversationId: row.conversationId,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    unread: false,
  });
  return {
    log,
    async create(input) {
      const existing = await db.ticket.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (existing) return toSummary(existing);
      const row = await db.ticket
        .create({
          data: {
            accountId: input.requester.accountId,
            creatorId: input.requester.id,
            subject: input.subject,
            issueType: input.issueType,
            description: input.description,
            searchText: `${input.subject} ${input.description}`.toLowerCase(),
            channel: input.channel,
            conversationId: input.conversationId ?? null,
            idempotencyKey: input.idempotencyKey,
          },
        })
        .catch(async (error: unknown) => {
          // The same request filed at the same moment elsewhere, as the real ticket store allows.
          if ((error as { code?: string }).code !== 'P2002') throw error;
          return db.ticket.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
        });
      return toSummary(row);
    },
    async get(viewer, id) {
      const row = await db.ticket.findUnique({ where: { id } });
      if (!row) return null;
      const staff = viewer.role === 'agent' || viewer.role === 'admin';
      return staff || row.creatorId === viewer.id ? toSummary(row) : null;
    },
    async listOpen(viewer, limit) {
      const rows = await db.ticket.findMany({ where: { creatorId: viewer.id }, take: limit });
      return rows.map(toSummary);
    },
    async comment(actor, id, body, options = {}) {
      log.comments.push({
        ticketId: id,
        actorId: actor.id,
        body,
        internal: options.internal ?? false,
        files: (options.attachments ?? []).map((a) => a.name),
      });
    },
    async setStatus(_actor, id, status, note) {
      log.statuses.push({ ticketId: id, status, ...(note ? { note } : {}) });
      await db.ticket.update({ where: { id }, data: { status } });
      return 'changed';
    },
    async assign(_actor, id, assigneeId) {
      log.assignments.push({ ticketId: id, assigneeId });
      await db.ticket.update({ where: { id }, data: { assigneeId } });
    },
  };
}

/** The fake as a module listed before handoff, like the real ticket module. */
export function fakeTicketsModule(
  onCreated?: (tickets: ReturnType<typeof createFakeTickets>) => void,
): AppModule {
  return {
    name: 'tickets-fake',
    create(services) {
      const tickets = createFakeTickets(services.db);
      services.shared.tickets = tickets;
      onCreated?.(tickets);
      return {};
    },
  };
}
