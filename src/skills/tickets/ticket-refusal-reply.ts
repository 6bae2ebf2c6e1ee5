import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { TicketRecord } from '../../store/ticket-record.js';
import { ticketButton, ticketNumber } from './ticket-buttons.js';
import { type Refusal, reopenDeadline } from './ticket-rules.js';

/** Says why an action on a ticket was refused, and offers the way forward where there is one. */
export function refusalReply(
  responses: Responses,
  refusal: Refusal,
  id: number,
  ticket: TicketRecord | null,
  options: { now: Date; reopenDays: number },
): Reply[] {
  const { t } = responses;
  const number = ticketNumber(id);
  if (refusal === 'not-visible') {
    return [
      {
        type: 'choices',
        prompt: t('tickets.status.not_found', { number }),
        choices: [ticketButton(t('tickets.update.actions.my_tickets'), 'list')],
      },
    ];
  }
  const key = refusal.replaceAll('-', '_');
  const text = t(`tickets.update.refused.${key}`, { number, days: options.reopenDays });
  if (refusal === 'closed' && ticket) {
    const deadline = reopenDeadline(ticket, options.reopenDays);
    if (deadline && options.now <= deadline) {
      return [
        {
          type: 'choices',
          prompt: text,
          choices: [ticketButton(t('tickets.update.actions.reopen'), 'reopen', { id })],
        },
      ];
    }
  }
  if (refusal === 'reopen-expired') {
    return [
      {
        type: 'choices',
        prompt: text,
        choices: [ticketButton(t('tickets.update.actions.new_ticket'), 'start-create')],
      },
    ];
  }
  return [{ type: 'text', text }];
}
