import type { Logger } from 'pino';
import { BotError } from '../../core/errors.js';
import type { InboundAttachment } from '../../core/inbound-message.js';
import { findIssueType } from '../../domain/issue-types.js';
import { OPEN_STATUSES, type TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';
import type { TicketCommentRepository } from '../../store/ticket-comment-repository.js';
import type { TicketQueryRepository } from '../../store/ticket-query-repository.js';
import type { TicketRecord } from '../../store/ticket-record.js';
import type { TicketRepository } from '../../store/ticket-repository.js';
import { canSeeTicket, isSupportStaff, readerOf } from '../../store/ticket-visibility.js';
import type { UserDirectory } from '../../store/user-directory.js';
import { checkEmailList, checkSubject, MAX_ATTACHMENTS } from './draft-validation.js';
import { findDuplicate } from './duplicate-finder.js';
import { ticketNumber } from './ticket-buttons.js';
import type { ActionOutcome, CommentOptions, StatusChangeDetails, TicketDesk } from './ticket-desk.js';
import type { TicketNotifications } from './ticket-notifications.js';
import {
  commentRefusal,
  reopenDeadline,
  statusAfterRequesterReply,
  statusChangeRefusal,
} from './ticket-rules.js';
import type { NewTicketInput, TicketSummary } from './ticket-service.js';

/** How often a status change is checked and tried against a ticket that others keep moving. */
const MAX_CHANGE_ATTEMPTS = 3;

/** The store found the ticket no longer in the status the change was checked against. */
const MOVED_MEANWHILE = Symbol('moved meanwhile');

/** The ticket desk on the database: access rules, events (via the repositories) and notifications. */
export function createTicketDesk(deps: {
  tickets: TicketRepository;
  comments: TicketCommentRepository;
  queries: TicketQueryRepository;
  users: UserDirectory;
  notifications: TicketNotifications;
  reopenDays: number;
  clock: () => Date;
  logger: Logger;
}): TicketDesk {
  const { tickets, comments, queries, users } = deps;

  function summaryOf(ticket: TicketRecord, unread: boolean): TicketSummary {
    return {
      id: ticket.id,
      number: ticketNumber(ticket.id),
      subject: ticket.subject,
      issueType: ticket.issueType,
      status: ticket.status,
      accountId: ticket.accountId,
      creatorId: ticket.creatorId,
      assigneeId: ticket.assigneeId,
      conversationId: ticket.conversationId,
      createdAt: ticket.createdAt,
      lastActivityAt: ticket.lastActivityAt,
      unread,
    };
  }

  async function visibleTicket(viewer: UserProfile, id: number): Promise<TicketRecord | null> {
    const ticket = await tickets.byId(id);
    return ticket && canSeeTicket(viewer, ticket) ? ticket : null;
  }

  async function notify(
    ticket: TicketRecord,
    actor: UserProfile,
    change: Parameters<TicketNotifications['changed']>[2],
  ) {
    try {
      await deps.notifications.changed(ticket, actor, change);
    } catch (error) {
      deps.logger.warn({ err: error, ticketId: ticket.id }, 'ticket notifications failed');
    }
  }

  /** An agent who replies to or moves an unassigned ticket is the one handling it. */
  async function takeIfUnassigned(actor: UserProfile, ticket: TicketRecord): Promise<boolean> {
    if (!isSupportStaff(actor) || ticket.assigneeId) return false;
    return tickets.assignIfUnassigned({
      ticketId: ticket.id,
      assigneeId: actor.id,
      actorId: actor.id,
      now: deps.clock(),
    });
  }

  /**
   * The change is checked against the ticket as read, and written only if the ticket is still as read;
   * when someone moved it meanwhile (the requester's "didn't work" as an agent offers a solution), it is
   * checked again against the ticket as it is now, so it is made from there or refused for the reason
   * that now applies. A ticket that keeps moving is a conflict: never a change reported but not made.
   */
  async function changeStatus(
    actor: UserProfile,
    id: number,
    to: TicketStatus,
    details: StatusChangeDetails = {},
  ): Promise<ActionOutcome> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await tryChangeStatus(actor, id, to, details);
      if (outcome !== MOVED_MEANWHILE) return outcome;
      if (attempt === MAX_CHANGE_ATTEMPTS) {
        throw new BotError('conflict', `ticket ${id} kept changing while it was set to ${to}`);
      }
    }
  }

  async function tryChangeStatus(
    actor: UserProfile,
    id: number,
    to: TicketStatus,
    details: StatusChangeDetails,
  ): Promise<ActionOutcome | typeof MOVED_MEANWHILE> {
    const { note, comment } = details;
    const ticket = await visibleTicket(actor, id);
    if (!ticket) return { ok: false, refusal: 'not-visible', ticket: null };
    const now = deps.clock();
    const refusal = statusChangeRefusal(actor, ticket, to, { now, reopenDays: deps.reopenDays });
    // A solution from staff is offered once, from every desk; on Solution Offered already, another one is sent too.
    const solution =
      to === 'solution_offered' && isSupportStaff(actor) && details.commentPublic ? comment : '';
    if (solution && (!refusal || refusal === 'same-status'))
      return offerSolution(actor, ticket, { solution, note, attachments: details.attachments });
    if (refusal) return { ok: false, refusal, ticket };
    // An agent's reason ("close 1042, duplicate spam") is for colleagues, not the requester;
    // a solution they offer is for the requester.
    const commentInternal = isSupportStaff(actor) && details.commentPublic !== true;
    const updated = await tickets.changeStatus({
      ticketId: id,
      from: ticket.status,
      to,
      actorId: actor.id,
      readerId: readerOf(actor, ticket),
      note,
      comment,
      commentInternal,
      now,
    });
    if (!updated) return MOVED_MEANWHILE;
    const current = (await takeIfUnassigned(actor, updated))
      ? ((await tickets.byId(id)) ?? updated)
      : updated;
    await notify(current, actor, {
      kind: 'status',
      to,
      ...(note ? { note } : {}),
      ...(comment && !commentInternal ? { comment } : {}),
    });
    return { ok: true, ticket: current };
  }

  /**
   * The solution, with its files, goes to the requester with the change, or as one more reply on an
   * offer made; a repeat goes nowhere.
   */
  async function offerSolution(
    actor: UserProfile,
    ticket: TicketRecord,
    offered: {
      solution: string;
      note: string | undefined;
      attachments: readonly InboundAttachment[] | undefined;
    },
  ): Promise<ActionOutcome | typeof MOVED_MEANWHILE> {
    const id = ticket.id;
    const { solution, note } = offered;
    const attachments = (offered.attachments ?? []).slice(0, MAX_ATTACHMENTS);
    const offer = await tickets.offerSolution({
      ticketId: id,
      from: ticket.status,
      actorId: actor.id,
      readerId: readerOf(actor, ticket),
      note,
      solution,
      attachments,
      now: deps.clock(),
    });
    if (!offer) return MOVED_MEANWHILE;
    if (offer.kind === 'repeat')
      return { ok: false, refusal: 'solution-already-offered', ticket: offer.ticket };
    const current = (await takeIfUnassigned(actor, offer.ticket))
      ? ((await tickets.byId(id)) ?? offer.ticket)
      : offer.ticket;
    const attachmentNames = attachments.map((a) => a.name);
    await notify(
      current,
      actor,
      offer.kind === 'status'
        ? {
            kind: 'status',
            to: 'solution_offered',
            ...(note ? { note } : {}),
            comment: solution,
            attachmentNames,
          }
        : { kind: 'comment', body: solution, attachmentNames },
    );
    return offer.kind === 'reply'
      ? { ok: true, ticket: current, solutionReply: true }
      : { ok: true, ticket: current };
  }

  async function addComment(
    actor: UserProfile,
    id: number,
    body: string,
    options: CommentOptions = {},
  ): Promise<ActionOutcome> {
    const ticket = await visibleTicket(actor, id);
    if (!ticket) return { ok: false, refusal: 'not-visible', ticket: null };
    const internal = options.internal ?? false;
    const refusal = commentRefusal(actor, ticket, internal);
    if (refusal) return { ok: false, refusal, ticket };
    const staff = isSupportStaff(actor);
    const next = staff ? null : statusAfterRequesterReply(ticket.status);
    const attachments = (options.attachments ?? []).slice(0, MAX_ATTACHMENTS);
    await comments.addComment({
      ticketId: id,
      authorId: actor.id,
      body,
      internal,
      attachments,
      draftAttachmentIds: options.draftAttachmentIds,
      readerId: readerOf(actor, ticket),
      statusChange: next ? { from: ticket.status, to: next } : undefined,
      now: deps.clock(),
    });
    if (!internal) await takeIfUnassigned(actor, ticket);
    const updated = (await tickets.byId(id)) ?? ticket;
    if (staff && !internal && options.notify !== false) {
      await notify(updated, actor, {
        kind: 'comment',
        body,
        attachmentNames: attachments.map((a) => a.name),
      });
    }
    if (next && updated.status === next) await notify(updated, actor, { kind: 'status', to: next });
    return { ok: true, ticket: updated };
  }

  async function assignTo(actor: UserProfile, id: number, assigneeId: string | null): Promise<ActionOutcome> {
    const ticket = await visibleTicket(actor, id);
    if (!ticket) return { ok: false, refusal: 'not-visible', ticket: null };
    if (!isSupportStaff(actor)) return { ok: false, refusal: 'staff-only', ticket };
    if (assigneeId) {
      const assignee = await users.byId(assigneeId);
      if (!assignee || !isSupportStaff(assignee)) return { ok: false, refusal: 'staff-only', ticket };
    }
    await tickets.assign({ ticketId: id, assigneeId, actorId: actor.id, now: deps.clock() });
    return { ok: true, ticket: (await tickets.byId(id)) ?? ticket };
  }

  /** The contract's methods throw; the conversation uses the outcome versions. */
  function orThrow(outcome: ActionOutcome, id: number): void {
    if (outcome.ok) return;
    const code =
      outcome.refusal === 'not-visible'
        ? 'not_found'
        : /only/.test(outcome.refusal)
          ? 'unauthorized'
          : 'conflict';
    throw new BotError(code, `ticket ${id}: ${outcome.refusal}`);
  }

  async function createTicket(input: NewTicketInput & { readonly draftAttachmentIds?: readonly string[] }) {
    const subject = checkSubject(input.subject);
    if (!subject.ok) throw new BotError('bad_request', `subject ${subject.reason}`);
    if (!findIssueType(input.requester.kind, input.issueType)) {
      throw new BotError('bad_request', `unknown issue type ${input.issueType} for ${input.requester.kind}`);
    }
    const shared = input.shared ?? false;
    const cc = checkEmailList((input.ccEmails ?? []).join(','));
    if (!cc.ok) throw new BotError('bad_request', `cc ${cc.reason}`);
    if (!shared && cc.emails.length > 0) throw new BotError('bad_request', 'cc needs a shared ticket');
    const { ticket, created } = await tickets.create(
      {
        accountId: input.requester.accountId,
        creatorId: input.requester.id,
        subject: subject.subject,
        issueType: input.issueType,
        description: input.description.trim(),
        campaignId: input.campaignId ?? null,
        shared,
        ccEmails: cc.emails,
        channel: input.channel,
        conversationId: input.conversationId ?? null,
        idempotencyKey: input.idempotencyKey,
        attachments: (input.attachments ?? []).slice(0, MAX_ATTACHMENTS),
        draftAttachmentIds: (input.draftAttachmentIds ?? []).slice(0, MAX_ATTACHMENTS),
      },
      deps.clock(),
    );
    if (created) deps.logger.info({ ticketId: ticket.id, accountId: ticket.accountId }, 'ticket filed');
    return { summary: summaryOf(ticket, false), created };
  }

  return {
    createTicket,
    async create(input) {
      return (await createTicket(input)).summary;
    },

    async get(viewer, id) {
      const row = await queries.visible(viewer, id);
      return row ? summaryOf(row, row.unread) : null;
    },

    async listOpen(viewer, limit) {
      const statuses = [...OPEN_STATUSES];
      // The viewer's own tickets (a colleague's shared one is not); an agent's also those assigned to them.
      const [own, assigned] = await Promise.all([
        queries.list(viewer, { createdBy: 'me', statuses }, { limit }),
        isSupportStaff(viewer)
          ? queries.list(viewer, { createdBy: 'anyone', assignedToMe: true, statuses }, { limit })
          : null,
      ]);
      const byId = new Map([...own.items, ...(assigned?.items ?? [])].map((t) => [t.id, t]));
      return [...byId.values()]
        .sort((a, b) => b.id - a.id)
        .slice(0, limit)
        .map((t) => summaryOf(t, t.unread));
    },

    async list(viewer, filter, page) {
      const result = await queries.list(viewer, filter, page);
      return {
        items: result.items.map((t) => summaryOf(t, t.unread)),
        records: [...result.items],
        next: result.next,
        remaining: result.remaining,
        remainingCapped: result.remainingCapped,
      };
    },

    async details(viewer, id) {
      const row = await queries.visible(viewer, id);
      if (!row) return null;
      const [creator, assignee, latest] = await Promise.all([
        users.byId(row.creatorId),
        row.assigneeId ? users.byId(row.assigneeId) : Promise.resolve(null),
        comments.latestReply(id, viewer.id),
      ]);
      const latestAuthor = latest ? await users.byId(latest.authorId) : null;
      return {
        summary: summaryOf(row, row.unread),
        ticket: row,
        creatorName: creator?.displayName ?? row.creatorId,
        assigneeName: assignee?.displayName ?? null,
        latestReply: latest
          ? {
              authorName: latestAuthor?.displayName ?? latest.authorId,
              body: latest.body,
              at: latest.createdAt,
            }
          : null,
        reopenUntil: row.status === 'closed' ? reopenDeadline(row, deps.reopenDays) : null,
      };
    },

    async markRead(viewer, id) {
      const ticket = await visibleTicket(viewer, id);
      const reader = ticket ? readerOf(viewer, ticket) : null;
      if (reader) await tickets.markRead(id, reader, deps.clock());
    },

    async byIdempotencyKey(viewer, key) {
      const ticket = await tickets.byIdempotencyKey(key);
      return ticket && canSeeTicket(viewer, ticket) ? summaryOf(ticket, false) : null;
    },

    async findDuplicate(viewer, text, campaignId) {
      const candidates = await queries.openInAccount(viewer, 200);
      const match = findDuplicate(text, campaignId, candidates);
      return match ? summaryOf(match, false) : null;
    },

    saveDraftAttachments: (attachments) =>
      comments.saveDraftAttachments(attachments.slice(0, MAX_ATTACHMENTS)),
    attachmentNames: (ids) => comments.attachmentNames(ids),
    changeStatus,
    addComment,
    assignTo,

    async comment(actor, id, body, options) {
      orThrow(await addComment(actor, id, body, options), id);
    },
    async setStatus(actor, id, status, note) {
      const solution = status === 'solution_offered' && isSupportStaff(actor);
      const details = !note ? {} : solution ? { comment: note, commentPublic: true } : { note };
      const outcome = await changeStatus(actor, id, status, details);
      if (outcome.ok) return 'changed';
      if (outcome.refusal === 'solution-already-offered') return 'solution-already-offered';
      if (outcome.refusal !== 'same-status' && outcome.refusal !== 'already-closed') orThrow(outcome, id);
      return 'unchanged';
    },
    async assign(actor, id, assigneeId) {
      orThrow(await assignTo(actor, id, assigneeId), id);
    },
  };
}
