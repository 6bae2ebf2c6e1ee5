import type { FormReply } from '../../../core/reply.js';
import type { Responses } from '../../../core/responses.js';
import { findIssueType, issueTypesFor } from '../../../domain/issue-types.js';
import type { UserKind } from '../../../domain/user.js';
import {
  checkEmailList,
  checkSubject,
  MIN_DESCRIPTION_CHARS,
  parseCampaignAnswer,
} from '../draft-validation.js';
import { MAX_SUBJECT_CHARS } from '../subject-shortener.js';
import { ticketButton } from '../ticket-buttons.js';
import type { TicketDraft } from './ticket-draft.js';

export const TICKET_FORM_ID = 'ticket-create';

/**
 * The longest text a form input takes: a Slack modal's text input takes at most 3,000 characters,
 * so the Teams card and the web chat's form get the same limit and every channel agrees. A longer
 * text (a client that ignores the limit) is answered with the input's error, never cut.
 */
export const FORM_TEXT_MAX_CHARS = 3000;

/** Each text input's limit, shown by every channel and checked on submit. */
const MAX_CHARS = {
  subject: MAX_SUBJECT_CHARS,
  campaignId: FORM_TEXT_MAX_CHARS,
  description: FORM_TEXT_MAX_CHARS,
  cc: FORM_TEXT_MAX_CHARS,
} as const satisfies Record<string, number>;

/** What a submitted ticket form fills in. */
export interface FormFields {
  readonly subject: string;
  readonly issueType: string;
  readonly campaignId: string | null;
  readonly description: string;
  readonly shared: boolean;
  readonly ccEmails: string[];
}

/**
 * The whole ticket as one form (Slack renders it as a modal, Teams as an
 * Adaptive Card), pre-filled from the draft, with errors next to their inputs.
 */
export function ticketForm(
  responses: Responses,
  kind: UserKind,
  key: string,
  draft: TicketDraft,
  values: Readonly<Record<string, string>> = {},
  errors?: Readonly<Record<string, string>>,
): FormReply {
  const { t } = responses;
  const value = (id: string, fallback: string | undefined) => values[id] ?? fallback ?? '';
  // A description written in the chat may be longer than a form takes: say so before the submit.
  const shownErrors =
    errors ?? tooLongErrors(responses, { description: value('description', draft.description) });
  return {
    type: 'form',
    id: TICKET_FORM_ID,
    title: t('tickets.form.title'),
    inputs: [
      {
        id: 'subject',
        label: t('tickets.form.subject'),
        kind: 'text',
        required: true,
        maxLength: MAX_CHARS.subject,
        value: value('subject', draft.subject ?? draft.subjectProposal),
        placeholder: t('tickets.form.subject_placeholder'),
      },
      {
        id: 'issueType',
        label: t('tickets.form.issue_type'),
        kind: 'select',
        required: true,
        value: value('issueType', draft.issueType ?? draft.suggestedIssueType ?? undefined),
        options: issueTypesFor(kind).map((type) => ({ value: type.id, label: type.label })),
      },
      {
        id: 'campaignId',
        label: t('tickets.form.campaign_id'),
        kind: 'text',
        required: false,
        maxLength: MAX_CHARS.campaignId,
        value: value('campaignId', draft.campaignId),
        placeholder: t('tickets.form.campaign_placeholder'),
      },
      {
        id: 'description',
        label: t('tickets.form.description'),
        kind: 'textarea',
        required: true,
        maxLength: MAX_CHARS.description,
        value: value('description', draft.description),
        placeholder: t('tickets.form.description_placeholder'),
      },
      {
        id: 'access',
        label: t('tickets.form.access'),
        kind: 'select',
        required: true,
        value: value('access', draft.shared === undefined ? 'private' : draft.shared ? 'shared' : 'private'),
        options: [
          { value: 'private', label: t('tickets.form.access_private') },
          { value: 'shared', label: t('tickets.form.access_shared') },
        ],
      },
      {
        id: 'cc',
        label: t('tickets.form.cc'),
        kind: 'email-list',
        required: false,
        maxLength: MAX_CHARS.cc,
        value: value('cc', draft.ccEmails?.join(', ')),
        placeholder: t('tickets.form.cc_placeholder'),
      },
    ],
    submit: ticketButton(t('tickets.form.submit'), 'form-submit', { key }, 'primary'),
    cancel: ticketButton(t('tickets.form.cancel'), 'answer', { key, step: 'form', choice: 'cancel' }),
    ...(Object.keys(shownErrors).length > 0 ? { errors: shownErrors } : {}),
  };
}

