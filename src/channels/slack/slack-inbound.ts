import type { InboundAttachment, InboundMessage, InboundUser } from '../../core/inbound-message.js';
import { cleanPlatformLine } from '../../text/platform-line.js';
import { conversationKeyOf, type SlackReference } from './slack-reference.js';

/** A Slack file as the message event carries it (only the fields the bot reads). */
export interface SlackFile {
  readonly name?: string;
  readonly title?: string;
  readonly mimetype?: string;
  readonly size?: number;
  readonly url_private?: string;
  readonly mode?: string;
}

/** Files shared with a message, as attachments (the URL needs the bot token to download: files:read). */
export function attachmentsOf(files: readonly SlackFile[] | undefined): InboundAttachment[] {
  return (files ?? [])
    .filter((f) => f.mode !== 'tombstone' && (f.name || f.title))
    .map((f) => ({
      name: cleanPlatformLine(f.name || f.title || '', 255) || 'file',
      mimeType: cleanPlatformLine(f.mimetype ?? '', 255) || 'application/octet-stream',
      size: typeof f.size === 'number' && f.size >= 0 ? f.size : 0,
      ...(f.url_private ? { url: f.url_private } : {}),
    }));
}

/** The neutral message for one Slack event, click or command; the reference is stored for later posts. */
export function slackInbound(input: {
  eventId: string | undefined;
  ref: SlackReference;
  user: InboundUser;
  text: string;
  value?: Readonly<Record<string, unknown>>;
  attachments?: readonly InboundAttachment[];
  raw: unknown;
}): InboundMessage {
  return {
    ...(input.eventId ? { eventId: input.eventId } : {}),
    channel: 'slack',
    workspace: input.ref.team,
    conversationKey: conversationKeyOf(input.ref),
    user: input.user,
    text: input.text,
    ...(input.value ? { value: input.value } : {}),
    attachments: input.attachments ?? [],
    reference: input.ref,
    raw: input.raw,
  };
}
