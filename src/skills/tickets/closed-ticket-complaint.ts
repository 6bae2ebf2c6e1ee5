import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { UserProfile } from '../../domain/user.js';
import type { TicketRecord } from '../../store/ticket-record.js';
import { ticketButton, ticketNumber } from './ticket-buttons.js';
import { refusalReply } from './ticket-refusal-reply.js';
import { type RuleContext, reopenDeadline, statusChangeRefusal } from './ticket-rules.js';
import { formatDate } from './ticket-time.js';

/**
 * A requester's complaint on a closed ticket ("1000 still doesn't work"). Within the reopen
 * window: Reopen, which carries the complaint so it becomes the reopen comment, or a new
 * ticket; nothing is stored until they choose. Reopen also carries `key` (the turn that made
 * the prompt), so the complaint is added once however often it is pressed. After the window: the "can't be reopened"
 * answer with a new ticket.
 */
export function closedComplaintReply(
  responses: Responses,
  ticket: TicketRecord,
  viewer: UserProfile,
  complaint: string | null,
  rules: RuleContext,
  key: string,
): Reply[] {
  const { t } = responses;
  const refusal = statusChangeRefusal(viewer, ticket, 'open', rules);
  if (refusal) return refusalReply(responses, refusal, ticket.id, ticket, rules);
  const number = ticketNumber(ticket.id);
  const deadline = reopenDeadline(ticket, rules.reopenDays);
  const prompt = !complaint
    ? t('tickets.update.refused.closed', { number })
    : deadline
      ? t('tickets.update.closed_complaint', { number, date: formatDate(deadline) })
      : t('tickets.update.closed_complaint_no_date', { number });
  return [
    {
      type: 'choices',
      prompt,
      choices: [
        ticketButton(t('tickets.update.actions.reopen'), 'apply-update', {
          id: ticket.id,
          request: { kind: 'reopen', body: complaint },
          complaintKey: key,
        }),
        ticketButton(t('tickets.update.actions.new_ticket'), 'start-create'),
      ],
    },
  ];
}
