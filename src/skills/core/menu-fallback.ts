import type { Responses } from '../../core/responses.js';
import type { Fallback } from '../../core/skill.js';
import { mainMenuActions } from './help-skill.js';
import { askMenuNumber } from './menu-question.js';

/** The last resort when nothing matched: say so and offer the main actions, a person first after two misses. */
export function createMenuFallback(responses: Responses): Fallback {
  return async (ctx) => {
    ctx.state.unhelpfulCount += 1;
    const actions = mainMenuActions(responses);
    const ordered = ctx.state.unhelpfulCount >= 2 ? [actions[2]!, actions[0]!, actions[1]!] : actions;
    ctx.reply({ type: 'choices', prompt: responses.t('core.fallback'), choices: ordered });
    askMenuNumber(ctx, ordered);
  };
}
