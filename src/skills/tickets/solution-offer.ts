import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActiveFlow } from '../../core/conversation-state.js';
import type { FlowOutcome } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { TicketStatus } from '../../domain/ticket-statuses.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import { SKILL_NAME, ticketNumber } from './ticket-buttons.js';
import type { ActionOutcome, StatusChangeDetails } from './ticket-desk.js';
import { statusChangeRefusal } from './ticket-rules.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';

export const SOLUTION_FLOW = 'solution';

const slotsSchema = z.object({ ticketId: z.number().int() });

/** What the update handler lends: its status change, comment and refusal replies. */
export interface SolutionOfferSteps {
  setStatus(
    ctx: TurnContext,
    id: number,
    to: TicketStatus,
    details: StatusChangeDetails,
  ): Promise<ActionOutcome>;
  addComment(ctx: TurnContext, id: number, body: string, internal: boolean): Promise<void>;
  refused(ctx: TurnContext, id: number, outcome: Extract<ActionOutcome, { ok: false }>): void;
}

/**
 * Solution Offered always comes with the solution, sent to the requester as a public reply.
 * Chosen without one (the status buttons), the agent is asked for it first; "cancel"
 * (the router's, as in every flow) leaves the status as it was.
 */
export function createSolutionOffer(deps: TicketSkillDeps, steps: SolutionOfferSteps) {
  const { t } = deps.responses;

  function ask(ctx: TurnContext, ticketId: number): void {
    ctx.reply({ type: 'text', text: t('tickets.update.ask_solution', { number: ticketNumber(ticketId) }) });
  }

  async function offer(ctx: TurnContext, id: number, solution: string): Promise<void> {
    // Already offered: another solution is a reply to the requester.
    if ((await deps.desk.get(ctx.user, id))?.status === 'solution_offered' && isSupportStaff(ctx.user)) {
      return steps.addComment(ctx, id, solution, false);
    }
    const outcome = await steps.setStatus(ctx, id, 'solution_offered', {
      comment: solution,
      commentPublic: true,
    });
    if (outcome.ok) {
      ctx.reply({ type: 'text', text: t('tickets.update.solution_offered', { number: ticketNumber(id) }) });
    }
  }

  return {
    offer,

    /** Asks for the solution, if the change is allowed at all (a client can send any button). */
    async start(ctx: TurnContext, ticketId: number): Promise<void> {
      const ticket = (await deps.desk.details(ctx.user, ticketId))?.ticket ?? null;
      const rules = { now: ctx.now, reopenDays: deps.reopenDays };
      const refusal = ticket
        ? statusChangeRefusal(ctx.user, ticket, 'solution_offered', rules)
        : 'not-visible';
      if (refusal) return steps.refused(ctx, ticketId, { ok: false, refusal, ticket });
      ctx.state.flow = {
        skill: SKILL_NAME,
        name: SOLUTION_FLOW,
        step: 'solution',
        slots: { ticketId },
        idempotencyKey: randomUUID(),
        startedAt: ctx.now.toISOString(),
      };
      ask(ctx, ticketId);
    },

    async onMessage(ctx: TurnContext, flow: ActiveFlow): Promise<FlowOutcome> {
      const slots = slotsSchema.safeParse(flow.slots);
      if (!slots.success) {
        ctx.state.flow = undefined;
        return 'not-an-answer';
      }
      const text = ctx.message.text.trim();
      if (!text || deps.looksLikeOtherRequest(text)) return 'not-an-answer';
      ctx.state.flow = undefined;
      await offer(ctx, slots.data.ticketId, text);
      return 'handled';
    },

    reprompt(ctx: TurnContext, flow: ActiveFlow): void {
      const slots = slotsSchema.safeParse(flow.slots);
      if (slots.success) ask(ctx, slots.data.ticketId);
    },
  };
}

export type SolutionOffer = ReturnType<typeof createSolutionOffer>;
