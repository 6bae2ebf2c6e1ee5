import type { CardReply, Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import { findIssueType } from '../../domain/issue-types.js';
import { OPEN_STATUSES, statusLabel } from '../../domain/ticket-statuses.js';
import type { TicketCursor, TicketFilter } from '../../store/ticket-query-repository.js';
import { ticketButton } from './ticket-buttons.js';
import { emptyListText } from './ticket-list-empty.js';
import type { TicketSummary } from './ticket-service.js';
import { formatAgo } from './ticket-time.js';

export interface ListPage {
  readonly items: readonly TicketSummary[];
  readonly next: TicketCursor | null;
  /** Matches from this page on (capped: then shown as "100+"). */
  readonly remaining: number;
  readonly remainingCapped: boolean;
  /** How many were shown on earlier pages. */
  readonly offset: number;
}

/** One page of tickets: unread ones marked, a Details button each, "More" while there is more. */
export function ticketListReply(
  responses: Responses,
  filter: TicketFilter,
  page: ListPage,
  now: Date,
): Reply[] {
  const { t } = responses;
  if (page.items.length === 0 && page.offset === 0) {
    return [
      {
        type: 'choices',
        prompt: emptyListText(responses, filter, describeFilter(responses, filter)),
        choices: [ticketButton(t('tickets.update.actions.new_ticket'), 'start-create')],
      },
    ];
  }
  const items: CardReply[] = page.items.map((ticket) => ({
    type: 'card',
    title: `${ticket.unread ? `${t('tickets.list.unread_marker')} ` : ''}${ticket.number} · ${ticket.subject}`,
    subtitle: [
      ticket.unread ? t('tickets.list.unread') : null,
      statusLabel(ticket.status),
      formatAgo(responses, ticket.lastActivityAt, now),
    ]
      .filter(Boolean)
      .join(' · '),
    fields: [],
    actions: [ticketButton(t('tickets.list.details'), 'status', { id: ticket.id })],
  }));
  const shown = page.offset + page.items.length;
  const total = `${page.offset + page.remaining}${page.remainingCapped ? '+' : ''}`;
  const title = filter.assignedToMe
    ? t('tickets.list.title_assigned')
    : filter.createdBy === 'me'
      ? t('tickets.list.title_mine')
      : t('tickets.list.title_all');
  const filters = describeFilter(responses, filter);
  return [
    {
      type: 'list',
      title: `${title}${filters ? ` (${filters})` : ''}: ${t('tickets.list.count', { shown, total })}`,
      items,
      actions: page.next
        ? [ticketButton(t('tickets.list.more'), 'list', { filter, after: page.next, offset: shown })]
        : [],
    },
  ];
}

export function describeFilter(responses: Responses, filter: TicketFilter): string {
  const { t } = responses;
  const parts: string[] = [];
  const statuses = filter.statuses ?? [];
  const others = statuses.filter((s) => !OPEN_STATUSES.includes(s)).map(statusLabel);
  const anyOf = (labels: readonly string[]): string =>
    labels.length < 2
      ? labels.join('')
      : t('tickets.list.filter_status_or', {
          list: labels.slice(0, -1).join(', '),
          last: labels.at(-1) ?? '',
        });
  if (OPEN_STATUSES.every((s) => statuses.includes(s))) {
    parts.push(
      others.length > 0
        ? t('tickets.list.filter_open_or', { status: anyOf(others) })
        : t('tickets.list.filter_open'),
    );
  } else if (statuses.length > 0) {
    parts.push(t('tickets.list.filter_status', { status: anyOf(statuses.map(statusLabel)) }));
  }
  if (filter.issueTypes?.length) parts.push(filter.issueTypes.map(issueTypeLabel).join(', '));
  if (filter.campaignIds?.length)
    parts.push(t('tickets.list.filter_campaigns', { ids: filter.campaignIds.join(', ') }));
  if (filter.createdAt) parts.push(t('tickets.list.filter_created', { period: filter.createdAt.label }));
  if (filter.lastActivityAt)
    parts.push(t('tickets.list.filter_updated', { period: filter.lastActivityAt.label }));
  if (filter.read === 'unread') parts.push(t('tickets.list.filter_unread'));
  if (filter.read === 'read') parts.push(t('tickets.list.filter_read'));
  if (filter.keywords?.length)
    parts.push(t('tickets.list.filter_keywords', { keywords: filter.keywords.join(' ') }));
  if (filter.ids?.length)
    parts.push(t('tickets.list.filter_ids', { ids: filter.ids.map((i) => `#${i}`).join(', ') }));
  return parts.join(', ');
}

/** An issue type's name as the ticket form shows it (brand and partner types share "Login" and "Other"). */
function issueTypeLabel(id: string): string {
  return (findIssueType('brand', id) ?? findIssueType('partner', id))?.label ?? id;
}
