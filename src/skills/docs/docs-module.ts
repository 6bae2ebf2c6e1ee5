import type { AppModule } from '../../app-module.js';
import type { Fallback } from '../../core/skill.js';
import { loadHelpCenter } from '../../search/help-center.js';
import { createDocAnswers } from '../../store/doc-answers.js';
import { createMenuFallback } from '../core/menu-fallback.js';
import { databaseDirectoryNames } from './directory-name-source.js';
import { createDirectoryNames } from './directory-names.js';
import type { DocSuggestions } from './doc-suggestions.js';
import { createDocsSkill } from './docs-skill.js';
import { suggestForDraft } from './draft-suggestions.js';

/** Help-doc search: the docs skill, the fallback for unmatched messages, and suggestions for the ticket flow. */
export const docsModule: AppModule = {
  name: 'docs',
  async create(services) {
    const { config, responses, logger } = services;
    const helpCenter = await loadHelpCenter({
      docsDir: config.DOCS_DIR,
      baseUrl: config.DOCS_BASE_URL,
      cacheDir: config.cacheDir,
      watch: config.DOCS_WATCH,
      logger,
    });
    const answers = createDocAnswers(services.db, services.sql);
    const directoryNames = createDirectoryNames(databaseDirectoryNames(services.db));
    const skill = createDocsSkill({ helpCenter, answers, responses, directoryNames });
    const menu = createMenuFallback(responses);

    // Unmatched messages: a confident docs answer first, then the menu with a person on offer.
    const fallback: Fallback = async (ctx) => {
      if (ctx.message.text.trim().length >= 8 && (await skill.answer(ctx))) return;
      await menu(ctx);
    };

    const suggestions: DocSuggestions = {
      suggest: (text, audience, limit) => suggestForDraft(helpCenter, text, audience, limit),
      async recordDeflection(input) {
        await answers.record({ ...input, context: 'ticket_suggestion' });
      },
    };
    services.shared.docs = suggestions;

    return { skills: [skill], fallback, stop: async () => helpCenter.close() };
  },
};
