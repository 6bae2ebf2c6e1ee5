import type { TurnContext } from '../../core/turn-context.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { HandoffRequests } from './handoff-requests.js';

/** The flow after a rating: the next message is the user's comment on the chat. */
export const RATING_FLOW = 'rating-comment';

/**
 * The user rated the chat (a 1–5 button, or typed): stored once, then the optional comment
 * is asked for; a chat rated already is said to be.
 */
export async function answerRating(
  ctx: TurnContext,
  deps: Pick<HandoffDeps, 'responses'>,
  requests: Pick<HandoffRequests, 'rate'>,
  handoffId: string,
  rating: number,
): Promise<void> {
  const { t } = deps.responses;
  if (!(await requests.rate(ctx, handoffId, rating))) {
    ctx.reply({ type: 'text', text: t('handoff.already_rated') });
    return;
  }
  ctx.state.flow = {
    skill: 'handoff',
    name: RATING_FLOW,
    step: 'comment',
    slots: { handoffId },
    idempotencyKey: `rating:${handoffId}`,
    startedAt: ctx.now.toISOString(),
  };
  ctx.reply({
    type: 'choices',
    prompt: t('handoff.rate_thanks'),
    choices: [{ label: t('handoff.skip'), value: { skill: 'handoff', action: 'skip-comment' } }],
  });
}
