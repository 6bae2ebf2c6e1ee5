import { z } from 'zod';
import type { ActiveFlow } from '../../core/conversation-state.js';
import type { Responses } from '../../core/responses.js';
import type { TurnContext } from '../../core/turn-context.js';
import { statusLabel } from '../../domain/ticket-statuses.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import { SKILL_NAME, ticketButton, ticketNumber } from './ticket-buttons.js';
import { untargetedStatusCommand } from './typed-status-command.js';

/** The buttons of the question "send this as the answer, or set the status?". */
export const ANSWER_OR_STATUS_ACTION = 'answer-or-status';

/** What the agent is asked for: the solution, a reply to the requester, an internal note. */
export type AskedAnswer = 'solution' | 'reply' | 'note';

/** Where the words in question wait in the flow, until a button says what they are. */
const PENDING = 'pendingAnswer';
const pendingSchema = z.object({ text: z.string(), key: z.string() });
const flowTicketsSchema = z.object({
  ticketId: z.number().int(),
  ticketIds: z.array(z.number().int()).optional(),
});

/** The tickets a reply or solution flow asks about: the ticket talked about, for "set it to …". */
export function flowTickets(flow: ActiveFlow): number[] {
  const slots = flowTicketsSchema.safeParse(flow.slots);
  if (!slots.success) return [];
  return slots.data.ticketIds ?? [slots.data.ticketId];
}

/** "**#1042**", "**#1000**, **#1001**". */
function numbersOf(ticketIds: readonly number[]): string {
  return ticketIds.map((id) => `**${ticketNumber(id)}**`).join(', ');
}

/**
 * While `flow` asks an agent for an answer (`asked`), a typed status for the ticket talked about
 * naming none ("set it to closed, duplicate of the billing export ticket") may be that answer as
 * well ("Set it to open, then reload the dashboard …" as a solution). Nothing is sent or set: the
 * words wait in the flow and the agent is asked which, with buttons (the answer, the status, or
 * cancel). True: asked. A message with files is the answer (a status takes none).
 */
export function askAnswerOrStatus(
  ctx: TurnContext,
  responses: Responses,
  flow: ActiveFlow,
  asked: AskedAnswer,
): boolean {
  const { t } = responses;
  const text = ctx.message.text.trim();
  if (!text || !isSupportStaff(ctx.user) || ctx.message.attachments.length > 0) return false;
  const command = untargetedStatusCommand(text);
  const ticketIds = flowTickets(flow);
  if (!command || ticketIds.length === 0) return false;
  const key = ctx.turnId;
  ctx.state.flow = { ...flow, slots: { ...flow.slots, [PENDING]: { text, key } } };
  const status = statusLabel(command.status);
  const button = (label: string, choice: 'answer' | 'status' | 'cancel') =>
    ticketButton(label, ANSWER_OR_STATUS_ACTION, { choice, key });
  ctx.reply({
    type: 'choices',
    prompt: t(`tickets.update.answer_or_status.prompt_${asked}`, { numbers: numbersOf(ticketIds), status }),
    choices: [
      button(t(`tickets.update.answer_or_status.send_${asked}`), 'answer'),
      button(t('tickets.update.answer_or_status.set_status', { status }), 'status'),
      button(t('tickets.update.answer_or_status.cancel'), 'cancel'),
    ],
  });
  return true;
}

/** The words a button of `askAnswerOrStatus` is about, while its flow still waits on them; else null. */
export function pendingAnswer(flow: ActiveFlow | undefined, key: unknown): string | null {
  if (!flow || flow.skill !== SKILL_NAME || typeof key !== 'string') return null;
  const pending = pendingSchema.safeParse(flow.slots[PENDING]);
  return pending.success && pending.data.key === key ? pending.data.text : null;
}

/** "OK, I didn't send anything or change **#1042**." after Cancel. */
export function answerOrStatusCancelled(responses: Responses, ticketIds: readonly number[]): string {
  return responses.t('tickets.update.answer_or_status.cancelled', { numbers: numbersOf(ticketIds) });
}
