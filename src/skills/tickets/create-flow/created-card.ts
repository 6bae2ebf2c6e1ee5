import type { CardReply } from '../../../core/reply.js';
import type { Responses } from '../../../core/responses.js';
import { statusLabel } from '../../../domain/ticket-statuses.js';
import { ticketButton, ticketUrl } from '../ticket-buttons.js';
import type { TicketSummary } from '../ticket-service.js';

/** "Ticket #1042 filed", with where the answer will come and what to do next. */
export function createdCard(responses: Responses, ticket: TicketSummary, baseUrl: string): CardReply {
  const { t } = responses;
  const url = ticketUrl(baseUrl, ticket.id);
  return {
    type: 'card',
    title: t('tickets.create.created_title', { number: ticket.number }),
    subtitle: ticket.subject,
    body: t('tickets.create.created_body', { number: ticket.number }),
    url,
    fields: [{ label: t('tickets.fields.status'), value: statusLabel(ticket.status) }],
    actions: [
      ticketButton(t('tickets.update.actions.view'), 'status', { id: ticket.id }),
      ticketButton(t('tickets.update.actions.my_tickets'), 'list', {}),
      { label: t('tickets.update.actions.open_portal'), url },
    ],
  };
}
