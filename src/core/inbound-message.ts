/** The channel-neutral message every channel turns its payload into. */
export type ChannelName = 'web' | 'console' | 'slack' | 'teams';

export interface InboundAttachment {
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
  /** Durable reference on the chat platform (Slack file permalink, Teams content URL). */
  readonly url?: string;
  /** Inline content, for channels that upload the bytes with the message (web). */
  readonly content?: Uint8Array;
}

export interface InboundUser {
  /** The user's id on the channel (Slack user id, Teams AAD object id, web user name). */
  readonly externalId: string;
  readonly displayName?: string;
  readonly email?: string;
}

export interface InboundMessage {
  /** The channel's id for this event; retries of one event carry the same id. */
  readonly eventId?: string;
  readonly channel: ChannelName;
  /** Slack team id, Teams tenant id; '' for local channels. */
  readonly workspace: string;
  /** The channel's id for the conversation; a Slack thread is its own conversation. */
  readonly conversationKey: string;
  readonly user: InboundUser;
  readonly text: string;
  /** A button click or form submit: the value the reply's action carried, plus form inputs. */
  readonly value?: Readonly<Record<string, unknown>>;
  readonly attachments: readonly InboundAttachment[];
  /** What the channel needs to post into this conversation later (proactive messages). */
  readonly reference?: unknown;
  /** The original payload, kept for channel-specific needs and debugging. */
  readonly raw?: unknown;
}
