import type { TurnContext } from '../../core/turn-context.js';
import {
  isTicketStatus,
  statusLabel,
  TICKET_STATUSES,
  type TicketStatus,
} from '../../domain/ticket-statuses.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import { createCommentFlow } from './comment-flow.js';
import { attachmentProblem } from './draft-validation.js';
import { ticketButton, ticketNumber } from './ticket-buttons.js';
import type { ActionOutcome } from './ticket-desk.js';
import { refusalReply } from './ticket-refusal-reply.js';
import { reopenDeadline } from './ticket-rules.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';
import type { StatusHandler } from './ticket-status-handler.js';
import { formatDate } from './ticket-time.js';
import { parseUpdateRequest, type UpdateRequest } from './ticket-update-request.js';

/** Replies, closing, reopening, confirming a solution; for agents also statuses and assignment. */
export function createUpdateHandler(deps: TicketSkillDeps, status: StatusHandler) {
  const { t } = deps.responses;
  const commentFlow = createCommentFlow(deps, addComment);

  function refused(ctx: TurnContext, id: number, outcome: Extract<ActionOutcome, { ok: false }>): void {
    ctx.reply(
      ...refusalReply(deps.responses, outcome.refusal, id, outcome.ticket, {
        now: ctx.now,
        reopenDays: deps.reopenDays,
      }),
    );
  }

  async function addComment(ctx: TurnContext, id: number, body: string, internal: boolean): Promise<void> {
    const attachments = ctx.message.attachments.filter((a) => {
      const problem = attachmentProblem(a);
      if (problem) {
        ctx.reply({
          type: 'notice',
          level: 'warning',
          text: t(`tickets.create.attachment_rejected_${problem.reason}`, { name: a.name }),
        });
      }
      return !problem;
    });
    const number = ticketNumber(id);
    if (!body && attachments.length === 0) {
      commentFlow.start(ctx, id, internal, t('tickets.update.comment_empty', { number }));
      return;
    }
    const before = await deps.desk.get(ctx.user, id);
    const outcome = await deps.desk.addComment(ctx.user, id, body, { internal, attachments });
    if (!outcome.ok) return refused(ctx, id, outcome);
    ctx.state.lastTicketId = id;
    if (isSupportStaff(ctx.user)) {
      ctx.reply({
        type: 'text',
        text: t(internal ? 'tickets.update.note_added' : 'tickets.update.comment_added_agent', { number }),
      });
      return;
    }
    const moved = before && before.status !== outcome.ticket.status;
    ctx.reply({
      type: 'text',
      text: moved
        ? t('tickets.update.comment_added_reopened', { number, status: statusLabel(outcome.ticket.status) })
        : t('tickets.update.comment_added', { number }),
    });
  }

  async function setStatus(
    ctx: TurnContext,
    id: number,
    to: TicketStatus,
    comment?: string,
  ): Promise<ActionOutcome> {
    const outcome = await deps.desk.changeStatus(ctx.user, id, to, undefined, comment);
    if (!outcome.ok) refused(ctx, id, outcome);
    else ctx.state.lastTicketId = id;
    return outcome;
  }

  async function apply(ctx: TurnContext, id: number, request: UpdateRequest): Promise<void> {
    const number = ticketNumber(id);
    const details = await deps.desk.details(ctx.user, id);
    if (!details) {
      ctx.reply(
        ...refusalReply(deps.responses, 'not-visible', id, null, {
          now: ctx.now,
          reopenDays: deps.reopenDays,
        }),
      );
      return;
    }
    const ticket = details.ticket;
    switch (request.kind) {
      case 'comment':
        if (request.body) return addComment(ctx, id, request.body, request.internal);
        if (ticket.status === 'closed' && !isSupportStaff(ctx.user)) {
          return refused(ctx, id, { ok: false, refusal: 'closed', ticket });
        }
        commentFlow.start(ctx, id, request.internal);
        return;
      case 'close':
        return close(ctx, id, request.body);
      case 'reopen': {
        // A solution is on the table: asking to reopen ("reopen #1000 still broken") rejects it.
        if (ticket.status === 'solution_offered' && !isSupportStaff(ctx.user)) {
          return rejectSolution(ctx, id, request.body);
        }
        // Not closed: nothing to reopen, but the reason is news for support.
        if (ticket.status !== 'closed' && request.body && !isSupportStaff(ctx.user)) {
          ctx.reply({
            type: 'text',
            text: t('tickets.update.already_open', { number, status: statusLabel(ticket.status) }),
          });
          return addComment(ctx, id, request.body, false);
        }
        const outcome = await setStatus(ctx, id, 'open');
        if (!outcome.ok) return;
        ctx.reply({ type: 'text', text: t('tickets.update.reopened', { number }) });
        if (request.body) await addComment(ctx, id, request.body, false);
        return;
      }
      case 'solved':
        // "It works now" with no solution offered: the requester says it is solved, so it
        // closes as "close" would (the creator only, as the ticket rules say).
        if (ticket.status !== 'solution_offered') return close(ctx, id, null);
        if ((await setStatus(ctx, id, 'closed')).ok)
          ctx.reply({ type: 'text', text: t('tickets.update.solved', { number }) });
        return;
      case 'not-solved':
        if (ticket.status !== 'solution_offered') {
          return refused(ctx, id, { ok: false, refusal: 'no-solution-offered', ticket });
        }
        return rejectSolution(ctx, id, null);
      case 'status':
        if ((await setStatus(ctx, id, request.status)).ok) {
          ctx.reply({
            type: 'text',
            text: t('tickets.update.status_set', { number, status: statusLabel(request.status) }),
          });
        }
        return;
      case 'assign':
        return assign(ctx, id, request.to);
    }
  }

  /** Closes; a reason ("close 1042, it works now") is stored with the change (an internal note from staff). */
  async function close(ctx: TurnContext, id: number, reason: string | null): Promise<void> {
    const number = ticketNumber(id);
    const outcome = await setStatus(ctx, id, 'closed', reason ?? undefined);
    if (!outcome.ok) return;
    const deadline = reopenDeadline(outcome.ticket, deps.reopenDays);
    ctx.reply({
      type: 'choices',
      prompt: deadline
        ? t('tickets.update.closed', { number, date: formatDate(deadline) })
        : t('tickets.update.closed_no_reopen', { number }),
      choices: [ticketButton(t('tickets.update.actions.reopen'), 'reopen', { id })],
    });
    if (reason && isSupportStaff(ctx.user)) {
      ctx.reply({ type: 'text', text: t('tickets.update.close_note_internal', { number }) });
    }
  }

  /** Back to In Progress; the reason becomes a comment, or the user is asked for one. */
  async function rejectSolution(ctx: TurnContext, id: number, reason: string | null): Promise<void> {
    const number = ticketNumber(id);
    if (!(await setStatus(ctx, id, 'in_progress')).ok) return;
    if (!reason) {
      commentFlow.start(ctx, id, false, t('tickets.update.not_solved', { number }));
      return;
    }
    ctx.reply({ type: 'text', text: t('tickets.update.not_solved_with_reason', { number }) });
    await addComment(ctx, id, reason, false);
  }

  async function assign(ctx: TurnContext, id: number, to: Extract<UpdateRequest, { kind: 'assign' }>['to']) {
    const number = ticketNumber(id);
    let assignee: { id: string; displayName: string } | null = null;
    if (to === 'me') assignee = ctx.user;
    else if (to !== 'nobody') {
      assignee = (await deps.staffByName(to.name))[0] ?? null;
      if (!assignee) {
        ctx.reply({ type: 'text', text: t('tickets.update.refused.unknown_assignee', { name: to.name }) });
        return;
      }
    }
    const outcome = await deps.desk.assignTo(ctx.user, id, assignee?.id ?? null);
    if (!outcome.ok) return refused(ctx, id, outcome);
    ctx.state.lastTicketId = id;
    ctx.reply({
      type: 'text',
      text: assignee
        ? t('tickets.update.assigned', { number, name: assignee.displayName })
        : t('tickets.update.unassigned', { number }),
    });
  }

  return {
    commentFlow,
    async onIntent(ctx: TurnContext): Promise<void> {
      const entities = deps.entities(ctx.message.text, { now: ctx.now, kind: ctx.user.kind });
      const request = parseUpdateRequest(ctx.message.text, {
        staff: isSupportStaff(ctx.user),
        statuses: entities.statuses,
      });
      const named = entities.ticketNumbers[0];
      const last = ctx.state.lastTicketId;
      const id = named ?? (last && (await deps.desk.get(ctx.user, last)) ? last : null);
      if (id) return apply(ctx, id, request);
      const only = await status.chooseTicket(ctx, 'apply-update', { request });
      if (only) await apply(ctx, only, request);
    },

    /** Buttons: comment, close, reopen, solved, not-solved, pick-status, set-status, assign-me, apply-update. */
    async onAction(ctx: TurnContext, value: Readonly<Record<string, unknown>>): Promise<boolean> {
      const id = typeof value.id === 'number' && Number.isInteger(value.id) ? value.id : null;
      if (id === null) return false;
      switch (value.action) {
        case 'comment':
          await apply(ctx, id, { kind: 'comment', body: null, internal: false });
          return true;
        case 'close':
          await apply(ctx, id, { kind: 'close', body: null });
          return true;
        case 'reopen':
          await apply(ctx, id, { kind: 'reopen', body: null });
          return true;
        case 'solved':
          await apply(ctx, id, { kind: 'solved' });
          return true;
        case 'not-solved':
          await apply(ctx, id, { kind: 'not-solved' });
          return true;
        case 'assign-me':
          await apply(ctx, id, { kind: 'assign', to: 'me' });
          return true;
        case 'set-status':
          if (typeof value.status === 'string' && isTicketStatus(value.status)) {
            await apply(ctx, id, { kind: 'status', status: value.status });
          }
          return true;
        case 'pick-status': {
          const current = (await deps.desk.get(ctx.user, id))?.status;
          ctx.reply({
            type: 'choices',
            prompt: t('tickets.update.which_status', { number: ticketNumber(id) }),
            choices: TICKET_STATUSES.filter((s) => s.id !== current).map((s) =>
              ticketButton(s.label, 'set-status', { id, status: s.id }),
            ),
          });
          return true;
        }
        case 'apply-update': {
          const request = readRequest(value.request);
          if (request) await apply(ctx, id, request);
          return true;
        }
        default:
          return false;
      }
    },
  };
}

/** A request carried by a "which ticket?" button, checked again (clients can send anything). */
function readRequest(raw: unknown): UpdateRequest | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const body = typeof r.body === 'string' ? r.body : null;
  switch (r.kind) {
    case 'comment':
      return { kind: 'comment', body, internal: r.internal === true };
    case 'reopen':
      return { kind: 'reopen', body };
    case 'close':
      return { kind: 'close', body };
    case 'solved':
    case 'not-solved':
      return { kind: r.kind };
    case 'status':
      return typeof r.status === 'string' && isTicketStatus(r.status)
        ? { kind: 'status', status: r.status }
        : null;
    case 'assign': {
      const to = r.to;
      if (to === 'me' || to === 'nobody') return { kind: 'assign', to };
      const name = (to as { name?: unknown } | null)?.name;
      return typeof name === 'string' ? { kind: 'assign', to: { name } } : null;
    }
    default:
      return null;
  }
}

export type UpdateHandler = ReturnType<typeof createUpdateHandler>;
