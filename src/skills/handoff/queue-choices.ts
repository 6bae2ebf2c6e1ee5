import type { Action } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';

/** The waiting user's choice: "Leave it as a ticket" or "Keep waiting" (for the next agent). */
export function keepOrLeaveChoices(responses: Responses, handoffId: string): Action[] {
  const { t } = responses;
  return [
    {
      label: t('handoff.leave_as_ticket'),
      value: { skill: 'handoff', action: 'leave-as-ticket', handoffId },
      style: 'primary',
    },
    { label: t('handoff.keep_waiting'), value: { skill: 'handoff', action: 'keep-waiting', handoffId } },
  ];
}

/** The user was offered that choice and has not answered it yet (nothing written since). */
export function choiceUnanswered(h: HandoffRecord): boolean {
  return h.reminderSentAt !== null && h.lastUserMessageAt <= h.reminderSentAt;
}
