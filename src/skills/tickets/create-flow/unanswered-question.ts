import type { TurnContext } from '../../../core/turn-context.js';
import { LAST_QUESTION_KEY } from '../../docs/docs-skill.js';

/** The docs question a ticket flow was last started from, so one question prefills one flow. */
const USED_QUESTION_KEY = 'tickets.questionUsed';

/**
 * The help-doc question the docs did not answer, when the ticket flow starts from a
 * button offered after it ("Did this help? No" or "nothing found", then "File a
 * ticket"). Nothing for a typed request, after a helpful answer, or a second time.
 */
export function takeUnansweredQuestion(ctx: TurnContext): string | undefined {
  const fromButton = ctx.message.text.trim() === '' && ctx.message.value?.intent === 'ticket.create';
  if (!fromButton || ctx.state.unhelpfulCount === 0) return undefined;
  const question = ctx.state.memory[LAST_QUESTION_KEY];
  if (typeof question !== 'string' || question.trim() === '') return undefined;
  if (ctx.state.memory[USED_QUESTION_KEY] === question) return undefined;
  ctx.state.memory[USED_QUESTION_KEY] = question;
  return question;
}