export type FormCheck =
  | { readonly ok: true; readonly fields: FormFields }
  | { readonly ok: false; readonly errors: Record<string, string>; readonly values: Record<string, string> };

/** Validates submitted form values; errors are keyed by input id. */
export function checkTicketForm(responses: Responses, kind: UserKind, raw: unknown): FormCheck {
  const { t } = responses;
  const values = stringValues(raw);
  // Too long is said as such, whatever else the text would be wrong about.
  const errors: Record<string, string> = tooLongErrors(responses, {
    campaignId: values.campaignId ?? '',
    description: (values.description ?? '').trim(),
    cc: values.cc ?? '',
  });

  const subject = checkSubject(values.subject ?? '');
  if (!subject.ok) {
    errors.subject =
      subject.reason === 'empty'
        ? t('tickets.form.error_subject_required')
        : t('tickets.form.error_subject_too_long', { length: subject.length });
  }
  const issueType = findIssueType(kind, values.issueType ?? '');
  if (!issueType) errors.issueType = t('tickets.form.error_issue_type');

  let campaignId: string | null = null;
  const campaign = parseCampaignAnswer(values.campaignId ?? '');
  if (campaign.kind === 'id') campaignId = campaign.id;
  if (campaign.kind === 'name') errors.campaignId ??= t('tickets.form.error_campaign_name');

  const description = (values.description ?? '').trim();
  if (description.length < MIN_DESCRIPTION_CHARS) errors.description = t('tickets.form.error_description');

  const access = ACCESS_ALIASES[(values.access ?? 'private').toLowerCase()] ?? values.access ?? '';
  if (access !== 'private' && access !== 'shared') errors.access = t('tickets.form.error_access');
  const shared = access === 'shared';

  let ccEmails: string[] = [];
  const cc = checkEmailList(values.cc ?? '');
  if (errors.cc) {
    // Too long already: the addresses are not read.
  } else if (!cc.ok) {
    errors.cc =
      cc.reason === 'invalid'
        ? t('tickets.form.error_cc_invalid', { value: cc.value })
        : t('tickets.form.error_cc_too_many');
  } else if (cc.emails.length > 0 && !shared) {
    errors.cc = t('tickets.form.error_cc_private');
  } else {
    ccEmails = cc.emails;
  }

  if (Object.keys(errors).length > 0 || !subject.ok || !issueType) return { ok: false, errors, values };
  return {
    ok: true,
    fields: { subject: subject.subject, issueType: issueType.id, campaignId, description, shared, ccEmails },
  };
}

/** An error for each text over its input's limit. */
function tooLongErrors(
  responses: Responses,
  texts: Partial<Record<Exclude<keyof typeof MAX_CHARS, 'subject'>, string>>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [id, text] of Object.entries(texts)) {
    const max = MAX_CHARS[id as keyof typeof MAX_CHARS];
    if (text.length > max) {
      const key =
        id === 'description' ? 'tickets.form.error_description_too_long' : 'tickets.form.error_text_too_long';
      errors[id] = responses.t(key, { max, length: text.length });
    }
  }
  return errors;
}

/** Toggles and check boxes arrive as true/false or on/off depending on the channel. */
const ACCESS_ALIASES: Readonly<Record<string, string>> = {
  private: 'private',
  shared: 'shared',
  true: 'shared',
  on: 'shared',
  yes: 'shared',
  false: 'private',
  off: 'private',
  no: 'private',
  '': 'private',
};

function stringValues(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'boolean' || typeof v === 'number') out[k] = String(v);
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join(', ');
  }
  return out;
}
