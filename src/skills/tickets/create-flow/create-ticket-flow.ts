import { randomUUID } from 'node:crypto';
import type { ActiveFlow } from '../../../core/conversation-state.js';
import type { Responses } from '../../../core/responses.js';
import type { FlowOutcome } from '../../../core/skill.js';
import type { TurnContext } from '../../../core/turn-context.js';
import { findIssueType } from '../../../domain/issue-types.js';
import type { DocSuggestions } from '../../docs/doc-suggestions.js';
import { checkEmailList, checkSubject, MIN_DESCRIPTION_CHARS } from '../draft-validation.js';
import { shortenSubject } from '../subject-shortener.js';
import { SKILL_NAME } from '../ticket-buttons.js';
import type { TicketDesk } from '../ticket-desk.js';
import type { TicketEntityReader } from '../ticket-entities.js';
import { keepAttachments } from './attachment-intake.js';
import { type StepAnswer, typedAnswer } from './create-answers.js';
import { createFlowEndings } from './create-flow-endings.js';
import { createFlowStepper } from './create-flow-stepper.js';
import { askQuestion } from './create-questions.js';
import {
  CREATE_FLOW,
  type CreateStep,
  clearField,
  EDITABLE_FIELDS,
  type EditableField,
  nextMissing,
  readDraft,
  recheckNewText,
  type TicketDraft,
} from './ticket-draft.js';
import { checkTicketForm, ticketForm } from './ticket-form.js';
import { draftFromQuestion, prefillDraft } from './ticket-prefill.js';
import { takeUnansweredQuestion } from './unanswered-question.js';

export interface CreateFlowDeps {
  readonly desk: TicketDesk;
  readonly responses: Responses;
  /** The help-center suggestions, when the docs module is installed. */
  readonly docs: () => DocSuggestions | undefined;
  readonly entities: TicketEntityReader;
  readonly parseYesNo: (text: string) => 'yes' | 'no' | null;
  /** A short message that is clearly another request ("status of 1042"), not an answer. */
  readonly looksLikeOtherRequest: (text: string) => boolean;
  readonly ticketBaseUrl: string;
}

/** The guided ticket flow: ask only what is missing, one question at a time, then file once. */
export interface CreateTicketFlow {
  start(ctx: TurnContext, text: string): Promise<void>;
  onMessage(ctx: TurnContext, flow: ActiveFlow): Promise<FlowOutcome>;
  /** Clicks and form submits of this flow: `answer`, `open-form`, `form-submit`. */
  onClick(ctx: TurnContext, value: Readonly<Record<string, unknown>>): Promise<void>;
  reprompt(ctx: TurnContext, flow: ActiveFlow): Promise<void>;
}

