/**
 * Bot Framework activities shaped like the ones Microsoft Teams sends (field
 * names, id formats, the HTML copy of each message, clientInfo and tenant
 * channelData), for driving the bot over HTTP in tests and benchmarks.
 */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:8c9f5e1a-5a1b-4b7e-9d0e-1f2a3b4c5d6e', name: 'Help desk' } as const;
export const AGENTS_CHANNEL = '19:agents0c6a1f2e4b8d9c3a7e5f@thread.tacv2';
export const SUPPORT_CHANNEL = '19:general7d2b4e6f8a0c1e3b5d7f@thread.tacv2';
export const TEAM_ID = '19:general7d2b4e6f8a0c1e3b5d7f@thread.tacv2';

export interface TeamsTestUser {
  /** The Bot Framework user id (29:...). */
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email: string;
}

/** A Teams user with stable made-up ids derived from a short name. */
export function teamsUser(short: string, name: string, email = `${short}@contoso.example`): TeamsTestUser {
  const hex = Buffer.from(short.padEnd(12, '0')).toString('hex').slice(0, 12).padEnd(12, '0');
  return {
    id: `29:1${Buffer.from(short).toString('base64url')}-teams-user`,
    aadObjectId: `6b1c2d3e-4f50-4a6b-8c7d-${hex}`,
    name,
    email,
  };
}

let sequence = 1_712_000_000_000;
/** A Teams message id (a millisecond timestamp, as Teams uses). */
export function nextMessageId(): string {
  return String(sequence++);
}

/** The personal (1:1) chat id of a user with the bot. */
export function personalConversationId(user: TeamsTestUser): string {
  return `a:1${Buffer.from(user.aadObjectId).toString('base64url')}`;
}

interface Common {
  readonly serviceUrl: string;
  readonly user: TeamsTestUser;
  readonly conversation: Record<string, unknown> & { id: string };
  readonly channelData?: Record<string, unknown>;
}

