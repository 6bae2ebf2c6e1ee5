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
 * answer with a new ticket. `newTicketText`: the message read as a request for a new ticket, which
 * "File a ticket" then starts from, as that message would have.
 */
export function closedComplaintReply(
  responses: Responses,
  ticket: TicketRecord,
  viewer: UserProfile,
  complaint: string | null,
  rules: RuleContext,
  key: string,
  newTicketText?: string,
): Reply[] {
  const { t } = responses;
  const refusal = statusChangeRefusal(viewer, ticket, 'open', rules);
  if (refusal) {
    return refusalReply(responses, refusal, ticket.id, ticket, rules).map((r) =>
      withNewTicketText(r, newTicketText),
    );
  }
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
        newTicketButton(t('tickets.update.actions.new_ticket'), newTicketText),
      ],
    },
  ];
}

/** "File a ticket"; with the message that asked for a new ticket, it starts the form from those words. */
function newTicketButton(label: string, text: string | undefined) {
  return ticketButton(label, 'start-create', text ? { text } : {});
}

function withNewTicketText(reply: Reply, text: string | undefined): Reply {
  if (!text || reply.type !== 'choices') return reply;
  const choices = reply.choices.map((c) =>
    c.value?.action === 'start-create' ? newTicketButton(c.label, text) : c,
  );
  return { ...reply, choices };
}
