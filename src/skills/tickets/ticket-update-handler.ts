import type { ActiveFlow } from '../../core/conversation-state.js';
import type { FlowOutcome } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import {
  isTicketStatus,
  statusLabel,
  TICKET_STATUSES,
  type TicketStatus,
} from '../../domain/ticket-statuses.js';
import { extractUnknownTicketNumbers, isTicketId } from '../../nlu/entities/ticket-numbers.js';
import type { TicketRecord } from '../../store/ticket-record.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import {
  ANSWER_OR_STATUS_ACTION,
  type AskedAnswer,
  answerOrStatusCancelled,
  flowTickets,
  isOtherRequest,
  mayChoose,
  type PendingAnswer,
  pendingAnswer,
  showAnswerOrStatus,
  statusNamed,
  typedChoice,
  waitingAnswer,
  withoutWaitingAnswer,
} from './answer-or-status.js';
import { closedComplaintReply } from './closed-ticket-complaint.js';
import { COMMENT_FLOW, createCommentFlow } from './comment-flow.js';
import { createComplaintReopen } from './complaint-reopen.js';
import { forEachTicket, inOneReply, MAX_TICKETS_AT_ONCE, type TicketStep } from './several-tickets.js';
import { createSolutionOffer, SOLUTION_FLOW } from './solution-offer.js';
import { ticketButton, ticketNumber } from './ticket-buttons.js';
import type { ActionOutcome, StatusChangeDetails } from './ticket-desk.js';
import { refusalReply } from './ticket-refusal-reply.js';
import { reopenDeadline } from './ticket-rules.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';
import type { StatusHandler } from './ticket-status-handler.js';
import { formatDate } from './ticket-time.js';
import {
  carriesWords,
  complaintText,
  parseUpdateRequest,
  readCarriedRequest,
  rejectionReason,
  type TypedStatusRequest,
  ticketsAfterCommand,
  typedStatusRequests,
  type UpdateRequest,
  withOneTicketNumber,
} from './ticket-update-request.js';
import { acceptedAttachments } from './turn-attachments.js';
import { rememberWordsKept, wordsKeptBefore } from './words-once.js';

/** Statuses where the ticket waits on support: a complaint there is news for support, nothing to reopen or reject. */
const WITH_SUPPORT: ReadonlySet<TicketStatus> = new Set(['open', 'in_progress', 'awaiting_response']);

/** "open a new ticket", "file another case": a new ticket asked for in so many words, whatever it mentions. */
const ASKS_FOR_NEW_TICKET = /\b(?:new|another|separate|fresh|second)\s+(?:ticket|case|request)\b/i;

/** "close it", "reply to this": the ticket talked about. */
const TICKET_PRONOUN = /\b(?:it|this|that)\b/i;

/** The buttons that act on the ticket whose id they carry. */
const TICKET_ACTIONS: ReadonlySet<unknown> = new Set([
  'comment',
  'close',
  'reopen',
  'solved',
  'not-solved',
  'assign-me',
  'set-status',
  'pick-status',
  'apply-update',
]);

