import type { Logger } from 'pino';
import type { UserProfile } from '../domain/user.js';
import type { ConversationState, FlowOwner } from './conversation-state.js';
import type { InboundMessage } from './inbound-message.js';
import type { Reply } from './reply.js';

/** The outcome of intent matching, as the router sees it. */
export interface IntentResult {
  readonly name: string;
  readonly confidence: number;
  /** Skill that handles the intent; null for `none`. */
  readonly skill: string | null;
}

export interface ConversationInfo {
  readonly id: string;
  readonly channel: InboundMessage['channel'];
  readonly workspace: string;
  readonly externalKey: string;
}

/** Everything one turn needs; skills read the message and user, change state, add replies. */
export interface TurnContext {
  readonly turnId: string;
  /**
   * What the skills answer: the user's message, or, once they confirmed leaving a
   * form for an earlier request, that request (the stored message stays their "yes").
   */
  message: InboundMessage;
  readonly user: UserProfile;
  readonly conversation: ConversationInfo;
  /** Saved when the turn ends. */
  state: ConversationState;
  /** The intent matched this turn (null inside a form or for a button click). */
  intent: IntentResult | null;
  /** Set by the live-agent gate when this message belongs to a live chat. */
  handoffId: string | null;
  /**
   * Set by the router when the message was left alone because the conversation's open flow asks
   * someone else (flow-owner.ts): that person.
   */
  flowHeldBy?: FlowOwner;
  /** With `flowHeldBy`: what was held is that person's live chat, not a question of the bot's. */
  heldLiveChat?: boolean;
  readonly replies: Reply[];
  reply(...replies: Reply[]): void;
  /**
   * Runs `work` once the turn's messages are stored (also when a later step of the
   * turn failed: the user's message is kept), without delaying the answer: e.g.
   * announcing a relayed message to the agents' live views.
   */
  afterSave(work: () => Promise<void>): void;
  /**
   * What an earlier run of this same turn left for the next one. When another instance
   * stored the conversation first, the turn runs again on the newer state; work its
   * first run did outside the conversation (a live chat opened) is read back from here.
   */
  readonly carried: Map<string, unknown>;
  readonly now: Date;
  readonly logger: Logger;
}

export type TurnMiddleware = (ctx: TurnContext, next: () => Promise<void>) => Promise<void>;
