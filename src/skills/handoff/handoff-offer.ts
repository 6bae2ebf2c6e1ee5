import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { TurnMiddleware } from '../../core/turn-context.js';
import { phraseMatcher } from './phrase-list.js';

/** Unhelpful answers in a row after which the bot offers a person. */
export const UNHELPFUL_OFFER_AT = 2;

/** The "would you like a person?" question. */
export function handoffOffer(responses: Responses): Reply {
  const { t } = responses;
  return {
    type: 'choices',
    prompt: t('handoff.offer'),
    choices: [
      {
        label: t('handoff.offer_yes'),
        value: { skill: 'handoff', action: 'start', via: 'offer' },
        style: 'primary',
      },
      { label: t('handoff.offer_no'), value: { skill: 'handoff', action: 'decline-offer' } },
    ],
  };
}

function offersPerson(replies: readonly Reply[]): boolean {
  return replies.some((r) => {
    const actions =
      r.type === 'choices' ? r.choices : r.type === 'card' ? r.actions : r.type === 'list' ? r.actions : [];
    return actions.some((a) => a.value?.skill === 'handoff' || a.value?.intent === 'agent.handoff');
  });
}

/**
 * Offers a person when the user says an answer did not help ("this didn't help"),
 * or when a turn brings the unhelpful answers in a row to two, unless the turn's
 * replies already offer one (the menu fallback does).
 */
export function createHandoffOfferMiddleware(responses: Responses): TurnMiddleware {
  const saysUnhelpful = phraseMatcher(responses, 'handoff.didnt_help_phrases');
  return async (ctx, next) => {
    if (!ctx.message.value && !ctx.state.flow && saysUnhelpful(ctx.message.text)) {
      ctx.state.unhelpfulCount += 1;
      ctx.reply(handoffOffer(responses));
      return;
    }
    const before = ctx.state.unhelpfulCount;
    await next();
    const now = ctx.state.unhelpfulCount;
    if (before < UNHELPFUL_OFFER_AT && now >= UNHELPFUL_OFFER_AT && !offersPerson(ctx.replies)) {
      ctx.reply(handoffOffer(responses));
    }
  };
}
