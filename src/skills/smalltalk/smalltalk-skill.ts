import type { Responses } from '../../core/responses.js';
import type { Skill } from '../../core/skill.js';

/** Greetings and thanks. */
export function createSmalltalkSkill(deps: { responses: Responses }): Skill {
  const { t } = deps.responses;
  return {
    name: 'smalltalk',
    async onIntent(ctx, intent) {
      const name = ctx.user.displayName.split(' ')[0] ?? ctx.user.displayName;
      if (intent.name === 'smalltalk.thanks') {
        ctx.reply({ type: 'text', text: t('smalltalk.thanks') });
        return;
      }
      ctx.reply({ type: 'text', text: t('smalltalk.greeting', { name }) });
    },
  };
}
