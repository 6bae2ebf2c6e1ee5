import { type Activity, TurnContext } from 'botbuilder';
import type { InboundAttachment, InboundMessage } from '../../core/inbound-message.js';
import { CONTROL_CHARACTER, ESCAPE_SEQUENCE } from '../../text/control-characters.js';
import { cleanPlatformLine } from '../../text/platform-line.js';
import { ACTION_VALUE_KEY, SHOWN_TO_KEY } from './render-adaptive-card.js';

/** The invoke Teams sends for an Action.Execute click. */
export const ADAPTIVE_CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** The Microsoft 365 tenant of an activity: the workspace of everything said in it. */
export function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : '');
}

/** What a click on a card carried: an Action.Submit's `value`, or an Action.Execute's `action.data`. */
export function cardActionData(activity: Partial<Activity>): Record<string, unknown> | undefined {
  if (activity.type === 'invoke') {
    const action = (activity.value as { action?: { data?: unknown } } | undefined)?.action;
    return isRecord(action?.data) ? action.data : {};
  }
  return isRecord(activity.value) ? activity.value : undefined;
}

/** The verb of an Action.Execute invoke ('' for anything else). */
export function executeVerb(activity: Partial<Activity>): string {
  if (activity.type !== 'invoke' || activity.name !== ADAPTIVE_CARD_ACTION_INVOKE) return '';
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb : '';
}

/**
 * A Teams message, card submit or Action.Execute invoke as the neutral inbound
 * message; null when there is nothing to handle (an empty message).
 * The conversation key is the Teams conversation id: a channel's reply chain
 * has its own (`19:...@thread.tacv2;messageid=...`), so each thread is its own conversation.
 */
export function toInboundMessage(activity: Activity): InboundMessage | null {
  const data = cardActionData(activity);
  const value = data ? neutralValue(data) : undefined;
  const text = value ? '' : plainText(activity);
  const attachments = inboundAttachments(activity);
  if (!text && !value && attachments.length === 0) return null;
  const from = activity.from ?? { id: '', name: '' };
  return {
    // Teams message ids are timestamps, unique within a conversation only.
    eventId: activity.id ? `${activity.conversation.id}|${activity.id}` : undefined,
    channel: 'teams',
    workspace: tenantOf(activity),
    conversationKey: activity.conversation.id,
    user: {
      externalId: from.aadObjectId || from.id,
      ...(from.name ? { displayName: from.name } : {}),
    },
    text,
    ...(value ? { value } : {}),
    attachments,
    reference: TurnContext.getConversationReference(activity),
    raw: activity,
  };
}

/**
 * A card's data as the neutral value: the button's value, plus the form's inputs
 * under `form` (the shape the web chat posts); whom the card was shown to is the
 * channel's business (teams-button-owner.ts), not the skill's. Data of a card the
 * bot did not render (no `value` key) is passed on as it is.
 */
export function neutralValue(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const carried = data[ACTION_VALUE_KEY];
  if (!isRecord(carried)) return { ...data };
  const form: Record<string, string> = {};
  for (const [key, raw] of Object.entries(data)) {
    if (key === ACTION_VALUE_KEY || key === SHOWN_TO_KEY || key === 'msteams') continue;
    form[key] = typeof raw === 'string' ? raw : JSON.stringify(raw);
  }
  return Object.keys(form).length > 0 ? { ...carried, form } : { ...carried };
}

/** True when the message @mentions the bot. */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: unknown } }).mentioned?.id === botId,
  );
}

/**
 * A message in a channel or group chat the bot should not answer: with the
 * ChannelMessage.Read.Group permission Teams sends the bot every channel message,
 * and people talking to each other must not get a help-desk answer. Card clicks
 * and messages that mention the bot are for it.
 */
export function isOverheard(activity: Partial<Activity>): boolean {
  const group = activity.conversation?.isGroup || activity.conversation?.conversationType === 'channel';
  return Boolean(group) && activity.value === undefined && !mentionsBot(activity);
}

/** The message text without the bot's @mention (other people's mentions keep their names). */
export function plainText(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mention = entity as { text?: unknown; mentioned?: { id?: unknown } };
    if (typeof mention.text !== 'string') continue;
    if (mention.mentioned?.id === botId) text = text.split(mention.text).join(' ');
  }
  text = text.replace(/<at[^>]*>(.*?)<\/at>/gi, '$1');
  // Control characters are dropped: an agent's answer is stored as it comes from here.
  return decodeEntities(text)
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL_CHARACTER, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const entities: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = hex ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      // A number past the last code point (`&#99999999;`) is no character: kept as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Content types Teams attaches that are not files: the HTML copy of the message, and cards. */
function isFileAttachment(contentType: string): boolean {
  return contentType !== 'text/html' && !contentType.startsWith('application/vnd.microsoft.card.');
}

const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/**
 * Files and pasted images. A file in personal chat is a `file.download.info`
 * attachment whose `contentUrl` is the durable OneDrive/SharePoint link (the
 * `downloadUrl` inside expires in minutes); a pasted image has its own type and a
 * Bot Framework attachment URL. Sizes are not sent by Teams.
 */
export function inboundAttachments(activity: Partial<Activity>): InboundAttachment[] {
  const out: InboundAttachment[] = [];
  for (const a of activity.attachments ?? []) {
    if (!a.contentUrl || !a.contentType || !isFileAttachment(a.contentType)) continue;
    const content = a.content as { fileType?: unknown } | undefined;
    const fileType = typeof content?.fileType === 'string' ? content.fileType : extensionOf(a.name);
    const mimeType = a.contentType === FILE_DOWNLOAD_INFO ? mimeTypeOf(fileType) : a.contentType;
    const name =
      cleanPlatformLine(a.name ?? '', 255) ||
      `attachment-${out.length + 1}${fileType ? `.${fileType}` : extensionFor(mimeType)}`;
    out.push({ name, mimeType, size: 0, url: cleanPlatformLine(a.contentUrl, 8192) });
  }
  return out;
}

function extensionOf(name: string | undefined): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}

const mimeTypes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

function mimeTypeOf(fileType: string): string {
  return mimeTypes[fileType.toLowerCase()] ?? 'application/octet-stream';
}

function extensionFor(mimeType: string): string {
  const entry = Object.entries(mimeTypes).find(([, m]) => m === mimeType);
  return entry ? `.${entry[0]}` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
