import type { Action, CardReply, Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { Skill } from '../../core/skill.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { HelpCenter } from '../../search/help-center.js';
import { NoArticlesLoadedError } from '../../search/no-articles-loaded-error.js';
import type { SearchHit } from '../../search/search-result.js';
import type { DocAnswers, FeedbackOutcome } from '../../store/doc-answers.js';
import { type IsHelpWord, withoutDirectoryNames } from './directory-name-spans.js';
import type { DirectoryNames } from './directory-names.js';
import { helpWordsOf } from './help-words.js';
import { skippedFilesText } from './skipped-files-text.js';

export interface DocsSkillDeps {
  readonly helpCenter: HelpCenter;
  readonly answers: DocAnswers;
  readonly responses: Responses;
  /**
   * Brands and partners the asker may name ("how do I get paid by Acme Outdoor"):
   * taken out of the question before the search, so a name is not a topic the
   * docs must cover. Without it every word is searched.
   */
  readonly directoryNames?: DirectoryNames;
}

/** What a "did this help?" click that was not stored is told. */
const FEEDBACK_NOT_STORED: Record<Exclude<FeedbackOutcome, 'stored'>, string> = {
  'already-rated': 'docs.feedback_already',
  // In a shared channel thread a colleague sees the asker's buttons too.
  'not-asker': 'docs.feedback_not_asker',
  'not-found': 'docs.feedback_gone',
};

/** What the docs skill remembers for "No, that didn't help" → ticket prefill. */
export const LAST_QUESTION_KEY = 'docs.lastQuestion';

/**
 * Answers how-to questions from the help center: the best section with a deep
 * link, up to two more, and "Did this help?" buttons. Every answer and its
 * feedback is stored (deflection analytics).
 */
export function createDocsSkill(deps: DocsSkillDeps): Skill & { answer(ctx: TurnContext): Promise<boolean> } {
  const { t } = deps.responses;
  const isHelpWord: IsHelpWord = helpWordsOf(deps.helpCenter);

  /** The question as searched: directory names out; as typed when they cannot be looked up. */
  async function searchText(ctx: TurnContext, query: string): Promise<string> {
    if (!deps.directoryNames) return query;
    try {
      return withoutDirectoryNames(query, await deps.directoryNames(ctx.user.accountId), isHelpWord);
    } catch (error) {
      ctx.logger.warn({ err: error }, 'directory names not read; the question is searched as typed');
      return query;
    }
  }

  const nextSteps = (): Action[] => [
    { label: t('docs.file_ticket'), value: { skill: 'core', intent: 'ticket.create' } },
    { label: t('docs.talk_to_person'), value: { skill: 'core', intent: 'agent.handoff' } },
  ];

  /** Searches and answers; false when nothing good was found (and nothing was said). */
  async function answer(ctx: TurnContext): Promise<boolean> {
    const query = ctx.message.text;
    const result = deps.helpCenter.search(await searchText(ctx, query), {
      audience: ctx.user.kind,
      limit: 3,
    });
    const hits = result.confident ? result.hits : [];
    const id = await deps.answers.record({
      userId: ctx.user.id,
      accountId: ctx.user.accountId,
      conversationId: ctx.conversation.id,
      context: 'search',
      query,
      sectionIds: hits.map((h) => h.section.id),
    });
    ctx.state.memory[LAST_QUESTION_KEY] = query.slice(0, 500);
    if (hits.length === 0) return false;
    ctx.reply(...renderAnswer(hits, id));
    return true;
  }

  function renderAnswer(hits: readonly SearchHit[], answerId: string): Reply[] {
    const [best, ...more] = hits;
    if (!best) return [];
    const s = best.section;
    const card: CardReply = {
      type: 'card',
      title: s.heading === s.articleTitle ? s.articleTitle : `${s.articleTitle} › ${s.heading}`,
      subtitle: s.category,
      body: best.extract,
      url: s.url,
      fields: [],
      actions: [{ label: s.articleTitle, url: s.url }],
    };
    const replies: Reply[] = [{ type: 'text', text: t('docs.answer_intro') }, card];
    if (more.length > 0) {
      const lines = more.map((h) => `• [${h.section.articleTitle} › ${h.section.heading}](${h.section.url})`);
      replies.push({ type: 'text', text: `**${t('docs.also_see')}**\n${lines.join('\n')}` });
    }
    replies.push({
      type: 'choices',
      prompt: t('docs.did_it_help'),
      choices: [
        {
          label: t('docs.yes_helped'),
          value: { skill: 'docs', action: 'feedback', answerId, helpful: true },
          style: 'primary',
        },
        {
          label: t('docs.no_not_helped'),
          value: { skill: 'docs', action: 'feedback', answerId, helpful: false },
        },
      ],
    });
    return replies;
  }

  /** Reloads for an admin and says what was served, which files were skipped and why, or that nothing changed. */
  async function reloadDocs(ctx: TurnContext): Promise<void> {
    try {
      const r = await deps.helpCenter.reload();
      const counts = { articles: r.articles, sections: r.sections, ms: r.ms };
      if (r.skipped.length === 0) {
        ctx.reply({ type: 'notice', level: 'success', text: t('docs.reloaded', counts) });
        return;
      }
      const summary = t('docs.reloaded_with_skipped', { ...counts, count: r.skipped.length });
      ctx.reply({ type: 'notice', level: 'warning', text: `${summary}\n${skippedFilesText(t, r.skipped)}` });
    } catch (error) {
      ctx.logger.error({ err: error }, 'help docs reload failed');
      if (error instanceof NoArticlesLoadedError) {
        const summary = t('docs.reload_no_articles', { count: error.skipped.length });
        ctx.reply({
          type: 'notice',
          level: 'error',
          text: `${summary}\n${skippedFilesText(t, error.skipped)}`,
        });
        return;
      }
      ctx.reply({ type: 'notice', level: 'error', text: t('docs.reload_failed') });
    }
  }

  return {
    name: 'docs',
    answer,
    async onIntent(ctx, intent) {
      if (intent.name === 'admin.reload_docs') {
        if (ctx.user.role !== 'admin') {
          ctx.reply({ type: 'notice', level: 'warning', text: t('docs.reload_denied') });
          return;
        }
        await reloadDocs(ctx);
        return;
      }
      if (intent.name === 'admin.stats') {
        if (ctx.user.role !== 'admin') {
          ctx.reply({ type: 'notice', level: 'warning', text: t('docs.stats_denied') });
          return;
        }
        const days = 30;
        const s = await deps.answers.stats(new Date(ctx.now.getTime() - days * 86_400_000));
        ctx.reply({
          type: 'text',
          text: t('docs.stats', {
            days,
            questions: s.questions,
            answered: s.answered,
            helpful: s.helpful,
            deflected: s.deflectedTickets,
          }),
        });
        return;
      }
      if (ctx.message.text.trim().split(/\s+/).length < 2 && !/\w{4,}/.test(ctx.message.text)) {
        ctx.reply({ type: 'text', text: t('docs.ask_question') });
        return;
      }
      if (await answer(ctx)) {
        ctx.state.unhelpfulCount = 0;
        return;
      }
      ctx.state.unhelpfulCount += 1;
      ctx.reply({ type: 'text', text: t('docs.nothing_found') });
      ctx.reply({ type: 'choices', prompt: t('docs.nothing_found_next'), choices: nextSteps() });
    },
    async onAction(ctx, value) {
      if (value.action !== 'feedback' || typeof value.answerId !== 'string') return;
      const helpful = value.helpful === true;
      const outcome = await deps.answers.feedback(value.answerId, ctx.user.id, helpful, ctx.now);
      if (outcome !== 'stored') {
        ctx.reply({ type: 'text', text: t(FEEDBACK_NOT_STORED[outcome]) });
        return;
      }
      if (helpful) {
        ctx.state.unhelpfulCount = 0;
        ctx.reply({ type: 'text', text: t('docs.glad') });
      } else {
        ctx.state.unhelpfulCount += 1;
        ctx.reply({ type: 'choices', prompt: t('docs.sorry_not_helped'), choices: nextSteps() });
      }
    },
  };
}
