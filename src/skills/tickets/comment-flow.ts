import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActiveFlow } from '../../core/conversation-state.js';
import type { FlowOutcome } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import { SKILL_NAME, ticketNumber } from './ticket-buttons.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';

export const COMMENT_FLOW = 'comment';

const slotsSchema = z.object({ ticketId: z.number().int(), internal: z.boolean().default(false) });

/** "Reply" on a ticket: asks for the text (files welcome), then adds it as a comment. */
export function createCommentFlow(
  deps: TicketSkillDeps,
  addComment: (ctx: TurnContext, id: number, body: string, internal: boolean) => Promise<void>,
) {
  const { t } = deps.responses;

  function ask(ctx: TurnContext, ticketId: number, lead?: string): void {
    const text = t('tickets.update.ask_comment', { number: ticketNumber(ticketId) });
    ctx.reply({ type: 'text', text: lead ? `${lead}\n\n${text}` : text });
  }

  return {
    start(ctx: TurnContext, ticketId: number, internal = false, lead?: string): void {
      ctx.state.flow = {
        skill: SKILL_NAME,
        name: COMMENT_FLOW,
        step: 'body',
        slots: { ticketId, internal },
        idempotencyKey: randomUUID(),
        startedAt: ctx.now.toISOString(),
      };
      ask(ctx, ticketId, lead);
    },

    async onMessage(ctx: TurnContext, flow: ActiveFlow): Promise<FlowOutcome> {
      const slots = slotsSchema.safeParse(flow.slots);
      if (!slots.success) {
        ctx.state.flow = undefined;
        return 'not-an-answer';
      }
      const text = ctx.message.text.trim();
      if (!text && ctx.message.attachments.length === 0) return 'not-an-answer';
      if (text && deps.looksLikeOtherRequest(text)) return 'not-an-answer';
      ctx.state.flow = undefined;
      await addComment(ctx, slots.data.ticketId, text, slots.data.internal);
      return 'handled';
    },

    reprompt(ctx: TurnContext, flow: ActiveFlow): void {
      const slots = slotsSchema.safeParse(flow.slots);
      if (slots.success) ask(ctx, slots.data.ticketId);
    },
  };
}

export type CommentFlow = ReturnType<typeof createCommentFlow>;
