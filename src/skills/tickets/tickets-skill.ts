import type { Skill } from '../../core/skill.js';
import { COMMENT_FLOW } from './comment-flow.js';
import { createTicketFlow } from './create-flow/create-ticket-flow.js';
import { CREATE_FLOW } from './create-flow/ticket-draft.js';
import { SOLUTION_FLOW } from './solution-offer.js';
import { SKILL_NAME } from './ticket-buttons.js';
import { createListHandler } from './ticket-list-handler.js';
import type { TicketSkillDeps } from './ticket-skill-deps.js';
import { createStatusHandler } from './ticket-status-handler.js';
import { createUpdateHandler } from './ticket-update-handler.js';

/** Longest message a "File a ticket" button carries back (clients can send anything). */
const MAX_CARRIED_TEXT = 4000;
const CREATE_FLOW_ACTIONS = new Set(['answer', 'open-form', 'form-submit']);

/**
 * The ticket skill: ticket.create (guided or one-shot, or a form), ticket.status,
 * ticket.list and ticket.update, and the buttons of its replies. Channel-neutral:
 * everything it says is reply data with sentences from content/responses/tickets.yml.
 */
export function createTicketsSkill(deps: TicketSkillDeps): Skill {
  const create = createTicketFlow(deps);
  const list = createListHandler(deps);
  // "show my tickets from may 3 to may 10" read as a status question is answered as the list.
  const status = createStatusHandler(deps, list.onIntent);
  const update = createUpdateHandler(deps, status);

  return {
    name: SKILL_NAME,

    async onIntent(ctx, intent) {
      switch (intent.name) {
        case 'ticket.create':
          // "1042 waiting on customer, please send us the HAR file" from an agent sets the status.
          if (await update.setTypedStatus(ctx)) return;
          // "1000 is broken again" about a closed ticket: reopen it, or file a new one.
          if (await update.offerReopenForNewTicket(ctx)) return;
          return create.start(ctx, ctx.message.text);
        case 'ticket.status':
          // "1042 is still broken" is news for support, not only a question.
          if (await update.keepComplaint(ctx)) return;
          // "1042 in progress" from an agent sets the status, as "set 1042 to in progress" does.
          if (await update.setTypedStatus(ctx)) return;
          return status.onIntent(ctx);
        case 'ticket.list':
          return list.onIntent(ctx);
        case 'ticket.update':
          return update.onIntent(ctx);
        default:
          ctx.logger.warn({ intent: intent.name }, 'ticket skill got an intent it does not handle');
      }
    },

    async onFlowMessage(ctx, flow) {
      if (flow.name === CREATE_FLOW) return create.onMessage(ctx, flow);
      if (flow.name === COMMENT_FLOW || flow.name === SOLUTION_FLOW)
        return update.onAnswerFlowMessage(ctx, flow);
      return 'not-an-answer';
    },

    async reprompt(ctx, flow) {
      if (flow.name === CREATE_FLOW) await create.reprompt(ctx, flow);
      if (flow.name === COMMENT_FLOW || flow.name === SOLUTION_FLOW) update.repromptAnswerFlow(ctx, flow);
    },

    async onAction(ctx, value) {
      const action = typeof value.action === 'string' ? value.action : '';
      if (CREATE_FLOW_ACTIONS.has(action)) return create.onClick(ctx, value);
      if (action === 'start-create') return create.start(ctx, newTicketText(value.text));
      if (action === 'list') return list.onAction(ctx, value);
      if (action === 'status') {
        if (typeof value.id === 'number') await status.show(ctx, value.id);
        return;
      }
      if (await update.onAction(ctx, value)) return;
      ctx.logger.warn({ action }, 'unknown ticket button');
    },
  };
}

/** The words a "File a ticket" button carries to start the form from; none: an empty form. */
function newTicketText(carried: unknown): string {
  return typeof carried === 'string' ? carried.slice(0, MAX_CARRIED_TEXT) : '';
}