function base(type: string, c: Common): Record<string, unknown> {
  const now = new Date();
  return {
    type,
    id: nextMessageId(),
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString().replace('Z', '+02:00'),
    channelId: 'msteams',
    serviceUrl: c.serviceUrl,
    from: { id: c.user.id, name: c.user.name, aadObjectId: c.user.aadObjectId },
    conversation: c.conversation,
    recipient: { ...BOT },
    entities: [
      { locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin', type: 'clientInfo' },
    ],
    channelData: { tenant: { id: TENANT_ID }, ...c.channelData },
    locale: 'en-US',
    localTimezone: 'Europe/Berlin',
  };
}

export function personalConversation(user: TeamsTestUser): Common['conversation'] {
  return { conversationType: 'personal', tenantId: TENANT_ID, id: personalConversationId(user) };
}

export function channelConversation(channelId: string, rootId: string): Common['conversation'] {
  return {
    isGroup: true,
    conversationType: 'channel',
    tenantId: TENANT_ID,
    id: `${channelId};messageid=${rootId}`,
  };
}

export function groupConversation(id: string): Common['conversation'] {
  return { isGroup: true, conversationType: 'groupChat', tenantId: TENANT_ID, id };
}

function channelData(channelId: string): Record<string, unknown> {
  return {
    teamsChannelId: channelId,
    teamsTeamId: TEAM_ID,
    channel: { id: channelId },
    team: { id: TEAM_ID },
  };
}

export interface MessageOptions {
  readonly attachments?: readonly Record<string, unknown>[];
  /** @mention the bot at the start of the message (channels and group chats). */
  readonly mention?: boolean;
}

/** A message as Teams posts it: text, its HTML copy, and the bot's mention entity when mentioned. */
export function message(
  serviceUrl: string,
  user: TeamsTestUser,
  conversation: Common['conversation'],
  text: string,
  options: MessageOptions = {},
): Record<string, unknown> {
  const isChannel = conversation.conversationType === 'channel';
  const channelId = conversation.id.split(';')[0] ?? conversation.id;
  const activity = base('message', {
    serviceUrl,
    user,
    conversation,
    ...(isChannel ? { channelData: channelData(channelId) } : {}),
  });
  const mentionText = `<at>${BOT.name}</at>`;
  const fullText = options.mention ? `${mentionText} ${text}\n` : text;
  const html = options.mention
    ? `<div><div><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${BOT.name}</span>&nbsp;${text}</div></div>`
    : `<p>${text}</p>`;
  return {
    ...activity,
    text: fullText,
    textFormat: 'plain',
    attachments: [{ contentType: 'text/html', content: html }, ...(options.attachments ?? [])],
    entities: [
      ...(activity.entities as unknown[]),
      ...(options.mention ? [{ mentioned: { ...BOT }, text: mentionText, type: 'mention' }] : []),
    ],
  };
}

/** A personal-chat message. */
export function personalMessage(
  serviceUrl: string,
  user: TeamsTestUser,
  text: string,
  options: MessageOptions = {},
): Record<string, unknown> {
  return message(serviceUrl, user, personalConversation(user), text, options);
}

/** An Action.Submit click: a message with the card's data (plus inputs) as `value` and no text. */
export function cardSubmit(
  serviceUrl: string,
  user: TeamsTestUser,
  conversation: Common['conversation'],
  value: Record<string, unknown>,
  replyToId: string,
): Record<string, unknown> {
  const activity = base('message', { serviceUrl, user, conversation });
  return {
    ...activity,
    replyToId,
    value,
    channelData: { ...(activity.channelData as object), source: { name: 'message' }, legacy: { replyToId } },
  };
}

/** An Action.Execute click: the `adaptiveCard/action` invoke. */
export function executeInvoke(
  serviceUrl: string,
  user: TeamsTestUser,
  conversation: Common['conversation'],
  action: { verb: string; title: string; data: Record<string, unknown> },
  replyToId: string,
): Record<string, unknown> {
  const isChannel = conversation.conversationType === 'channel';
  const channelId = conversation.id.split(';')[0] ?? conversation.id;
  const activity = base('invoke', {
    serviceUrl,
    user,
    conversation,
    ...(isChannel ? { channelData: channelData(channelId) } : {}),
  });
  return {
    ...activity,
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', ...action }, trigger: 'manual' },
  };
}

/** The bot was added to a personal chat. */
export function personalInstall(serviceUrl: string, user: TeamsTestUser): Record<string, unknown> {
  const activity = base('conversationUpdate', { serviceUrl, user, conversation: personalConversation(user) });
  return { ...activity, id: `f:${nextMessageId()}`, membersAdded: [{ id: BOT.id }] };
}

/** The bot was added to a team (the event arrives in its General channel). */
export function teamInstall(serviceUrl: string, user: TeamsTestUser): Record<string, unknown> {
  const activity = base('conversationUpdate', {
    serviceUrl,
    user,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: TEAM_ID },
    channelData: {
      team: { id: TEAM_ID, name: 'Support', aadGroupId: '0a1b2c3d-0000-4000-8000-000000000001' },
      eventType: 'teamMemberAdded',
    },
  });
  return { ...activity, id: `f:${nextMessageId()}`, membersAdded: [{ id: BOT.id }] };
}

/** A file sent in a personal chat (OneDrive upload). */
export function fileAttachment(name: string, fileType: string): Record<string, unknown> {
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    contentUrl: `https://contoso-my.sharepoint.com/personal/alice/Documents/Microsoft Teams Chat Files/${name}`,
    name,
    content: {
      downloadUrl: `https://contoso-my.sharepoint.com/personal/alice/_layouts/15/download.aspx?UniqueId=${name}&tempauth=x`,
      uniqueId: '70d29f4a-05b7-434a-b7e6-b651fbfef508',
      fileType,
    },
  };
}

/** An image pasted into the compose box. */
export function inlineImage(serviceUrl: string): Record<string, unknown> {
  return {
    contentType: 'image/png',
    contentUrl: `${serviceUrl}v3/attachments/0-weu-d2-abc/views/original`,
  };
}
