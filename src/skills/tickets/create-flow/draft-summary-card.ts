import type { Action, CardReply } from '../../../core/reply.js';
import type { Responses } from '../../../core/responses.js';
import { findIssueType } from '../../../domain/issue-types.js';
import type { UserKind } from '../../../domain/user.js';
import type { TicketDraft } from './ticket-draft.js';

const DESCRIPTION_PREVIEW_CHARS = 300;

/** The "Ready to file this ticket?" card: every field as it will be filed. */
export function draftSummaryCard(
  responses: Responses,
  draft: TicketDraft,
  kind: UserKind,
  actions: readonly Action[],
): CardReply {
  const { t } = responses;
  const description = draft.description ?? '';
  const fields = [
    { label: t('tickets.fields.subject'), value: draft.subject ?? '' },
    { label: t('tickets.fields.issue_type'), value: findIssueType(kind, draft.issueType ?? '')?.label ?? '' },
    {
      label: t('tickets.fields.campaign'),
      value: draft.campaignId
        ? t('tickets.values.campaign_id', { id: draft.campaignId })
        : t('tickets.values.campaign_none'),
    },
    {
      label: t('tickets.fields.description'),
      value:
        description.length > DESCRIPTION_PREVIEW_CHARS
          ? `${description.slice(0, DESCRIPTION_PREVIEW_CHARS - 1)}…`
          : description,
    },
    {
      label: t('tickets.fields.attachments'),
      value: draft.attachmentNames.length
        ? draft.attachmentNames.join(', ')
        : t('tickets.values.no_attachments'),
    },
    {
      label: t('tickets.fields.access'),
      value: draft.shared ? t('tickets.values.access_shared') : t('tickets.values.access_private'),
    },
  ];
  if (draft.shared) {
    fields.push({
      label: t('tickets.fields.cc'),
      value: draft.ccEmails?.length ? draft.ccEmails.join(', ') : t('tickets.values.no_cc'),
    });
  }
  return {
    type: 'card',
    title: t('tickets.create.summary_title'),
    subtitle: t('tickets.create.summary_subtitle'),
    fields,
    actions,
  };
}
