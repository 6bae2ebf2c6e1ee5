import type { Action } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { Skill } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import { askMenuNumber, MENU_QUESTION, menuButtonPicked } from './menu-question.js';

/** The buttons every "what now?" answer offers; their values start the matching intent. */
export function mainMenuActions(responses: Responses): Action[] {
  const { t } = responses;
  return [
    { label: t('core.fallback_actions.new_ticket'), value: { skill: 'core', intent: 'ticket.create' } },
    { label: t('core.fallback_actions.my_tickets'), value: { skill: 'core', intent: 'ticket.list' } },
    { label: t('core.fallback_actions.agent'), value: { skill: 'core', intent: 'agent.handoff' } },
  ];
}

/**
 * `bot.help`, and the menu buttons: a click on "File a ticket" runs the same
 * intent as typing it, through `runIntent` (the router's own entry point).
 * While no agent can take a live chat, the handoff module's offer drops the
 * card's "Talk to a person" button (filing a ticket is what would happen).
 * A bare number typed right after the menu presses that button.
 */
export function createHelpSkill(deps: {
  responses: Responses;
  runIntent: (ctx: TurnContext, intent: string) => Promise<void>;
}): Skill {
  const { t } = deps.responses;
  const items = ['ticket_create', 'ticket_status', 'ticket_list', 'docs', 'partners', 'agent'];
  async function press(ctx: TurnContext, value: Readonly<Record<string, unknown>>): Promise<void> {
    if (typeof value.intent === 'string') await deps.runIntent(ctx, value.intent);
  }
  return {
    name: 'core',
    async onIntent(ctx) {
      const lines = items
        .filter((i) => !(i === 'partners' && ctx.user.kind === 'partner'))
        .map((i) => `• ${t(`smalltalk.help_items.${i}`)}`);
      if (ctx.user.kind === 'partner') lines.push(t('smalltalk.help_items.partner_note'));
      const actions = mainMenuActions(deps.responses);
      ctx.reply({
        type: 'card',
        title: t('smalltalk.help_title'),
        body: `${t('smalltalk.help_body')}\n\n${lines.join('\n')}`,
        fields: [],
        actions,
      });
      askMenuNumber(ctx, actions);
    },
    onAction: press,
    async onFlowMessage(ctx, question) {
      const picked = question.name === MENU_QUESTION ? menuButtonPicked(question, ctx.message.text) : null;
      if (!picked) return 'not-an-answer';
      // As if the button was pressed: a click carries its value and no text.
      ctx.message = { ...ctx.message, text: '', value: picked };
      await press(ctx, picked);
      return 'handled';
    },
  };
}
