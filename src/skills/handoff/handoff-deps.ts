import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.js';
import type { Responses } from '../../core/responses.js';
import type { AgentDirectory } from '../../store/agent-directory.js';
import type { CannedReplies } from '../../store/handoff-canned-replies.js';
import type { HandoffMessages } from '../../store/handoff-messages.js';
import type { HandoffPeople } from '../../store/handoff-people.js';
import type { HandoffRepository } from '../../store/handoff-repository.js';
import type { AvailabilityWatches } from '../../store/handoff-watches.js';
import type { TicketService } from '../tickets/ticket-service.js';
import type { DeskSignals } from './desk-signals.js';

/** Timeouts of live chats, in minutes (config HANDOFF_*_MIN). */
export interface HandoffTimeouts {
  /** Nobody claimed the chat: offer to leave it as a ticket. */
  readonly claimMin: number;
  /** The agent has not answered the user: remind the agent. */
  readonly agentReminderMin: number;
  /** The user has not answered the agent: close the chat. */
  readonly userIdleMin: number;
}

/** The next steps of the escalation path after live chat (config SUPPORT_PHONE, CSM_BOOKING_URL). */
export interface EscalationContacts {
  /** Support's phone number; not offered when unset. */
  readonly supportPhone?: string;
  /** Where enterprise customers book time with their customer success manager; not offered when unset. */
  readonly csmBookingUrl?: string;
}

/** What the parts of the handoff module share. */
export interface HandoffDeps {
  readonly handoffs: HandoffRepository;
  readonly messages: HandoffMessages;
  readonly agents: AgentDirectory;
  readonly people: HandoffPeople;
  readonly watches: AvailabilityWatches;
  readonly canned: CannedReplies;
  readonly signals: DeskSignals;
  readonly notifier: Notifier;
  readonly responses: Responses;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly timeouts: HandoffTimeouts;
  readonly escalation: EscalationContacts;
  /** Ticket numbers a message names ("about ticket 1042", "#1042"), in order. */
  ticketNumbers(text: string): readonly number[];
  /** The ticket module's service; throws a clear error when the ticket module is missing. */
  tickets(): TicketService;
}
