import type { ChannelName } from './inbound-message.js';
import type { Reply } from './reply.js';

/** Where a proactive message goes: a stored conversation and the channel's reference for it. */
export interface DeliveryTarget {
  readonly conversationId: string;
  readonly workspace: string;
  readonly externalKey: string;
  readonly reference: unknown;
  /**
   * The bot user the message is for: where others see it too (a channel thread, a group chat)
   * its buttons are theirs alone. Absent: no one in particular (anyone there may press them).
   */
  readonly addressee?: string;
}

/**
 * A chat platform. Channels verify and translate inbound payloads, call the bot,
 * and render replies; they never reach into the store or a skill.
 */
export interface Channel {
  readonly name: ChannelName;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts replies outside a turn (notifications, agent relays). Throws when the platform is down. */
  deliver(target: DeliveryTarget, replies: readonly Reply[]): Promise<void>;
}