export function createTicketFlow(deps: CreateFlowDeps): CreateTicketFlow {
  const { t } = deps.responses;
  const stepper = createFlowStepper(deps);
  const { save, end, advance, ask } = stepper;
  const { recordDeflection, addToDuplicate, file, staleClick } = createFlowEndings({ ...deps, stepper });

  function acceptSubject(draft: TicketDraft, text: string): { draft: TicketDraft; lead?: string } {
    const check = checkSubject(text);
    if (check.ok) return { draft: { ...draft, subject: check.subject, subjectProposal: undefined } };
    if (check.reason === 'empty') return { draft, lead: t('tickets.create.subject_empty') };
    return {
      draft: {
        ...draft,
        subjectProposal: shortenSubject(text),
        longSubjectLength: check.length,
        // A subject that long is really the description: keep it, so it is not asked again.
        description: draft.description ?? text.trim(),
      },
    };
  }

  /** Applies an answer to the current step; returns what to say before the next question. */
  async function apply(
    ctx: TurnContext,
    key: string,
    step: CreateStep,
    start: TicketDraft,
    answer: StepAnswer,
  ): Promise<void> {
    let draft = start;
    let lead: string | undefined;
    const text = answer.text ?? '';
    switch (step) {
      case 'subject':
      case 'subject-shorten':
        if (answer.choice === 'use' && draft.subjectProposal) {
          draft = { ...draft, subject: draft.subjectProposal, subjectProposal: undefined };
        } else if (answer.choice === 'own') {
          draft = { ...draft, subjectProposal: undefined, rewriteSubject: true };
        } else {
          ({ draft, lead } = acceptSubject(draft, text));
        }
        break;
      case 'issue-type':
      case 'issue-type-choose':
        if (answer.choice === 'yes' && draft.suggestedIssueType) {
          draft = { ...draft, issueType: draft.suggestedIssueType };
        } else if (answer.choice === 'other') {
          draft = { ...draft, suggestedIssueType: null };
        } else if (findIssueType(ctx.user.kind, answer.choice)) {
          // Only a type of the user's own list: a click value can say anything.
          draft = { ...draft, issueType: answer.choice };
        }
        break;
      case 'campaign-specific':
        if (answer.choice === 'id') draft = { ...draft, campaignSpecific: true, campaignId: text };
        else draft = { ...draft, campaignSpecific: answer.choice === 'yes', campaignId: undefined };
        break;
      case 'campaign-id':
        if (answer.choice === 'none') draft = { ...draft, campaignSpecific: false, campaignId: undefined };
        else if (answer.choice === 'id') draft = { ...draft, campaignSpecific: true, campaignId: text };
        else {
          const where = t(`tickets.create.campaign_where_${ctx.user.kind}`);
          lead = t('tickets.create.campaign_name_given', { name: text, where });
        }
        break;
      case 'description':
        if (text.length < MIN_DESCRIPTION_CHARS) lead = t('tickets.create.description_too_short');
        else draft = { ...draft, description: text };
        break;
      case 'suggestions':
        await recordDeflection(ctx, draft, answer.choice === 'solved');
        if (answer.choice === 'solved') {
          end(ctx);
          ctx.reply({ type: 'text', text: t('tickets.create.deflected') });
          return;
        }
        draft = { ...draft, suggestionsDone: true };
        break;
      case 'duplicate':
        if (answer.choice === 'comment' && draft.duplicate && (await addToDuplicate(ctx, draft))) return;
        draft = { ...draft, duplicateDone: true, duplicate: undefined };
        break;
      case 'access':
        draft = {
          ...draft,
          shared: answer.choice === 'shared',
          ccEmails: answer.choice === 'shared' ? draft.ccEmails : [],
        };
        break;
      case 'cc': {
        if (answer.choice === 'none') {
          draft = { ...draft, ccEmails: [] };
          break;
        }
        const emails = checkEmailList(text);
        if (emails.ok) draft = { ...draft, ccEmails: emails.emails };
        else if (emails.reason === 'invalid') lead = t('tickets.create.cc_invalid', { value: emails.value });
        else lead = t('tickets.create.cc_too_many', { count: emails.count });
        break;
      }
      case 'summary':
        if (answer.choice === 'confirm') return file(ctx, key, draft);
        if (answer.choice === 'cancel') {
          end(ctx);
          ctx.reply({ type: 'text', text: t('tickets.create.cancelled') });
          return;
        }
        ask(ctx, key, draft, 'edit');
        return;
      case 'edit':
        if ((EDITABLE_FIELDS as readonly string[]).includes(answer.choice)) {
          draft = clearField(draft, answer.choice as EditableField);
        }
        break;
      case 'form':
        if (answer.choice === 'cancel') {
          end(ctx);
          ctx.reply({ type: 'text', text: t('tickets.create.cancelled') });
          return;
        }
        break;
    }
    if (lead && nextMissing(draft) === step) {
      ask(ctx, key, draft, step, lead);
      return;
    }
    await advance(ctx, key, draft, lead);
  }

  async function submitForm(ctx: TurnContext, key: string, start: TicketDraft, raw: unknown): Promise<void> {
    const check = checkTicketForm(deps.responses, ctx.user.kind, raw);
    if (!check.ok) {
      save(ctx, key, start, 'form');
      ctx.reply(
        { type: 'notice', level: 'error', text: t('tickets.form.fix_errors') },
        ticketForm(deps.responses, ctx.user.kind, key, start, check.values, check.errors),
      );
      return;
    }
    const f = check.fields;
    // A new subject or description is checked against articles and look-alikes again, as a guided edit is.
    const draft = recheckNewText(start, {
      ...start,
      subject: f.subject,
      subjectProposal: undefined,
      issueType: f.issueType,
      campaignSpecific: f.campaignId !== null,
      campaignId: f.campaignId ?? undefined,
      description: f.description,
      shared: f.shared,
      ccEmails: f.ccEmails,
      formOffered: true,
    });
    await advance(ctx, key, draft);
  }

  /** A submitted form that is not the current draft's: said so, and the current draft's question asked again. */
  function oldForm(ctx: TurnContext): void {
    const flow = ctx.state.flow;
    if (flow?.skill === SKILL_NAME && flow.name === CREATE_FLOW) {
      ctx.reply({ type: 'text', text: t('tickets.create.form_too_old') });
      ask(ctx, flow.idempotencyKey, readDraft(flow.slots), flow.step as CreateStep);
      return;
    }
    ctx.reply({ type: 'text', text: t('tickets.create.form_too_old_no_draft') });
  }

  return {
    async start(ctx, text) {
      const key = randomUUID();
      const question = takeUnansweredQuestion(ctx);
      const source = question ?? text;
      const entities = deps.entities(source, { now: ctx.now, kind: ctx.user.kind });
      let draft = question
        ? draftFromQuestion(question, entities, ctx.user.kind)
        : prefillDraft(text, entities, ctx.user.kind);
      draft = await keepAttachments(ctx, draft, deps);
      const lead = question ? t('tickets.create.from_question', { subject: draft.subject ?? '' }) : undefined;
      await advance(ctx, key, draft, lead);
    },

    async onMessage(ctx, flow) {
      const step = flow.step as CreateStep;
      let draft = readDraft(flow.slots);
      const text = ctx.message.text.trim();
      if (ctx.message.attachments.length > 0) {
        draft = await keepAttachments(ctx, draft, deps);
        if (!text) {
          ask(ctx, flow.idempotencyKey, draft, step, t('tickets.create.keep_going'));
          return 'handled';
        }
      }
      if ((step === 'subject' || step === 'description') && deps.looksLikeOtherRequest(text)) {
        save(ctx, flow.idempotencyKey, draft, step);
        return 'not-an-answer';
      }
      const buttons = askQuestion(step, {
        responses: deps.responses,
        draft,
        key: flow.idempotencyKey,
        kind: ctx.user.kind,
        offerForm: false,
      }).flatMap((r) => (r.type === 'choices' ? r.choices : r.type === 'card' ? r.actions : []));
      const typed = typedAnswer(step, text, { kind: ctx.user.kind, parseYesNo: deps.parseYesNo, buttons });
      // Words that only loosely fit the question and read as a confident new request are that request.
      if (!typed || (typed.loose && deps.looksLikeOtherRequest(text))) {
        save(ctx, flow.idempotencyKey, draft, step);
        return 'not-an-answer';
      }
      await apply(ctx, flow.idempotencyKey, step, draft, typed.answer);
      return 'handled';
    },

    async onClick(ctx, value) {
      const key = typeof value.key === 'string' ? value.key : '';
      const flow = ctx.state.flow;
      const active =
        flow && flow.skill === SKILL_NAME && flow.name === CREATE_FLOW && flow.idempotencyKey === key;
      if (!active || !flow) {
        if (value.action !== 'form-submit' || (key && (await deps.desk.byIdempotencyKey(ctx.user, key)))) {
          return staleClick(ctx, key);
        }
        // A form of another draft (a cancelled one, from an old message) never replaces the one being written.
        return oldForm(ctx);
      }
      if (value.action === 'form-submit') {
        await submitForm(ctx, key, readDraft(flow.slots), value.form);
        return;
      }
      const draft = readDraft(flow.slots);
      if (value.action === 'open-form') {
        ask(ctx, key, draft, 'form');
        return;
      }
      if (value.step !== flow.step || typeof value.choice !== 'string') {
        ctx.reply({ type: 'text', text: t('tickets.create.stale_question') });
        ask(ctx, key, draft, flow.step as CreateStep);
        return;
      }
      await apply(ctx, key, flow.step as CreateStep, draft, { choice: value.choice });
    },

    async reprompt(ctx, flow) {
      ask(ctx, flow.idempotencyKey, readDraft(flow.slots), flow.step as CreateStep);
    },
  };
}
