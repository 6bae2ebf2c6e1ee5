import type { HandoffDeps } from './handoff-deps.js';

/**
 * After live chat, the escalation path goes on: phone, then (enterprise customers) the
 * customer success manager; each line only when configured.
 */
export async function escalationNextSteps(
  deps: Pick<HandoffDeps, 'escalation' | 'people' | 'responses'>,
  userId: string,
): Promise<string[]> {
  const { t } = deps.responses;
  const { supportPhone, csmBookingUrl } = deps.escalation;
  const steps: string[] = [];
  if (supportPhone) steps.push(t('handoff.next_phone', { phone: supportPhone }));
  if (csmBookingUrl && (await deps.people.person(userId))?.enterprise) {
    steps.push(t('handoff.next_csm', { url: csmBookingUrl }));
  }
  return steps;
}
