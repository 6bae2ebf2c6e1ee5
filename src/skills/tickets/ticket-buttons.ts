import type { Action } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { UserProfile } from '../../domain/user.js';
import type { TicketRecord } from '../../store/ticket-record.js';
import { isSupportStaff } from '../../store/ticket-visibility.js';
import { reopenDeadline } from './ticket-rules.js';

export const SKILL_NAME = 'tickets';

/** A button whose click comes back to this skill as `{ skill: 'tickets', action, ...data }`. */
export function ticketButton(
  label: string,
  action: string,
  data: Readonly<Record<string, unknown>> = {},
  style?: Action['style'],
): Action {
  return { label, value: { skill: SKILL_NAME, action, ...data }, ...(style ? { style } : {}) };
}

/** The next steps that make sense for this viewer and this ticket now. */
export function ticketActions(
  responses: Responses,
  ticket: TicketRecord,
  viewer: UserProfile,
  options: { now: Date; reopenDays: number; ticketUrl: string; includeView?: boolean },
): Action[] {
  const { t } = responses;
  const id = ticket.id;
  const actions: Action[] = [];
  if (options.includeView) actions.push(ticketButton(t('tickets.update.actions.view'), 'status', { id }));
  if (isSupportStaff(viewer)) {
    actions.push(ticketButton(t('tickets.update.actions.reply'), 'comment', { id }, 'primary'));
    actions.push(ticketButton(t('tickets.update.actions.set_status'), 'pick-status', { id }));
    if (ticket.assigneeId !== viewer.id)
      actions.push(ticketButton(t('tickets.update.actions.assign_me'), 'assign-me', { id }));
  } else if (ticket.status === 'solution_offered') {
    actions.push(ticketButton(t('tickets.update.actions.solved'), 'solved', { id }, 'primary'));
    actions.push(ticketButton(t('tickets.update.actions.not_solved'), 'not-solved', { id }));
  } else if (ticket.status === 'closed') {
    const deadline = reopenDeadline(ticket, options.reopenDays);
    if (deadline && options.now <= deadline)
      actions.push(ticketButton(t('tickets.update.actions.reopen'), 'reopen', { id }));
  } else {
    const label = ticket.status === 'awaiting_response' ? 'reply' : 'add_comment';
    actions.push(
      ticketButton(
        t(`tickets.update.actions.${label}`),
        'comment',
        { id },
        label === 'reply' ? 'primary' : undefined,
      ),
    );
    if (ticket.creatorId === viewer.id)
      actions.push(ticketButton(t('tickets.update.actions.close'), 'close', { id }));
  }
  actions.push({ label: t('tickets.update.actions.open_portal'), url: options.ticketUrl });
  return actions;
}

export function ticketNumber(id: number): string {
  return `#${id}`;
}

export function ticketUrl(baseUrl: string, id: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/${id}`;
}
