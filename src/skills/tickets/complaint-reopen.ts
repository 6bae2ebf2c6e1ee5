import type { TurnContext } from '../../core/turn-context.js';
import { statusLabel } from '../../domain/ticket-statuses.js';
import { rememberedKeys, rememberKey } from './remembered-keys.js';
import { ticketNumber } from './ticket-buttons.js';
import type { ActionOutcome } from './ticket-desk.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';

/** Conversation memory: keys of complaint prompts whose Reopen was already carried out here. */
const DONE_KEYS = 'tickets.complaintReopens';

interface Steps {
  readonly addComment: (ctx: TurnContext, id: number, body: string, internal: boolean) => Promise<void>;
  readonly refused: (ctx: TurnContext, id: number, outcome: Extract<ActionOutcome, { ok: false }>) => void;
}

/**
 * Reopen pressed on a closed-ticket complaint prompt (see `closedComplaintReply`). The button
 * carries the key of the turn that made the prompt: the first press reopens the ticket with the
 * complaint as its comment; a later press of the same prompt, or of any complaint prompt once
 * the ticket is open again, says so and adds nothing.
 */
export function createComplaintReopen(deps: TicketSkillDeps, steps: Steps) {
  const { t } = deps.responses;

  function reopened(ctx: TurnContext, id: number, complaint: string | null): void {
    const number = ticketNumber(id);
    ctx.reply({ type: 'text', text: t('tickets.update.reopened', { number }) });
    if (complaint) ctx.reply({ type: 'text', text: t('tickets.update.comment_added', { number }) });
  }

  return async function reopenFromComplaint(
    ctx: TurnContext,
    id: number,
    complaint: string | null,
    key: string,
  ): Promise<void> {
    const number = ticketNumber(id);
    // This turn already reopened it and runs again on newer conversation state: same answer.
    const carried = `complaint-reopen:${key}`;
    const earlier = ctx.carried.get(carried);
    if (earlier === 'with-comment' || earlier === 'without-comment') {
      rememberKey(ctx, DONE_KEYS, key);
      ctx.state.lastTicketId = id;
      return reopened(ctx, id, earlier === 'with-comment' ? complaint : null);
    }
    const ticket = (await deps.desk.details(ctx.user, id))?.ticket;
    if (!ticket) return steps.refused(ctx, id, { ok: false, refusal: 'not-visible', ticket: null });
    const done = rememberedKeys(ctx, DONE_KEYS).includes(key);
    if (ticket.status !== 'closed') {
      ctx.state.lastTicketId = id;
      const status = statusLabel(ticket.status);
      const text =
        done && complaint
          ? t('tickets.update.already_open_comment_kept', { number, status })
          : t('tickets.update.already_open_nothing_added', { number, status });
      ctx.reply({ type: 'text', text });
      return;
    }
    const outcome = await deps.desk.changeStatus(ctx.user, id, 'open');
    if (!outcome.ok) {
      // Reopened in between (another press of a complaint prompt): nothing more to add.
      if (outcome.refusal === 'same-status' && outcome.ticket) {
        const status = statusLabel(outcome.ticket.status);
        ctx.reply({ type: 'text', text: t('tickets.update.already_open_nothing_added', { number, status }) });
        return;
      }
      return steps.refused(ctx, id, outcome);
    }
    ctx.state.lastTicketId = id;
    rememberKey(ctx, DONE_KEYS, key);
    // Closed again since this prompt's Reopen: reopened, its comment is on the ticket already.
    const withComment = Boolean(complaint) && !done;
    ctx.carried.set(carried, withComment ? 'with-comment' : 'without-comment');
    if (!withComment || !complaint) return reopened(ctx, id, null);
    ctx.reply({ type: 'text', text: t('tickets.update.reopened', { number }) });
    await steps.addComment(ctx, id, complaint, false);
  };
}
