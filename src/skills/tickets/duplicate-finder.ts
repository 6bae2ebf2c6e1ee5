import type { TicketRecord } from '../../store/ticket-record.js';
import { similarity, textProfile } from './text-similarity.js';

/**
 * Above this similarity an open ticket is offered as "the same problem". Chosen on
 * pairs written as users write them (test/skills/tickets/duplicate-finder.test.ts):
 * rewordings of one problem score 0.45–0.8, different problems of the same area below 0.3.
 */
export const DUPLICATE_THRESHOLD = 0.4;

/**
 * The open ticket most similar to a new request, if it is similar enough. Tickets
 * about a different campaign are never duplicates, however alike the wording.
 */
export function findDuplicate(
  text: string,
  campaignId: string | null,
  candidates: readonly TicketRecord[],
  threshold = DUPLICATE_THRESHOLD,
): TicketRecord | null {
  const profile = textProfile(text);
  let best: { ticket: TicketRecord; score: number } | null = null;
  for (const ticket of candidates) {
    if (campaignId && ticket.campaignId && ticket.campaignId !== campaignId) continue;
    const score = similarity(profile, textProfile(`${ticket.subject}\n${ticket.description}`));
    if (score >= threshold && (!best || score > best.score)) best = { ticket, score };
  }
  return best?.ticket ?? null;
}
