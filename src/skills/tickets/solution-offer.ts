import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActiveFlow } from '../../core/conversation-state.js';
import type { FlowOutcome } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { TicketStatus } from '../../domain/ticket-statuses.js';
import { askAnswerOrStatus, isOtherRequest } from './answer-or-status.js';
import { forEachTicket } from './several-tickets.js';
import { SKILL_NAME, ticketNumber } from './ticket-buttons.js';
import type { ActionOutcome, StatusChangeDetails } from './ticket-desk.js';
import { statusChangeRefusal } from './ticket-rules.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';
import { acceptedAttachments } from './turn-attachments.js';

export const SOLUTION_FLOW = 'solution';

const slotsSchema = z.object({
  ticketId: z.number().int(),
  /** Several tickets waiting for the same solution ("set 1000 and 1001 to solution offered"): it goes on each. */
  ticketIds: z.array(z.number().int()).optional(),
});

/** What the update handler lends: its status change and refusal replies. */
export interface SolutionOfferSteps {
  setStatus(
    ctx: TurnContext,
    id: number,
    to: TicketStatus,
    details: StatusChangeDetails,
  ): Promise<ActionOutcome>;
  refused(ctx: TurnContext, id: number, outcome: Extract<ActionOutcome, { ok: false }>): void;
}

/**
 * Solution Offered always comes with the solution, sent to the requester as a public reply.
 * Chosen without one (the status buttons), the agent is asked for it first, once for all the
 * tickets of a typed list; "cancel" (the router's, as in every flow) leaves every status as it was.
 */
export function createSolutionOffer(deps: TicketSkillDeps, steps: SolutionOfferSteps) {
  const { t } = deps.responses;

  function ask(ctx: TurnContext, ticketIds: readonly number[]): void {
    const numbers = ticketIds.map((id) => `**${ticketNumber(id)}**`);
    const text =
      numbers.length > 1
        ? t('tickets.update.ask_solution_several', {
            list: numbers.slice(0, -1).join(', '),
            last: numbers.at(-1) ?? '',
          })
        : t('tickets.update.ask_solution', { number: ticketNumber(ticketIds[0] ?? 0) });
    ctx.reply({ type: 'text', text });
  }

  /**
   * The solution goes with the files of the agent's message. On Solution Offered already, another
   * solution is one more reply to the requester, told as any reply is; the same one again (typed
   * twice) is not sent twice: the desk says so, as for any refusal.
   */
  async function offer(ctx: TurnContext, id: number, solution: string): Promise<void> {
    const attachments = acceptedAttachments(ctx, deps.responses);
    const outcome = await steps.setStatus(ctx, id, 'solution_offered', {
      comment: solution,
      commentPublic: true,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    if (!outcome.ok) return;
    const told = outcome.solutionReply ? 'comment_added_agent' : 'solution_offered';
    ctx.reply({ type: 'text', text: t(`tickets.update.${told}`, { number: ticketNumber(id) }) });
  }

  /** May the agent set `ticketId` to Solution Offered at all (a client can send any button)? If not, says why. */
  async function allowed(ctx: TurnContext, ticketId: number): Promise<boolean> {
    const ticket = (await deps.desk.details(ctx.user, ticketId))?.ticket ?? null;
    const rules = { now: ctx.now, reopenDays: deps.reopenDays };
    const refusal = ticket ? statusChangeRefusal(ctx.user, ticket, 'solution_offered', rules) : 'not-visible';
    if (refusal) steps.refused(ctx, ticketId, { ok: false, refusal, ticket });
    return !refusal;
  }

  /** Asks once for the solution of every ticket in `ticketIds`, already allowed. */
  function askFor(ctx: TurnContext, ticketIds: readonly number[]): void {
    const [ticketId, ...others] = ticketIds;
    if (ticketId === undefined) return;
    ctx.state.flow = {
      skill: SKILL_NAME,
      name: SOLUTION_FLOW,
      step: 'solution',
      slots: { ticketId, ...(others.length > 0 ? { ticketIds: [...ticketIds] } : {}) },
      idempotencyKey: randomUUID(),
      startedAt: ctx.now.toISOString(),
    };
    ask(ctx, ticketIds);
  }

  /** `text` is the solution: offered on each ticket the flow asks about, and the flow ends. */
  async function answer(ctx: TurnContext, flow: ActiveFlow, text: string): Promise<void> {
    const slots = slotsSchema.safeParse(flow.slots);
    ctx.state.flow = undefined;
    if (!slots.success) return;
    const { ticketId, ticketIds } = slots.data;
    if (ticketIds && ticketIds.length > 1) {
      await forEachTicket(ctx, ticketIds, deps.responses, (ticketCtx, id) => offer(ticketCtx, id, text));
    } else await offer(ctx, ticketId, text);
  }

  return {
    offer,
    allowed,

    /**
     * One question for several tickets ("set 1000 and 1001 to solution offered"), each already
     * found `allowed`; the answer is offered on each, and "cancel" leaves them all as they were.
     */
    startForSeveral(ctx: TurnContext, ticketIds: readonly number[]): void {
      askFor(ctx, ticketIds);
    },

    /** Asks for the solution of tickets already found `allowed` (one, or several at once). */
    askAllowed(ctx: TurnContext, ticketIds: readonly number[]): void {
      askFor(ctx, ticketIds);
    },

    async onMessage(ctx: TurnContext, flow: ActiveFlow): Promise<FlowOutcome> {
      const slots = slotsSchema.safeParse(flow.slots);
      if (!slots.success) {
        ctx.state.flow = undefined;
        return 'not-an-answer';
      }
      const text = ctx.message.text.trim();
      if (!text) return 'not-an-answer';
      // An agent's status for no ticket ("set it to in progress, the customer sent logs") may be the
      // solution as well ("Set it to open, then reload …"): nothing is sent before the agent says which.
      if (askAnswerOrStatus(ctx, deps.responses, flow, 'solution')) return 'handled';
      if (isOtherRequest(ctx, text, deps.looksLikeOtherRequest)) return 'not-an-answer';
      await answer(ctx, flow, text);
      return 'handled';
    },

    answer,

    reprompt(ctx: TurnContext, flow: ActiveFlow): void {
      const slots = slotsSchema.safeParse(flow.slots);
      if (slots.success) ask(ctx, slots.data.ticketIds ?? [slots.data.ticketId]);
    },
  };
}

export type SolutionOffer = ReturnType<typeof createSolutionOffer>;
