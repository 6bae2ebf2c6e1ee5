import type { TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserKind } from '../../domain/user.js';
import { extractCampaignIds } from '../../nlu/entities/campaign-ids.js';
import { extractEmails } from '../../nlu/entities/emails.js';
import { extractTicketNumbers } from '../../nlu/entities/ticket-numbers.js';
import { extractStatuses } from '../../nlu/entities/ticket-statuses.js';

/** The entities the ticket skill reads from a message. */
export interface TicketEntities {
  readonly ticketNumbers: readonly number[];
  readonly campaignIds: readonly string[];
  readonly emails: readonly string[];
  readonly statuses: readonly TicketStatus[];
}

export type TicketEntityReader = (text: string, context: { now: Date; kind: UserKind }) => TicketEntities;

/** The intent engine's extractors, narrowed to what the ticket skill reads. */
export const readTicketEntities: TicketEntityReader = (text) => ({
  ticketNumbers: extractTicketNumbers(text),
  campaignIds: extractCampaignIds(text),
  emails: extractEmails(text),
  statuses: extractStatuses(text),
});