/** Replies, closing, reopening, confirming a solution; for agents also statuses and assignment. */
export function createUpdateHandler(deps: TicketSkillDeps, status: StatusHandler) {
  const { t } = deps.responses;
  const commentFlow = createCommentFlow(deps, addComment);
  const solution = createSolutionOffer(deps, { setStatus, refused });
  const reopenFromComplaint = createComplaintReopen(deps, { addComment, refused });
  /** Turns that put the user's words on a ticket (a comment, a note, a status change's comment). */
  const keptWords = new WeakSet<TurnContext>();

  function refused(ctx: TurnContext, id: number, outcome: Extract<ActionOutcome, { ok: false }>): void {
    ctx.reply(
      ...refusalReply(deps.responses, outcome.refusal, id, outcome.ticket, {
        now: ctx.now,
        reopenDays: deps.reopenDays,
      }),
    );
  }

  /** `complaint`: the requester said it still doesn't work; they hear the ticket is still open. */
  async function addComment(
    ctx: TurnContext,
    id: number,
    body: string,
    internal: boolean,
    complaint = false,
  ): Promise<void> {
    const attachments = acceptedAttachments(ctx, deps.responses);
    const number = ticketNumber(id);
    if (!body && attachments.length === 0) {
      commentFlow.start(ctx, id, internal, t('tickets.update.comment_empty', { number }));
      return;
    }
    const before = await deps.desk.get(ctx.user, id);
    const outcome = await deps.desk.addComment(ctx.user, id, body, { internal, attachments });
    if (!outcome.ok) return refused(ctx, id, outcome);
    keptWords.add(ctx);
    ctx.state.lastTicketId = id;
    if (isSupportStaff(ctx.user)) {
      ctx.reply({
        type: 'text',
        text: t(internal ? 'tickets.update.note_added' : 'tickets.update.comment_added_agent', { number }),
      });
      return;
    }
    const status = statusLabel(outcome.ticket.status);
    const moved = before && before.status !== outcome.ticket.status;
    ctx.reply({
      type: 'text',
      text: complaint
        ? t('tickets.update.complaint_added', { number, status })
        : moved
          ? t('tickets.update.comment_added_reopened', { number, status })
          : t('tickets.update.comment_added', { number }),
    });
  }

  /** "1000 still doesn't work" on a closed ticket: offers to reopen it with those words, or a new ticket. */
  function complainOnClosed(
    ctx: TurnContext,
    ticket: TicketRecord,
    complaint: string | null,
    newTicketText?: string,
  ): void {
    const rules = { now: ctx.now, reopenDays: deps.reopenDays };
    ctx.reply(
      ...closedComplaintReply(deps.responses, ticket, ctx.user, complaint, rules, ctx.turnId, newTicketText),
    );
    ctx.state.lastTicketId = ticket.id;
  }

  async function setStatus(
    ctx: TurnContext,
    id: number,
    to: TicketStatus,
    details: StatusChangeDetails = {},
  ): Promise<ActionOutcome> {
    const outcome = await deps.desk.changeStatus(ctx.user, id, to, details);
    if (!outcome.ok) refused(ctx, id, outcome);
    else {
      ctx.state.lastTicketId = id;
      if (details.comment) keptWords.add(ctx);
    }
    return outcome;
  }

  /**
   * `askLater`: several tickets in one command ("reopen 1000 and 1001"); a ticket that would ask
   * the user a question joins it instead, and the one question is asked for all of them at the end.
   */
  async function apply(
    ctx: TurnContext,
    id: number,
    request: UpdateRequest,
    askLater?: number[],
  ): Promise<void> {
    const number = ticketNumber(id);
    const details = isTicketId(id) ? await deps.desk.details(ctx.user, id) : null;
    if (!details) return refused(ctx, id, { ok: false, refusal: 'not-visible', ticket: null });
    const { ticket, creatorName } = details;
    switch (request.kind) {
      case 'comment':
        if (request.body) return addComment(ctx, id, request.body, request.internal);
        if (ticket.status === 'closed' && !isSupportStaff(ctx.user)) {
          return refused(ctx, id, { ok: false, refusal: 'closed', ticket });
        }
        commentFlow.start(ctx, id, request.internal);
        return;
      case 'close':
        return close(ctx, id, request.body, creatorName);
      case 'reopen': {
        // A solution is on the table: asking to reopen ("reopen #1000 still broken") rejects it.
        if (ticket.status === 'solution_offered' && !isSupportStaff(ctx.user)) {
          return rejectSolution(ctx, id, request.body, askLater);
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
        if (ticket.status !== 'solution_offered') return close(ctx, id, null, creatorName);
        if ((await setStatus(ctx, id, 'closed')).ok)
          ctx.reply({ type: 'text', text: t('tickets.update.solved', { number }) });
        return;
      case 'not-solved':
        // "reply to 1042: still broken, the pixel fires twice": those words are why it is rejected.
        if (ticket.status === 'solution_offered') {
          return rejectSolution(ctx, id, request.reason ?? null, askLater);
        }
        if (!isSupportStaff(ctx.user)) {
          // Still with support ("1042 still doesn't work, why did you close it?"): keep the words.
          if (WITH_SUPPORT.has(ticket.status) && request.body) {
            return addComment(ctx, id, request.body, false, true);
          }
          if (ticket.status === 'closed') return complainOnClosed(ctx, ticket, request.body ?? null);
        }
        return refused(ctx, id, { ok: false, refusal: 'no-solution-offered', ticket });
      case 'status': {
        // Solution Offered always comes with the solution: typed without it, it is asked for.
        // In a list ("set 1000 and 1001 to solution offered"), one question for all of them at the end.
        // An agent's remark after the command ("1042 in progress, the customer sent logs") is kept
        // as an internal note, as a close reason is; it is never sent, nor taken for the solution.
        if (request.status === 'solution_offered') {
          if (request.body) return solution.offer(ctx, id, request.body);
          if (!(await solution.allowed(ctx, id))) {
            // Offered already: nothing to ask, but the remark is still kept.
            if (request.note && ticket.status === 'solution_offered') await keepNote(ctx, id, request.note);
            return;
          }
          // The status waits for the solution; the remark is kept now, so "cancel" loses none of it.
          if (request.note) await keepNote(ctx, id, request.note);
          if (askLater) askLater.push(id);
          else solution.askAllowed(ctx, [id]);
          return;
        }
        // `body` is for the requester, sent with the change ("1042 waiting on customer, please send
        // us the HAR file"); a `note` stays internal.
        const details: StatusChangeDetails = request.body
          ? { comment: request.body, commentPublic: true }
          : request.note
            ? { comment: request.note }
            : {};
        const outcome = await setStatus(ctx, id, request.status, details);
        if (outcome.ok) {
          const status = statusLabel(request.status);
          const told = request.body ? 'status_set_with_message' : 'status_set';
          ctx.reply({ type: 'text', text: t(`tickets.update.${told}`, { number, status }) });
          if (request.note && isSupportStaff(ctx.user)) {
            ctx.reply({ type: 'text', text: t('tickets.update.status_note_internal', { number }) });
          }
        } else if (outcome.refusal === 'same-status' && isSupportStaff(ctx.user)) {
          // Already in that status: the words are kept all the same, for whom they were meant.
          if (request.body) await addComment(ctx, id, request.body, false);
          else if (request.note) await keepNote(ctx, id, request.note);
        }
        return;
      }
      case 'assign':
        return assign(ctx, id, request.to);
      case 'ask-status':
        await status.show(ctx, id);
        return;
    }
  }

  /**
   * Closes; a reason ("close 1042, it works now") is stored with the change (an internal note
   * from staff). Agents hear whose ticket they closed; the requester hears until when to reopen.
   */
  async function close(
    ctx: TurnContext,
    id: number,
    reason: string | null,
    requester: string,
  ): Promise<void> {
    const number = ticketNumber(id);
    const outcome = await setStatus(ctx, id, 'closed', reason ? { comment: reason } : {});
    if (!outcome.ok) {
      // Already closed: an agent's reason is kept all the same.
      if (outcome.refusal === 'already-closed' && reason && isSupportStaff(ctx.user)) {
        await keepNote(ctx, id, reason, 'close');
      }
      return;
    }
    const deadline = reopenDeadline(outcome.ticket, deps.reopenDays);
    const wording = isSupportStaff(ctx.user) ? 'closed_agent' : 'closed';
    ctx.reply({
      type: 'choices',
      prompt: deadline
        ? t(`tickets.update.${wording}`, { number, requester, date: formatDate(deadline) })
        : t(`tickets.update.${wording}_no_reopen`, { number, requester }),
      choices: [ticketButton(t('tickets.update.actions.reopen'), 'reopen', { id })],
    });
    if (reason && isSupportStaff(ctx.user)) {
      ctx.reply({ type: 'text', text: t('tickets.update.close_note_internal', { number }) });
    }
  }

  /**
   * An agent's remark kept on the ticket as an internal note (never sent to the requester), as a
   * close reason is; the agent hears it was kept (`close`: it was given as a reason to close).
   */
  async function keepNote(ctx: TurnContext, id: number, note: string, kind: 'close' | 'status' = 'status') {
    const outcome = await deps.desk.addComment(ctx.user, id, note, { internal: true });
    if (!outcome.ok) return refused(ctx, id, outcome);
    keptWords.add(ctx);
    ctx.state.lastTicketId = id;
    const key = kind === 'close' ? 'close_note_internal' : 'status_note_internal';
    ctx.reply({ type: 'text', text: t(`tickets.update.${key}`, { number: ticketNumber(id) }) });
  }

  /** Back to In Progress; the reason becomes a comment, or the user is asked for one. */
  async function rejectSolution(
    ctx: TurnContext,
    id: number,
    reason: string | null,
    askLater?: number[],
  ): Promise<void> {
    const number = ticketNumber(id);
    if (!(await setStatus(ctx, id, 'in_progress')).ok) return;
    if (!reason && askLater) {
      ctx.reply({ type: 'text', text: t('tickets.update.not_solved_with_reason', { number }) });
      askLater.push(id);
      return;
    }
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

  function readRequest(ctx: TurnContext, text = ctx.message.text) {
    const entityContext = { now: ctx.now, kind: ctx.user.kind };
    const entities = deps.entities(text, entityContext);
    const parsed = parseUpdateRequest(text, { staff: isSupportStaff(ctx.user), statuses: entities.statuses });
    const request: UpdateRequest =
      parsed.kind === 'not-solved'
        ? { kind: 'not-solved', body: complaintText(text), reason: rejectionReason(text) }
        : parsed;
    return { entities, request };
  }

  /** The ticket last talked about, if the user may still see it. */
  async function currentTicket(ctx: TurnContext): Promise<number | null> {
    const last = ctx.state.lastTicketId;
    return last && (await deps.desk.get(ctx.user, last)) ? last : null;
  }

  /**
   * An agent's typed status command: each of its commands in order ("1042 in progress, 1043
   * closed"), in one reply. A command naming no ticket ("set it to closed, duplicate of 1000",
   * "solution offered, same fix as 1001") is for the ticket talked about (`current`, else the last
   * one), never a number in its remark, and for the tickets its remark adds ("set it to closed, 1043
   * too"); with none talked about, the agent is asked which. The solution of every ticket set to
   * Solution Offered without one is asked for once, at the end.
   */
  async function runTypedStatus(
    ctx: TurnContext,
    commands: readonly TypedStatusRequest[],
    current?: readonly number[],
  ): Promise<void> {
    const [first, ...more] = commands;
    if (!first) return;
    const talkedAbout = first.forCurrent ? (current ?? [await currentTicket(ctx)]) : [];
    const found = talkedAbout.filter((id): id is number => id !== null);
    // No ticket talked about: the agent picks one, then the rest runs as typed.
    const choose = first.forCurrent && found.length === 0;
    const firstIds = [...new Set([...found, ...first.tickets])];
    const [onlyId] = firstIds;
    if (more.length === 0 && firstIds.length + (choose ? 1 : 0) <= 1) {
      if (onlyId !== undefined) return apply(ctx, onlyId, first.request);
      const only = await status.chooseTicket(ctx, 'apply-update', {
        request: first.request,
        wordsKey: ctx.turnId,
      });
      if (only) await apply(ctx, only, first.request);
      return;
    }
    const count = firstIds.length + more.reduce((n, c) => n + c.tickets.length, 0);
    if (count > MAX_TICKETS_AT_ONCE) {
      ctx.reply({
        type: 'text',
        text: t('tickets.update.too_many_tickets', { count, max: MAX_TICKETS_AT_ONCE }),
      });
      return;
    }
    const askLater: number[] = [];
    const steps: TicketStep[] = [];
    if (choose) {
      steps.push({
        id: null,
        run: async (c) => {
          const only = await status.chooseTicket(c, 'apply-update', {
            request: first.request,
            wordsKey: ctx.turnId,
          });
          if (only) await apply(c, only, first.request, askLater);
        },
      });
    }
    const runs = [{ tickets: firstIds, request: first.request }, ...more];
    for (const { tickets, request } of runs) {
      for (const id of tickets) steps.push({ id, run: (c) => apply(c, id, request, askLater) });
    }
    steps.push({
      id: null,
      run: (c) => {
        if (askLater.length > 0) solution.startForSeveral(c, askLater);
      },
    });
    return inOneReply(ctx, deps.responses, steps);
  }

  /**
   * A "which ticket?" button: its request on the ticket pressed. The words it carries (a message for
   * the requester, a remark, a reason) reach that ticket once, however often the button is pressed
   * (`key`: the prompt's); a later press says so and changes nothing.
   */
  async function applyOnce(ctx: TurnContext, id: number, request: UpdateRequest, key: unknown) {
    if (typeof key !== 'string' || !carriesWords(request)) return apply(ctx, id, request);
    const once = `${key}:${id}`;
    if (wordsKeptBefore(ctx, once)) {
      ctx.state.lastTicketId = id;
      ctx.reply({ type: 'text', text: t('tickets.update.words_already_kept', { number: ticketNumber(id) }) });
      return;
    }
    keptWords.delete(ctx);
    await apply(ctx, id, request);
    if (keptWords.has(ctx)) rememberWordsKept(ctx, once);
  }

  /** What a reply or solution flow asks the agent for. */
  function askedIn(flow: ActiveFlow): AskedAnswer {
    if (flow.name === SOLUTION_FLOW) return 'solution';
    return flow.slots.internal === true ? 'note' : 'reply';
  }

  function answeringFlow(flow: ActiveFlow | undefined) {
    return flow?.name === COMMENT_FLOW ? commentFlow : flow?.name === SOLUTION_FLOW ? solution : null;
  }

  /**
   * "Send this as the answer, or set the status?" asked again, its words kept (`typed`: after words
   * that chose nothing, said so). Anyone but the agent who typed the words hears it is not theirs to
   * answer. Words that no longer read as a status: the flow asks its own question again.
   */
  function askAgain(ctx: TurnContext, flow: ActiveFlow, pending: PendingAnswer, typed = false): void {
    if (!mayChoose(ctx, pending)) {
      ctx.reply({ type: 'text', text: t('tickets.update.answer_or_status.not_yours') });
      return;
    }
    const lead = typed ? t('tickets.update.answer_or_status.pick_one') : undefined;
    if (showAnswerOrStatus(ctx, deps.responses, flow, pending, askedIn(flow), lead)) return;
    ctx.state.flow = withoutWaitingAnswer(flow);
    answeringFlow(flow)?.reprompt(ctx, flow);
  }

  /**
   * The agent's choice for the words waiting in the reply or solution flow: sent as its answer, run
   * as the typed status the question named on the flow's tickets (its remark kept as that status
   * keeps it), or dropped with the flow (cancel). Anything else (a client can send any value) asks again.
   */
  async function choose(ctx: TurnContext, flow: ActiveFlow, pending: PendingAnswer, choice: unknown) {
    const answering = answeringFlow(flow);
    if (!answering) return;
    const ticketIds = flowTickets(flow);
    if (choice === 'answer') return answering.answer(ctx, flow, pending.text);
    const named = choice === 'status' ? statusNamed(pending.text) : null;
    if (named) {
      ctx.state.flow = undefined;
      return runTypedStatus(ctx, named.requests, ticketIds);
    }
    if (choice === 'cancel') {
      ctx.state.flow = undefined;
      ctx.reply({ type: 'text', text: answerOrStatusCancelled(deps.responses, ticketIds) });
      return;
    }
    askAgain(ctx, flow, pending);
  }

  /** A button of "send this as the answer, or set the status?" (see `askAnswerOrStatus`). */
  async function answerOrStatus(ctx: TurnContext, value: Readonly<Record<string, unknown>>): Promise<void> {
    const flow = ctx.state.flow;
    const pending = pendingAnswer(flow, value.key);
    if (!flow || !pending || !answeringFlow(flow)) {
      ctx.reply({ type: 'text', text: t('tickets.update.answer_or_status.stale') });
      return;
    }
    // Someone else in the conversation (another agent, the requester in a shared thread): nothing changes.
    if (!mayChoose(ctx, pending)) {
      ctx.reply({ type: 'text', text: t('tickets.update.answer_or_status.not_yours') });
      return;
    }
    await choose(ctx, flow, pending, value.choice);
  }

  /**
   * A message while a reply or solution is asked for. With words waiting for the agent's choice, no
   * message is the answer: the agent's typed choice ("send it", "1", "set it", "neither") picks as
   * its button would; another request is the router's to offer; anything else asks again.
   */
  async function onAnswerFlowMessage(ctx: TurnContext, flow: ActiveFlow): Promise<FlowOutcome> {
    const answering = answeringFlow(flow);
    if (!answering) return 'not-an-answer';
    const pending = waitingAnswer(flow);
    if (!pending) return answering.onMessage(ctx, flow);
    const text = ctx.message.text.trim();
    const named = statusNamed(pending.text);
    if (named && mayChoose(ctx, pending) && ctx.message.attachments.length === 0) {
      const asked = askedIn(flow);
      const choice = typedChoice(text, deps.responses, asked, named.status, deps.parseYesNo);
      if (choice) {
        await choose(ctx, flow, pending, choice);
        return 'handled';
      }
    }
    if (!text || isOtherRequest(ctx, text, deps.looksLikeOtherRequest)) return 'not-an-answer';
    askAgain(ctx, flow, pending, true);
    return 'handled';
  }

  async function onIntent(ctx: TurnContext): Promise<void> {
    const typed = typedStatusRequests(ctx.message.text, { staff: isSupportStaff(ctx.user) });
    if (typed) return runTypedStatus(ctx, typed);
    const { entities, request } = readRequest(ctx);
    const listsTickets = request.kind === 'close' || request.kind === 'reopen' || request.kind === 'status';
    // Only the list right after the command names tickets; a number later on is part of the reason.
    const listed = listsTickets ? ticketsAfterCommand(ctx.message.text) : [];
    // "close 1000 and 1001": each ticket as if named alone; the reason is the words around the list.
    const one = listed.length > 1 ? readRequest(ctx, withOneTicketNumber(ctx.message.text)).request : null;
    const each = one && one.kind === request.kind ? one : request;
    if (listed.length > 1) {
      // The tickets left waiting for one answer: the solution to offer, or what is still wrong.
      const asksForSolution = each.kind === 'status' && each.status === 'solution_offered';
      const askAll = asksForSolution ? solution.startForSeveral : commentFlow.startForSeveral;
      const askLater: number[] = [];
      return forEachTicket(
        ctx,
        listed,
        deps.responses,
        (ticketCtx, id) => apply(ticketCtx, id, each, askLater),
        (endCtx) => {
          if (askLater.length > 0) askAll(endCtx, askLater);
        },
      );
    }
    const named = listed[0] ?? entities.ticketNumbers[0];
    // "close ticket 5", "reply to #0: …": a ticket that cannot exist, never the one talked about before.
    // After "it" ("close it, ticket 2 was the duplicate") a number is part of the reason.
    if (named === undefined && status.unknownNumbers(ctx, [], beforeTicketPronoun(ctx.message.text))) return;
    const id = named ?? (await currentTicket(ctx));
    if (id) return apply(ctx, id, request);
    const only = await status.chooseTicket(ctx, 'apply-update', { request, wordsKey: ctx.turnId });
    if (only) await apply(ctx, only, request);
  }

  return {
    commentFlow,
    solution,
    onAnswerFlowMessage,

    /** The question of a reply or solution flow asked again (the answer-or-status question, if open). */
    repromptAnswerFlow(ctx: TurnContext, flow: ActiveFlow): void {
      const pending = waitingAnswer(flow);
      if (pending) askAgain(ctx, flow, pending);
      else answeringFlow(flow)?.reprompt(ctx, flow);
    },

    /**
     * "1042 is still broken" read as a status question: on a ticket still with support the
     * words are kept as a comment, on a closed one reopening is offered, on Solution Offered the
     * solution is rejected as "It didn't help" does (true); otherwise the status is shown as asked (false).
     */
    async keepComplaint(ctx: TurnContext): Promise<boolean> {
      if (isSupportStaff(ctx.user)) return false;
      const { entities, request } = readRequest(ctx);
      if (request.kind !== 'not-solved' || !request.body) return false;
      // "ticket 5 is still broken" names a ticket that cannot exist: the status answer says so.
      const named = entities.ticketNumbers[0];
      if (named === undefined && extractUnknownTicketNumbers(ctx.message.text).length > 0) return false;
      const id = named ?? ctx.state.lastTicketId;
      const ticket = id ? await deps.desk.get(ctx.user, id) : null;
      if (ticket?.status === 'closed') {
        const record = (await deps.desk.details(ctx.user, ticket.id))?.ticket;
        if (!record) return false;
        complainOnClosed(ctx, record, request.body);
        return true;
      }
      if (ticket?.status === 'solution_offered') {
        await rejectSolution(ctx, ticket.id, request.reason ?? null);
        return true;
      }
      if (!ticket || !WITH_SUPPORT.has(ticket.status)) return false;
      await addComment(ctx, ticket.id, request.body, false, true);
      return true;
    },

    /**
     * "1000 is broken again" read as a request for a new ticket: when it names a closed ticket
     * the requester may see, the closed-ticket offer (Reopen with the complaint, or File a ticket,
     * which starts the form from this message) instead of the form (true). A ticket still open,
     * no ticket named, or asking for a new ticket in so many words: the form, as before (false).
     */
    async offerReopenForNewTicket(ctx: TurnContext): Promise<boolean> {
      if (isSupportStaff(ctx.user) || ASKS_FOR_NEW_TICKET.test(ctx.message.text)) return false;
      const { entities, request } = readRequest(ctx);
      const id = entities.ticketNumbers[0];
      if (request.kind !== 'not-solved' || !request.body || id === undefined) return false;
      const ticket = (await deps.desk.details(ctx.user, id))?.ticket;
      if (ticket?.status !== 'closed') return false;
      complainOnClosed(ctx, ticket, request.body, ctx.message.text);
      return true;
    },

    /**
     * "1042 in progress" typed by an agent, read as a status question (or, with a longer remark,
     * as a new ticket): sets the status (true).
     */
    async setTypedStatus(ctx: TurnContext): Promise<boolean> {
      if (!typedStatusRequests(ctx.message.text, { staff: isSupportStaff(ctx.user) })) return false;
      await onIntent(ctx);
      return true;
    },

    onIntent,

    /**
     * Buttons: comment, close, reopen, solved, not-solved, pick-status, set-status, assign-me,
     * apply-update, answer-or-status.
     */
    async onAction(ctx: TurnContext, value: Readonly<Record<string, unknown>>): Promise<boolean> {
      if (value.action === ANSWER_OR_STATUS_ACTION) {
        await answerOrStatus(ctx, value);
        return true;
      }
      const id = typeof value.id === 'number' ? value.id : null;
      if (id === null || !TICKET_ACTIONS.has(value.action)) return false;
      // An id no ticket can have (clients can send any value) is not looked up.
      if (!isTicketId(id)) {
        status.notFound(ctx, ticketNumber(id));
        return true;
      }
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
          const request = readCarriedRequest(value.request);
          // Reopen from a closed-ticket complaint: its complaint is added once, however often pressed.
          if (request?.kind === 'reopen' && typeof value.complaintKey === 'string') {
            await reopenFromComplaint(ctx, id, request.body, value.complaintKey);
          } else if (request) await applyOnce(ctx, id, request, value.wordsKey);
          return true;
        }
        default:
          return false;
      }
    },
  };
}

/** The words before "it", "this" or "that": where a command names its ticket. */
function beforeTicketPronoun(text: string): string {
  const pronoun = TICKET_PRONOUN.exec(text);
  return pronoun ? text.slice(0, pronoun.index) : text;
}

export type UpdateHandler = ReturnType<typeof createUpdateHandler>;
