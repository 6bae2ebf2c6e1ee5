import type { ActiveFlow } from '../../core/conversation-state.js';
import type { IntentMatcher } from '../../core/router.js';
import type { FlowOutcome } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { HandoffDeps } from './handoff-deps.js';
import { type NotifyQuestion, notifySlots } from './notify-question.js';

export const TICKET_DETAILS_FLOW = 'ticket-details';
/** A message this confident of another intent is a new request, not the problem's description. */
const NEW_REQUEST_CONFIDENCE = 0.85;
/** Intents a description of a problem is often taken for ("my pixel stopped firing" reads as a question). */
const DESCRIPTION_INTENTS = new Set(['none', 'docs.search', 'ticket.create', 'ticket.update']);

/**
 * A request for a person filed a ticket before the user said what the problem is:
 * the bot asks, and the next message (with its files) is added to that ticket.
 */
export function createTicketDetailsFlow(deps: HandoffDeps, matcher: IntentMatcher) {
  const { t } = deps.responses;

  function ticketIdOf(flow: ActiveFlow): number | null {
    const id = flow.slots.ticketId;
    return typeof id === 'number' && Number.isInteger(id) ? id : null;
  }

  return {
    /**
     * Waits for the description; the question itself is part of the ticket confirmation. The
     * question asked with it ("Shall I message you…?") is kept too: "yes" answers that one.
     */
    start(ctx: TurnContext, ticketId: number, notify?: NotifyQuestion): void {
      ctx.state.flow = {
        skill: 'handoff',
        name: TICKET_DETAILS_FLOW,
        step: 'description',
        slots: { ticketId, ...(notify ? notifySlots(notify) : {}) },
        idempotencyKey: `ticket-details:${ticketId}`,
        startedAt: ctx.now.toISOString(),
      };
    },

    async onMessage(ctx: TurnContext, flow: ActiveFlow): Promise<FlowOutcome> {
      const ticketId = ticketIdOf(flow);
      const text = ctx.message.text.trim();
      const files = ctx.message.attachments;
      if (ticketId === null) {
        ctx.state.flow = undefined;
        return 'not-an-answer';
      }
      if (!text && files.length === 0) return 'not-an-answer';
      const intent = text ? matcher.match(text) : null;
      if (intent && !DESCRIPTION_INTENTS.has(intent.name) && intent.confidence >= NEW_REQUEST_CONFIDENCE)
        return 'not-an-answer';
      const ticket = await deps.tickets().get(ctx.user, ticketId);
      ctx.state.flow = undefined;
      if (!ticket) return 'not-an-answer';
      await deps
        .tickets()
        .comment(ctx.user, ticketId, text || files.map((f) => f.name).join(', '), { attachments: files });
      ctx.reply({ type: 'text', text: t('handoff.details_added', { ticketNumber: ticket.number }) });
      return 'handled';
    },

    async reprompt(ctx: TurnContext, flow: ActiveFlow): Promise<void> {
      const ticketId = ticketIdOf(flow);
      const ticket = ticketId === null ? null : await deps.tickets().get(ctx.user, ticketId);
      if (ticket)
        ctx.reply({ type: 'text', text: t('handoff.details_reprompt', { ticketNumber: ticket.number }) });
    },
  };
}

export type TicketDetailsFlow = ReturnType<typeof createTicketDetailsFlow>;
