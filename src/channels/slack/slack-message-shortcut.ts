import type { App, MessageShortcut } from '@slack/bolt';
import { SHORTCUT_TICKET_FROM_MESSAGE } from './slack-action-ids.js';
import { botIsInChannel } from './slack-bot-membership.js';
import { runThreadTurn } from './slack-held-turn.js';
import { attachmentsOf, type SlackFile, slackInbound } from './slack-inbound.js';
import type { SlackListenerDeps } from './slack-listener-deps.js';
import { withMentionNames } from './slack-mention-names.js';
import { TICKET_FROM_MESSAGE } from './slack-message-listeners.js';
import { messageWords } from './slack-message-words.js';
import { isDirectMessageChannel, type SlackReference } from './slack-reference.js';
import { slackTextToPlain } from './slack-text.js';

/**
 * "Create ticket from message": the message (its text, blocks and attachments, with the people
 * it mentions named) starts a ticket. The conversation is the message's thread, or the user's
 * DM with the bot when the bot can't talk where the message is (a DM it isn't part of, a channel
 * it was never invited to): the questions are asked, and answered, there.
 */
export function registerMessageShortcut(app: App, deps: SlackListenerDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT_TICKET_FROM_MESSAGE, async ({ ack, shortcut }) => {
    await ack();
    const team = shortcut.team?.id ?? shortcut.user.team_id ?? '';
    const userId = shortcut.user.id;
    const channel = shortcut.channel.id;
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message_ts;
    const inThread =
      !isDirectMessageChannel(channel) && (await botIsInChannel(deps.client, channel, threadTs));
    const ref: SlackReference = inThread
      ? { team, channel, threadTs, user: userId }
      : { team, channel: await deps.dms.of(team, userId), user: userId };
    const user = await deps.identities.inboundUser(team, userId);
    const words = await withMentionNames(deps, messageWords(shortcut.message), deps.botUserId());
    const message = slackInbound({
      eventId: `shortcut:${shortcut.trigger_id}`,
      ref,
      user,
      text: slackTextToPlain(words, deps.botUserId()),
      value: TICKET_FROM_MESSAGE,
      attachments: attachmentsOf(shortcut.message.files as SlackFile[] | undefined),
      raw: shortcut,
    });
    await runThreadTurn(deps, message, { ref, triggerId: shortcut.trigger_id });
  });
}
