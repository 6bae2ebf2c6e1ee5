import type { CardReply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import { findIssueType } from '../../domain/issue-types.js';
import { statusLabel } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';
import { ticketActions, ticketUrl } from './ticket-buttons.js';
import type { TicketDetails } from './ticket-desk.js';
import { formatAgo, formatDate } from './ticket-time.js';

const REPLY_PREVIEW_CHARS = 280;

/**
 * Text someone typed (a comment, a profile name), put into the reply's markdown as written: the
 * characters that would make it bold, italic or a link are backslash-escaped, as in CommonMark, so
 * a colleague's "[the shared folder](https://…)" is never a link whose target is hidden.
 */
function asTyped(text: string): string {
  return text.replace(/[\\`*_~[\]]/g, (c) => `\\${c}`);
}

/**
 * Where a ticket stands, told for this viewer: the status and what it means for
 * them right now, what support last said, who is on it, and the next steps.
 */
export function ticketStatusCard(
  responses: Responses,
  details: TicketDetails,
  viewer: UserProfile,
  options: { now: Date; reopenDays: number; ticketBaseUrl: string },
): CardReply {
  const { t } = responses;
  const { ticket, summary } = details;
  const lines: string[] = [];
  if (ticket.status === 'closed') {
    lines.push(
      details.reopenUntil && options.now <= details.reopenUntil
        ? t('tickets.status.closed_reopen', { date: formatDate(details.reopenUntil) })
        : t('tickets.status.closed_final', { number: summary.number }),
    );
  } else {
    lines.push(t(`tickets.status.meaning.${ticket.status}`));
  }
  if (details.latestReply) {
    const body = details.latestReply.body;
    lines.push(
      t('tickets.status.latest_reply', {
        author: asTyped(details.latestReply.authorName),
        text: asTyped(
          body.length > REPLY_PREVIEW_CHARS ? `${body.slice(0, REPLY_PREVIEW_CHARS - 1)}…` : body,
        ),
      }),
    );
  }
  const kind = viewer.role === 'requester' ? viewer.kind : 'brand';
  const issueType =
    findIssueType(kind, ticket.issueType)?.label ??
    findIssueType('partner', ticket.issueType)?.label ??
    ticket.issueType;
  const fields = [
    { label: t('tickets.fields.status'), value: statusLabel(ticket.status) },
    { label: t('tickets.fields.issue_type'), value: issueType },
    {
      label: t('tickets.fields.campaign'),
      value: ticket.campaignId
        ? t('tickets.values.campaign_id', { id: ticket.campaignId })
        : t('tickets.values.campaign_none'),
    },
    {
      label: t('tickets.fields.last_update'),
      value: formatAgo(responses, ticket.lastActivityAt, options.now),
    },
    { label: t('tickets.fields.handled_by'), value: details.assigneeName ?? t('tickets.values.unassigned') },
  ];
  if (ticket.creatorId !== viewer.id)
    fields.push({ label: t('tickets.fields.requester'), value: details.creatorName });
  const url = ticketUrl(options.ticketBaseUrl, ticket.id);
  return {
    type: 'card',
    title: `${summary.number} · ${ticket.subject}`,
    subtitle: statusLabel(ticket.status),
    body: lines.join('\n\n'),
    url,
    fields,
    actions: ticketActions(responses, ticket, viewer, {
      now: options.now,
      reopenDays: options.reopenDays,
      ticketUrl: url,
    }),
  };
}
