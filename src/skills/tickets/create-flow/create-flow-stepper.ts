import type { Responses } from '../../../core/responses.js';
import type { TurnContext } from '../../../core/turn-context.js';
import type { DocSuggestions } from '../../docs/doc-suggestions.js';
import { suggestIssueType } from '../issue-type-suggester.js';
import { SKILL_NAME } from '../ticket-buttons.js';
import type { TicketDesk } from '../ticket-desk.js';
import { askQuestion } from './create-questions.js';
import { CREATE_FLOW, type CreateStep, draftText, nextMissing, type TicketDraft } from './ticket-draft.js';
import { ticketForm } from './ticket-form.js';

/** Moves the guided flow from question to question and keeps its state in the conversation. */
export interface FlowStepper {
  save(ctx: TurnContext, key: string, draft: TicketDraft, step: CreateStep): void;
  end(ctx: TurnContext): void;
  /** Works out the next question (looking up articles and duplicates on the way), saves and asks it. */
  advance(ctx: TurnContext, key: string, draft: TicketDraft, lead?: string): Promise<void>;
  /** Saves `step` as the current question and asks it. */
  ask(ctx: TurnContext, key: string, draft: TicketDraft, step: CreateStep, lead?: string): void;
}

export function createFlowStepper(deps: {
  readonly desk: TicketDesk;
  readonly responses: Responses;
  readonly docs: () => DocSuggestions | undefined;
}): FlowStepper {
  function save(ctx: TurnContext, key: string, draft: TicketDraft, step: CreateStep): void {
    const previous = ctx.state.flow;
    ctx.state.flow = {
      skill: SKILL_NAME,
      name: CREATE_FLOW,
      step,
      slots: draft,
      idempotencyKey: key,
      startedAt: previous?.idempotencyKey === key ? previous.startedAt : ctx.now.toISOString(),
    };
  }

  function end(ctx: TurnContext): void {
    ctx.state.flow = undefined;
  }

  async function advance(ctx: TurnContext, key: string, start: TicketDraft, lead?: string): Promise<void> {
    let draft = start;
    for (;;) {
      if (draft.subject && !draft.issueType && draft.suggestedIssueType === undefined) {
        draft = {
          ...draft,
          suggestedIssueType: suggestIssueType(draftText(draft), ctx.user.kind)?.id ?? null,
        };
      }
      const step = nextMissing(draft);
      if (step === 'suggestions') {
        const suggestions = suggestArticles(ctx, draft);
        draft = { ...draft, suggestions, suggestionsDone: suggestions.length === 0 };
        if (suggestions.length === 0) continue;
      }
      if (step === 'duplicate') {
        const dup = await deps.desk.findDuplicate(ctx.user, draftText(draft), draft.campaignId ?? null);
        draft = {
          ...draft,
          duplicateDone: dup === null,
          duplicate: dup ? { id: dup.id, subject: dup.subject, status: dup.status } : undefined,
        };
        if (!dup) continue;
      }
      ask(ctx, key, draft, step, lead);
      return;
    }
  }

  function ask(ctx: TurnContext, key: string, draft: TicketDraft, step: CreateStep, lead?: string): void {
    const offerForm =
      !draft.formOffered && step !== 'summary' && step !== 'suggestions' && step !== 'duplicate';
    const saved = offerForm ? { ...draft, formOffered: true } : draft;
    save(ctx, key, saved, step);
    if (step === 'form') {
      ctx.reply(ticketForm(deps.responses, ctx.user.kind, key, saved));
      return;
    }
    ctx.reply(
      ...askQuestion(step, {
        responses: deps.responses,
        draft: saved,
        key,
        kind: ctx.user.kind,
        offerForm,
        lead,
      }),
    );
  }

  function suggestArticles(ctx: TurnContext, draft: TicketDraft): TicketDraft['suggestions'] {
    const docs = deps.docs();
    if (!docs) return [];
    try {
      return docs.suggest(draftText(draft), ctx.user.kind, 3).map((s) => ({
        sectionId: s.sectionId,
        articleTitle: s.articleTitle,
        heading: s.heading,
        url: s.url,
        extract: s.extract,
      }));
    } catch (error) {
      // Suggestions are a help, never a reason the ticket cannot be filed.
      ctx.logger.warn({ err: error }, 'help-doc suggestions failed');
      return [];
    }
  }

  return { save, end, advance, ask };
}
