import type { ActiveFlow } from '../../core/conversation-state.js';
import type { IntentMatcher } from '../../core/router.js';
import type { Skill } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { AgentDesk, Availability } from './agent-desk.js';
import { answerRating, RATING_FLOW } from './chat-rating.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { HandoffRequests } from './handoff-requests.js';
import {
  NOTIFY_QUESTION,
  type NotifyAnswer,
  type NotifyQuestion,
  pendingNotifyQuestion,
  typedNotifyAnswer,
  withoutNotifyQuestion,
} from './notify-question.js';
import { TICKET_DETAILS_FLOW, type TicketDetailsFlow } from './ticket-details-flow.js';

/** A message this confident of another intent is a new request, not a rating comment. */
const NEW_REQUEST_CONFIDENCE = 0.85;

/**
 * Skill `handoff`: `agent.handoff` (ask for a person), `agent.availability`
 * (`/helpdesk online|away|offline` for agents), the chat's buttons and the
 * optional comment after a rating.
 */
export function createHandoffSkill(
  deps: HandoffDeps,
  parts: { requests: HandoffRequests; desk: AgentDesk; matcher: IntentMatcher; details: TicketDetailsFlow },
): Skill {
  const { requests, desk } = parts;
  const { t } = deps.responses;

  async function setAvailability(ctx: TurnContext): Promise<void> {
    const me = await desk.me(ctx.user);
    if (!me) {
      ctx.reply({ type: 'text', text: t('handoff.availability_not_agent') });
      return;
    }
    const word = /\b(online|away|offline)\b/i.exec(ctx.message.text)?.[1]?.toLowerCase() as
      | Availability
      | undefined;
    if (!word) {
      ctx.reply({ type: 'text', text: t('handoff.availability_usage') });
      return;
    }
    await desk.setAvailability(ctx.user, word);
    const waiting = (await desk.queue()).length;
    ctx.reply({
      type: 'text',
      text: t('handoff.availability_set', { availability: t(`handoff.availability_names.${word}`), waiting }),
    });
  }

  /** "Notify me" or "No thanks", clicked or typed: the question is answered, a later "yes" is not for it. */
  async function answerNotify(ctx: TurnContext, answer: NotifyAnswer, asked: NotifyQuestion): Promise<void> {
    const flow = ctx.state.flow;
    if (flow?.skill === 'handoff' && pendingNotifyQuestion(flow))
      ctx.state.flow = withoutNotifyQuestion(flow);
    if (answer === 'notify') {
      await requests.watch(ctx, asked.teamId);
      return;
    }
    const ticket = asked.ticketId === null ? null : await deps.tickets().get(ctx.user, asked.ticketId);
    ctx.reply({ type: 'text', text: t('handoff.notify_declined', { ticketNumber: ticket?.number ?? '' }) });
  }

  /** A typed answer to the notify question the flow (or the open question) holds, handled as its button. */
  async function typedNotify(ctx: TurnContext, flow: ActiveFlow): Promise<boolean> {
    const asked = pendingNotifyQuestion(flow);
    const answer = asked ? typedNotifyAnswer(ctx.message.text, deps.responses) : null;
    if (!asked || !answer) return false;
    await answerNotify(ctx, answer, asked);
    return true;
  }

  return {
    name: 'handoff',

    async onIntent(ctx, intent) {
      if (intent.name === 'agent.availability') {
        await setAvailability(ctx);
        return;
      }
      await requests.start(ctx, ctx.message.text.trim() || intent.name);
    },

    async onAction(ctx, value) {
      const handoffId = typeof value.handoffId === 'string' ? value.handoffId : '';
      switch (value.action) {
        case 'start':
          await requests.start(ctx, value.via === 'offer' ? t('handoff.offer_yes') : t('handoff.talk_now'));
          return;
        case 'decline-offer':
          ctx.state.unhelpfulCount = 0;
          ctx.reply({ type: 'text', text: t('handoff.offer_declined') });
          return;
        case 'notify':
        case 'notify-no':
          await answerNotify(ctx, value.action, {
            teamId: typeof value.teamId === 'string' ? value.teamId : null,
            ticketId: typeof value.ticketId === 'number' ? value.ticketId : null,
          });
          return;
        case 'leave-as-ticket':
          await requests.leaveAsTicket(ctx, handoffId);
          return;
        case 'keep-waiting':
          await requests.keepWaiting(ctx, handoffId);
          return;
        case 'rate': {
          const rating = Number(value.rating);
          if (!Number.isInteger(rating) || rating < 1 || rating > 5) return;
          await answerRating(ctx, deps, requests, handoffId, rating);
          return;
        }
        case 'skip-comment':
          if (ctx.state.flow?.name === RATING_FLOW) ctx.state.flow = undefined;
          ctx.reply({ type: 'text', text: t('handoff.comment_skipped') });
          return;
      }
    },

    async onFlowMessage(ctx, flow) {
      if (flow.name === TICKET_DETAILS_FLOW) {
        // Asking for a person again is answered at once (the ticket stays the same), never taken for the description.
        const intent = parts.matcher.match(ctx.message.text);
        if (intent.name === 'agent.handoff' && intent.confidence >= NEW_REQUEST_CONFIDENCE) {
          ctx.intent = intent;
          ctx.state.flow = undefined;
          await requests.start(ctx, ctx.message.text.trim());
          return 'handled';
        }
        // "yes" / "no thanks" answer "Shall I message you…?", asked with the request for the description.
        if (await typedNotify(ctx, flow)) return 'handled';
        return parts.details.onMessage(ctx, flow);
      }
      if (flow.name === NOTIFY_QUESTION) return (await typedNotify(ctx, flow)) ? 'handled' : 'not-an-answer';
      if (flow.name !== RATING_FLOW) {
        ctx.state.flow = undefined;
        return 'not-an-answer';
      }
      const text = ctx.message.text.trim();
      if (!text) return 'not-an-answer';
      const intent = parts.matcher.match(text);
      if (intent.name !== 'none' && intent.confidence >= NEW_REQUEST_CONFIDENCE) return 'not-an-answer';
      const handoffId = typeof flow.slots.handoffId === 'string' ? flow.slots.handoffId : '';
      await requests.comment(ctx, handoffId, text);
      ctx.state.flow = undefined;
      ctx.reply({ type: 'text', text: t('handoff.comment_thanks') });
      return 'handled';
    },

    async reprompt(ctx, flow) {
      if (flow.name === TICKET_DETAILS_FLOW) {
        await parts.details.reprompt(ctx, flow);
        return;
      }
      ctx.reply({
        type: 'choices',
        prompt: t('handoff.comment_reprompt'),
        choices: [{ label: t('handoff.skip'), value: { skill: 'handoff', action: 'skip-comment' } }],
      });
    },
  };
}
