import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActiveFlow } from '../../core/conversation-state.js';
import type { FlowOutcome } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import { askAnswerOrStatus, isOtherRequest } from './answer-or-status.js';
import { SKILL_NAME, ticketNumber } from './ticket-buttons.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';

export const COMMENT_FLOW = 'comment';

const slotsSchema = z.object({
  ticketId: z.number().int(),
  internal: z.boolean().default(false),
  /** Several tickets waiting for the same answer ("reopen 1000 and 1001"): it goes on each. */
  ticketIds: z.array(z.number().int()).optional(),
});

/** "Reply" on a ticket: asks for the text (files welcome), then adds it as a comment. */
export function createCommentFlow(
  deps: TicketSkillDeps,
  addComment: (ctx: TurnContext, id: number, body: string, internal: boolean) => Promise<void>,
) {
  const { t } = deps.responses;

  function ask(ctx: TurnContext, ticketIds: readonly number[], lead?: string): void {
    const text =
      ticketIds.length > 1
        ? t('tickets.update.ask_comment_several', {
            numbers: ticketIds.map((id) => `**${ticketNumber(id)}**`).join(', '),
          })
        : t('tickets.update.ask_comment', { number: ticketNumber(ticketIds[0] ?? 0) });
    ctx.reply({ type: 'text', text: lead ? `${lead}\n\n${text}` : text });
  }

  function begin(ctx: TurnContext, ticketIds: readonly number[], internal: boolean, lead?: string): void {
    const [ticketId, ...others] = ticketIds;
    if (ticketId === undefined) return;
    ctx.state.flow = {
      skill: SKILL_NAME,
      name: COMMENT_FLOW,
      step: 'body',
      slots: { ticketId, internal, ...(others.length > 0 ? { ticketIds: [...ticketIds] } : {}) },
      idempotencyKey: randomUUID(),
      startedAt: ctx.now.toISOString(),
    };
    ask(ctx, ticketIds, lead);
  }

  /** `text` is the answer: it goes on each ticket the flow asks about (with the message's files), and the flow ends. */
  async function answer(ctx: TurnContext, flow: ActiveFlow, text: string): Promise<void> {
    const slots = slotsSchema.safeParse(flow.slots);
    ctx.state.flow = undefined;
    if (!slots.success) return;
    for (const id of slots.data.ticketIds ?? [slots.data.ticketId]) {
      await addComment(ctx, id, text, slots.data.internal);
    }
  }

  return {
    start(ctx: TurnContext, ticketId: number, internal = false, lead?: string): void {
      begin(ctx, [ticketId], internal, lead);
    },

    /** One question for several tickets ("reopen 1000 and 1001" rejecting both solutions); the answer goes on each. */
    startForSeveral(ctx: TurnContext, ticketIds: readonly number[]): void {
      begin(ctx, ticketIds, false);
    },

    async onMessage(ctx: TurnContext, flow: ActiveFlow): Promise<FlowOutcome> {
      const slots = slotsSchema.safeParse(flow.slots);
      if (!slots.success) {
        ctx.state.flow = undefined;
        return 'not-an-answer';
      }
      const text = ctx.message.text.trim();
      if (!text && ctx.message.attachments.length === 0) return 'not-an-answer';
      // An agent's status for no ticket ("set it to closed, duplicate of …") may be the reply as well
      // ("Switch it to open, then …"): nothing is sent before the agent says which.
      if (askAnswerOrStatus(ctx, deps.responses, flow, slots.data.internal ? 'note' : 'reply'))
        return 'handled';
      if (text && isOtherRequest(ctx, text, deps.looksLikeOtherRequest)) return 'not-an-answer';
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

export type CommentFlow = ReturnType<typeof createCommentFlow>;
