import type { Action, Reply } from '../../../core/reply.js';
import type { Responses } from '../../../core/responses.js';
import { findIssueType, issueTypesFor } from '../../../domain/issue-types.js';
import { isTicketStatus, statusLabel } from '../../../domain/ticket-statuses.js';
import type { UserKind } from '../../../domain/user.js';
import { ticketButton, ticketNumber } from '../ticket-buttons.js';
import { draftSummaryCard } from './draft-summary-card.js';
import { type CreateStep, EDITABLE_FIELDS, type TicketDraft } from './ticket-draft.js';

export interface QuestionContext {
  readonly responses: Responses;
  readonly draft: TicketDraft;
  /** The flow's idempotency key: every answer button carries it, so stale clicks are recognised. */
  readonly key: string;
  readonly kind: UserKind;
  /** Offer "Fill in a form instead" with this question. */
  readonly offerForm: boolean;
  /** Said before the question (e.g. why the last answer was not accepted). */
  readonly lead?: string;
}

/** A button answering `step` of the flow `key`. */
export function answerButton(
  label: string,
  key: string,
  step: CreateStep,
  choice: string,
  style?: Action['style'],
): Action {
  return ticketButton(label, 'answer', { key, step, choice }, style);
}

/** The replies that ask the question of `step`. */
export function askQuestion(step: CreateStep, q: QuestionContext): Reply[] {
  const { t } = q.responses;
  const d = q.draft;
  const answer = (label: string, choice: string, style?: Action['style']) =>
    answerButton(label, q.key, step, choice, style);
  const formButton = q.offerForm
    ? [ticketButton(t('tickets.create.fill_form'), 'open-form', { key: q.key })]
    : [];
  const prompt = (text: string) => (q.lead ? `${q.lead}\n\n${text}` : text);
  const choices = (text: string, buttons: Action[]): Reply[] => {
    const all = [...buttons, ...formButton];
    return [
      all.length > 0
        ? { type: 'choices', prompt: prompt(text), choices: all }
        : { type: 'text', text: prompt(text) },
    ];
  };
  const where = t(`tickets.create.campaign_where_${q.kind}`);

  switch (step) {
    case 'subject':
      return choices(
        t(d.rewriteSubject ? 'tickets.create.ask_own_subject' : 'tickets.create.ask_subject'),
        [],
      );
    case 'subject-shorten':
      return choices(
        t('tickets.create.subject_too_long', {
          length: d.longSubjectLength ?? 0,
          proposal: d.subjectProposal ?? '',
        }),
        [
          answer(t('tickets.create.use_shortened'), 'use', 'primary'),
          answer(t('tickets.create.write_own_subject'), 'own'),
        ],
      );
    case 'issue-type': {
      const type = findIssueType(q.kind, d.suggestedIssueType ?? '');
      return choices(t('tickets.create.issue_type_suggested', { type: type?.label ?? '' }), [
        answer(t('tickets.create.issue_type_yes'), 'yes', 'primary'),
        answer(t('tickets.create.issue_type_other'), 'other'),
      ]);
    }
    case 'issue-type-choose':
      return choices(
        t('tickets.create.ask_issue_type'),
        issueTypesFor(q.kind).map((type) => answer(type.label, type.id)),
      );
    case 'campaign-specific':
      return choices(t('tickets.create.ask_campaign_specific'), [
        answer(t('tickets.create.campaign_yes'), 'yes'),
        answer(t('tickets.create.campaign_no'), 'no'),
      ]);
    case 'campaign-id':
      return choices(t('tickets.create.ask_campaign_id', { where }), [
        answer(t('tickets.create.campaign_no'), 'none'),
      ]);
    case 'description':
      return choices(t('tickets.create.ask_description'), []);
    case 'suggestions':
      return [
        {
          type: 'list',
          title: t('tickets.create.suggestions_title'),
          items: d.suggestions.map((s) => ({
            type: 'card' as const,
            title: s.articleTitle,
            subtitle: s.heading,
            body: s.extract,
            url: s.url,
            fields: [],
            actions: [{ label: s.heading, url: s.url }],
          })),
          actions: [],
        },
        ...choices(t('tickets.create.suggestions_question'), [
          answer(t('tickets.create.suggestions_yes'), 'solved'),
          answer(t('tickets.create.suggestions_no'), 'not-solved', 'primary'),
        ]),
      ];
    case 'duplicate': {
      const dup = d.duplicate;
      const status = dup && isTicketStatus(dup.status) ? statusLabel(dup.status) : '';
      return choices(
        t('tickets.create.duplicate_question', {
          number: dup ? ticketNumber(dup.id) : '',
          subject: dup?.subject ?? '',
          status,
        }),
        [
          answer(t('tickets.create.duplicate_comment'), 'comment', 'primary'),
          answer(t('tickets.create.duplicate_new'), 'new'),
        ],
      );
    }
    case 'access':
      return choices(t('tickets.create.ask_access'), [
        answer(t('tickets.create.access_private'), 'private'),
        answer(t('tickets.create.access_shared'), 'shared'),
      ]);
    case 'cc':
      return choices(t('tickets.create.ask_cc'), [answer(t('tickets.create.cc_none'), 'none')]);
    case 'summary': {
      const card = draftSummaryCard(q.responses, d, q.kind, [
        answer(t('tickets.create.confirm'), 'confirm', 'primary'),
        answer(t('tickets.create.edit'), 'edit'),
        answer(t('tickets.create.cancel'), 'cancel', 'danger'),
      ]);
      return q.lead ? [{ type: 'text', text: q.lead }, card] : [card];
    }
    case 'edit':
      return [
        {
          type: 'choices',
          prompt: prompt(t('tickets.create.ask_edit_field')),
          choices: [
            ...EDITABLE_FIELDS.filter((f) => f !== 'cc' || d.shared).map((f) =>
              answer(t(`tickets.fields.${f}`), f),
            ),
            ticketButton(t('tickets.create.edit_in_form'), 'open-form', { key: q.key }),
          ],
        },
      ];
    case 'form':
      return [];
  }
}
