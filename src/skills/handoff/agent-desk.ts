import type { InboundAttachment } from '../../core/inbound-message.js';
import type { TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';

export type Availability = 'online' | 'away' | 'offline';
export type HandoffStatus = 'pending' | 'assigned' | 'transferred' | 'resolved' | 'abandoned' | 'expired';

/** What setting a chat's ticket status did. */
export interface TicketStatusOutcome {
  /** For the agent in place of the desk's usual confirmation: the solution was offered already, nothing sent. */
  readonly notice: string | null;
}

/** A chat in the agents' queue, or one an agent is handling. */
export interface LiveChat {
  readonly handoffId: string;
  readonly status: HandoffStatus;
  readonly ticketId: number;
  readonly ticketNumber: string;
  readonly ticketSubject: string;
  readonly requester: {
    readonly id: string;
    readonly name: string;
    readonly accountId: string;
    readonly accountName: string;
  };
  readonly teamId: string | null;
  readonly agentId: string | null;
  readonly reason: string;
  /** What the bot already tried, in a few lines. */
  readonly summary: string;
  readonly waitingSince: Date;
  readonly position: number | null;
}

/**
 * What an agents'-channel escalation (Slack message, Teams card) shows of a chat that a change of the
 * chat changes: a message rendered from an older read of the chat has another value.
 */
export function escalationShown(chat: LiveChat): string {
  return `${chat.status}|${chat.agentId ?? ''}|${chat.teamId ?? ''}|${chat.waitingSince.getTime()}`;
}

/** How many times an escalation is rewritten in a row while its chat keeps changing under it. */
export const ESCALATION_REWRITES = 3;

export interface TranscriptEntry {
  readonly id: number;
  readonly author: 'user' | 'bot' | 'agent' | 'system' | 'note';
  readonly authorName: string;
  readonly text: string;
  readonly at: Date;
}

/** Something agents' views must show; channels subscribe and render. */
export type DeskEvent =
  | { readonly type: 'queued'; readonly chat: LiveChat }
  | { readonly type: 'claimed'; readonly chat: LiveChat; readonly agentId: string }
  | { readonly type: 'user-message'; readonly chat: LiveChat; readonly entry: TranscriptEntry }
  | { readonly type: 'agent-message'; readonly chat: LiveChat; readonly entry: TranscriptEntry }
  | { readonly type: 'transferred'; readonly chat: LiveChat; readonly note: string }
  | { readonly type: 'closed'; readonly chat: LiveChat; readonly by: 'agent' | 'user' | 'timeout' }
  | { readonly type: 'availability'; readonly agentId: string; readonly availability: Availability }
  /** The user has been waiting for the assigned agent's answer longer than HANDOFF_AGENT_REMINDER_MIN. */
  | { readonly type: 'reminder'; readonly chat: LiveChat; readonly agentId: string };

/** An agent as the desk shows it (sign-in, transfer targets). */
export interface DeskAgent {
  readonly id: string;
  readonly name: string;
  readonly availability: Availability;
  readonly maxChats: number;
  readonly activeChats: number;
  readonly teamIds: readonly string[];
}

export interface DeskTeam {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  readonly open: boolean;
}

export type ClaimResult =
  | { readonly ok: true; readonly chat: LiveChat }
  | {
      readonly ok: false;
      readonly reason: 'taken' | 'closed' | 'not-found' | 'at-capacity' | 'not-an-agent';
    };

/**
 * The channel-neutral agent API (`shared.agentDesk`): the web agent console,
 * Slack and Teams agent views all work through it. Every call checks that the
 * actor is an agent; transitions are guarded (exactly one claim wins).
 */
export interface AgentDesk {
  queue(): Promise<LiveChat[]>;
  chatsOf(agent: UserProfile): Promise<LiveChat[]>;
  chat(handoffId: string): Promise<LiveChat | null>;
  transcript(handoffId: string): Promise<TranscriptEntry[]>;
  claim(agent: UserProfile, handoffId: string): Promise<ClaimResult>;
  reply(
    agent: UserProfile,
    handoffId: string,
    text: string,
    attachments?: readonly InboundAttachment[],
  ): Promise<void>;
  note(agent: UserProfile, handoffId: string, text: string): Promise<void>;
  /**
   * Sets the chat's ticket status. Solution Offered needs `solution` (else a 'bad_request'):
   * it goes to the requester with the change, as when an agent offers one in the chat; the same
   * solution submitted again (a double click, a retried request) is not sent again.
   */
  setTicketStatus(
    agent: UserProfile,
    handoffId: string,
    status: TicketStatus,
    solution?: string,
  ): Promise<TicketStatusOutcome>;
  transfer(
    agent: UserProfile,
    handoffId: string,
    to: { agentId?: string; teamId?: string },
    note: string,
  ): Promise<void>;
  close(agent: UserProfile, handoffId: string): Promise<void>;
  setAvailability(agent: UserProfile, availability: Availability): Promise<void>;
  cannedReplies(): Promise<Array<{ name: string; text: string }>>;
  /** The agent's own desk profile; null when the user is not an agent. */
  me(agent: UserProfile): Promise<DeskAgent | null>;
  /** Agents and teams, e.g. as transfer targets. */
  directory(): Promise<{ agents: DeskAgent[]; teams: DeskTeam[] }>;
  /** Live events from every bot instance (PostgreSQL LISTEN/NOTIFY or in-process on SQLite). */
  subscribe(listener: (event: DeskEvent) => void): () => void;
}
