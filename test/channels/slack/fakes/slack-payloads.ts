/**
 * Slack payloads shaped like the samples in Slack's SDKs (slackapi/java-slack-sdk
 * json-logs/samples, slackapi/bolt-python tests/scenario_tests), with test values.
 */
import { FAKE_BOT_USER, FAKE_TEAM } from './fake-slack-api.js';

let counter = 0;
const next = () => ++counter;

/** A message ts like Slack's (seconds.micro). */
export function slackTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(next()).padStart(6, '0')}`;
}

export function eventId(): string {
  return `Ev0${String(next()).padStart(8, '0')}`;
}

/** The Events API envelope around an event. */
export function eventCallback(event: Record<string, unknown>, options: { id?: string; team?: string } = {}) {
  const team = options.team ?? FAKE_TEAM;
  return {
    token: 'verification-token',
    team_id: team,
    api_app_id: 'A0HELPDESK',
    event,
    type: 'event_callback',
    event_id: options.id ?? eventId(),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: team,
        user_id: FAKE_BOT_USER,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJ${next()}`,
  };
}

/** A direct message to the bot (message.im). */
export function directMessage(user: string, text: string, extra: Record<string, unknown> = {}) {
  const ts = slackTs();
  return {
    client_msg_id: `c0ffee${next()}-717f-41a8-9db8-c98ae14ad6a0`,
    type: 'message',
    text,
    user,
    ts,
    team: FAKE_TEAM,
    blocks: [
      {
        type: 'rich_text',
        block_id: 'b4a',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
      },
    ],
    channel: `D${user.replace(/^U/, '')}`,
    event_ts: ts,
    channel_type: 'im',
    ...extra,
  };
}

/** An @mention of the bot in a channel (app_mention); `threadTs` for a mention inside a thread. */
export function appMention(user: string, channel: string, text: string, threadTs?: string) {
  const ts = slackTs();
  return {
    client_msg_id: `m3nt10n${next()}-6a0a-4b3e-9f1e-5f2a1a9d7e11`,
    type: 'app_mention',
    text: `<@${FAKE_BOT_USER}> ${text}`,
    user,
    ts,
    team: FAKE_TEAM,
    channel,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}

/** A reply in a channel thread without a mention (message.channels). */
export function threadReply(
  user: string,
  channel: string,
  threadTs: string,
  text: string,
  extra: Record<string, unknown> = {},
) {
  const ts = slackTs();
  return {
    client_msg_id: `r3ply${next()}-1111-4b3e-9f1e-5f2a1a9d7e11`,
    type: 'message',
    text,
    user,
    ts,
    team: FAKE_TEAM,
    thread_ts: threadTs,
    parent_user_id: FAKE_BOT_USER,
    channel,
    event_ts: ts,
    channel_type: 'channel',
    ...extra,
  };
}

/** A file shared with a message (subtype file_share), as in bolt-python's file share scenario. */
export function fileShare(
  user: string,
  channel: string,
  text: string,
  file: { name: string; mimetype: string; size: number },
) {
  const id = `F0${next()}`;
  return {
    type: 'message',
    subtype: 'file_share',
    text,
    files: [
      {
        id,
        created: Math.floor(Date.now() / 1000),
        name: file.name,
        title: file.name,
        mimetype: file.mimetype,
        filetype: file.name.split('.').pop(),
        user,
        size: file.size,
        mode: 'hosted',
        is_external: false,
        is_public: false,
        url_private: `https://files.slack.com/files-pri/${FAKE_TEAM}-${id}/${file.name}`,
        url_private_download: `https://files.slack.com/files-pri/${FAKE_TEAM}-${id}/download/${file.name}`,
        permalink: `https://acme-support.slack.com/files/${user}/${id}/${file.name}`,
      },
    ],
    upload: false,
    user,
    display_as_bot: false,
    ts: slackTs(),
    channel,
    channel_type: channel.startsWith('D') ? 'im' : 'channel',
  };
}

export function reactionAdded(user: string, reaction: string, channel: string, ts: string, itemUser: string) {
  return {
    type: 'reaction_added',
    user,
    reaction,
    item: { type: 'message', channel, ts },
    item_user: itemUser,
    event_ts: slackTs(),
  };
}

export function appHomeOpened(user: string) {
  return {
    type: 'app_home_opened',
    user,
    channel: `D${user.replace(/^U/, '')}`,
    tab: 'home',
    event_ts: slackTs(),
  };
}

/** A slash command's form fields. */
export function slashCommand(user: string, channel: string, text: string, responseUrl: string) {
  return {
    token: 'verification-token',
    team_id: FAKE_TEAM,
    team_domain: 'acme-support',
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/helpdesk',
    text,
    api_app_id: 'A0HELPDESK',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${next()}.1111.${'a'.repeat(32)}`,
  };
}

/** A block_actions payload for a click on a button of a message the bot posted. */
export function blockActions(input: {
  user: string;
  channel: string;
  message: { ts: string; thread_ts?: string; blocks?: unknown };
  button: { action_id: string; block_id?: string; value?: string; text: string };
  responseUrl: string;
  ephemeral?: boolean;
}) {
  return {
    type: 'block_actions',
    user: {
      id: input.user,
      username: input.user.toLowerCase(),
      name: input.user.toLowerCase(),
      team_id: FAKE_TEAM,
    },
    api_app_id: 'A0HELPDESK',
    token: 'verification-token',
    container: {
      type: 'message',
      message_ts: input.message.ts,
      channel_id: input.channel,
      is_ephemeral: input.ephemeral ?? false,
      ...(input.message.thread_ts ? { thread_ts: input.message.thread_ts } : {}),
    },
    trigger_id: `${next()}.2222.${'b'.repeat(32)}`,
    team: { id: FAKE_TEAM, domain: 'acme-support' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel, name: input.channel.startsWith('D') ? 'directmessage' : 'general' },
    message: input.ephemeral
      ? undefined
      : {
          type: 'message',
          user: FAKE_BOT_USER,
          ts: input.message.ts,
          ...(input.message.thread_ts ? { thread_ts: input.message.thread_ts } : {}),
          blocks: input.message.blocks ?? [],
        },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [
      {
        action_id: input.button.action_id,
        block_id: input.button.block_id ?? 'b1',
        text: { type: 'plain_text', text: input.button.text, emoji: true },
        ...(input.button.value !== undefined ? { value: input.button.value } : {}),
        type: 'button',
        action_ts: slackTs(),
      },
    ],
  };
}

/** A static_select choice in a message (block_actions). */
export function selectAction(input: {
  user: string;
  channel: string;
  messageTs: string;
  actionId: string;
  blockId: string;
  value: string;
  label: string;
}) {
  return {
    type: 'block_actions',
    user: {
      id: input.user,
      username: input.user.toLowerCase(),
      name: input.user.toLowerCase(),
      team_id: FAKE_TEAM,
    },
    api_app_id: 'A0HELPDESK',
    token: 'verification-token',
    container: {
      type: 'message',
      message_ts: input.messageTs,
      channel_id: input.channel,
      is_ephemeral: false,
    },
    trigger_id: `${next()}.3333.${'c'.repeat(32)}`,
    team: { id: FAKE_TEAM, domain: 'acme-support' },
    channel: { id: input.channel, name: 'agents' },
    message: { type: 'message', user: FAKE_BOT_USER, ts: input.messageTs, blocks: [] },
    response_url: 'http://127.0.0.1:9/unused',
    actions: [
      {
        type: 'static_select',
        action_id: input.actionId,
        block_id: input.blockId,
        selected_option: { text: { type: 'plain_text', text: input.label, emoji: true }, value: input.value },
        action_ts: slackTs(),
      },
    ],
  };
}

/** A view_submission of a modal the bot opened, with the values typed in (state.values). */
export function viewSubmission(
  user: string,
  view: Record<string, unknown>,
  values: Record<string, Record<string, unknown>>,
) {
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM, domain: 'acme-support' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_TEAM },
    api_app_id: 'A0HELPDESK',
    token: 'verification-token',
    trigger_id: `${next()}.4444.${'d'.repeat(32)}`,
    view: {
      id: String(view.id ?? `V0${next()}`),
      team_id: FAKE_TEAM,
      type: 'modal',
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id,
      state: {
        values: Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { value: v }])),
      },
      hash: '1596530361.3wRYuk3R',
      title: view.title,
      clear_on_close: false,
      notify_on_close: view.notify_on_close ?? false,
      close: view.close ?? null,
      submit: view.submit ?? null,
      previous_view_id: null,
      root_view_id: String(view.id ?? ''),
      app_id: 'A0HELPDESK',
      external_id: '',
      app_installed_team_id: FAKE_TEAM,
      bot_id: 'B0HDBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** The "Create ticket from message" message shortcut (type message_action). */
export function messageShortcut(
  user: string,
  channel: string,
  message: { ts: string; user: string; text: string; thread_ts?: string },
  responseUrl: string,
) {
  return {
    type: 'message_action',
    token: 'verification-token',
    action_ts: slackTs(),
    team: { id: FAKE_TEAM, domain: 'acme-support' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_TEAM },
    channel: { id: channel, name: 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'hd_ticket_from_message',
    trigger_id: `${next()}.5555.${'e'.repeat(32)}`,
    response_url: responseUrl,
    message_ts: message.ts,
    message: {
      type: 'message',
      user: message.user,
      ts: message.ts,
      text: message.text,
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    },
  };
}
