import type { App } from '@slack/bolt';
import type { InboundMessage } from '../../core/inbound-message.js';
import { runThreadTurn } from './slack-held-turn.js';
import { attachmentsOf, type SlackFile, slackInbound } from './slack-inbound.js';
import type { SlackListenerDeps } from './slack-listener-deps.js';
import { withMentionNames } from './slack-mention-names.js';
import { fetchSourceMessage } from './slack-message-source.js';
import { isDirectMessageChannel, type SlackReference } from './slack-reference.js';
import { slackTextToPlain } from './slack-text.js';
import { followsThreadWithoutDatabase } from './slack-thread-without-database.js';

/** The fields of a message or app_mention event the bot reads. */
interface MessageEventLike {
  readonly subtype?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  /** In a thread reply: who wrote the thread's parent message. */
  readonly parent_user_id?: string;
  readonly channel: string;
  readonly channel_type?: string;
  readonly files?: readonly SlackFile[];
}

// Edits, deletions, joins and the like are not something the user said to the bot.
const HANDLED_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** A ticket request from a message: the router sends the click to the help skill, which starts ticket.create. */
export const TICKET_FROM_MESSAGE = { skill: 'core', intent: 'ticket.create' } as const;

/**
 * Direct messages, mentions (answered in their thread, which becomes the
 * conversation), follow-ups in such threads, and the ticket reaction.
 */
export function registerMessageListeners(app: App, deps: SlackListenerDeps, reaction: string): void {
  const teamOf = (context: { teamId?: string }, body: { team_id?: string }) =>
    context.teamId ?? body.team_id ?? '';

  app.event('message', async ({ event, body, context }) => {
    const e = event as unknown as MessageEventLike;
    if (!HANDLED_SUBTYPES.has(e.subtype) || !e.user || e.bot_id || e.user === deps.botUserId()) return;
    const team = teamOf(context, body);
    const eventId = body.event_id;
    if (e.channel_type === 'im' || isDirectMessageChannel(e.channel)) {
      await userTurn(eventId, { team, channel: e.channel, user: e.user }, e, body);
      return;
    }
    if (!e.thread_ts || e.thread_ts === e.ts) return;
    const reply = { ...e, user: e.user, thread_ts: e.thread_ts };
    const ref: SlackReference = { team, channel: e.channel, threadTs: e.thread_ts, user: e.user };
    let answer: boolean;
    try {
      answer = await answersThreadReply(team, reply);
    } catch (error) {
      // The database is down: whose thread this is can't be read, and the turn can't run.
      deps.logger.warn({ err: error, eventId }, 'slack thread reply: the conversation could not be read');
      if (mentionsBot(e.text)) return;
      if (await followsThreadWithoutDatabase(deps.client, deps.botUserId(), reply))
        await deps.turns.apologize(ref);
      return;
    }
    if (answer) await userTurn(eventId, ref, e, body);
  });

  const mentionsBot = (text: string | undefined) => {
    const bot = deps.botUserId();
    return Boolean(bot && text?.includes(`<@${bot}`));
  };

  /** True when a reply in a channel thread is the bot's to answer (reads the database). */
  async function answersThreadReply(
    team: string,
    e: MessageEventLike & { readonly user: string; readonly thread_ts: string },
  ): Promise<boolean> {
    const handledByDesk = await deps.desk?.onThreadMessage({
      team,
      channel: e.channel,
      threadTs: e.thread_ts,
      user: e.user,
      text: slackTextToPlain(e.text, deps.botUserId()),
      ...(e.files ? { files: e.files } : {}),
    });
    if (handledByDesk) return false;
    // A reply that mentions the bot also comes as app_mention; that listener answers it.
    if (mentionsBot(e.text)) return false;
    // Only the person the bot talks with there; others in the thread mention the bot to join in.
    const owner = await deps.lookup.ownerOf(team, `${e.channel}:${e.thread_ts}`);
    return owner !== null && owner === (await deps.identities.botUserIdOf(team, e.user));
  }

  app.event('app_mention', async ({ event, body, context }) => {
    const e = event as unknown as MessageEventLike;
    if (!e.user || e.bot_id || e.user === deps.botUserId()) return;
    const team = teamOf(context, body);
    const ref: SlackReference = isDirectMessageChannel(e.channel)
      ? { team, channel: e.channel, user: e.user }
      : { team, channel: e.channel, threadTs: e.thread_ts ?? e.ts, user: e.user };
    await userTurn(body.event_id, ref, e, body);
  });

  app.event('reaction_added', async ({ event, body, context }) => {
    if (event.reaction !== reaction || event.item.type !== 'message' || event.user === deps.botUserId())
      return;
    const team = teamOf(context, body);
    const { channel, ts } = event.item;
    let source: Awaited<ReturnType<typeof fetchSourceMessage>>;
    try {
      source = await fetchSourceMessage(deps.client, channel, ts);
    } catch (error) {
      deps.logger.warn({ err: error, channel, ts }, 'slack: the reacted message could not be read');
      return;
    }
    // The bot's own messages (answers, the agents' channel) are not something to file.
    if (!source || source.user === deps.botUserId()) return;
    const ref: SlackReference = isDirectMessageChannel(channel)
      ? { team, channel, user: event.user }
      : { team, channel, threadTs: source.threadTs ?? source.ts, user: event.user };
    const user = await deps.identities.inboundUser(team, event.user);
    const message = slackInbound({
      eventId: body.event_id,
      ref,
      user,
      text: slackTextToPlain(await withMentionNames(deps, source.text, deps.botUserId()), deps.botUserId()),
      value: TICKET_FROM_MESSAGE,
      attachments: attachmentsOf(source.files),
      raw: body,
    });
    await runTurn(message, ref);
  });

  async function userTurn(
    eventId: string,
    ref: SlackReference,
    e: MessageEventLike,
    raw: unknown,
  ): Promise<void> {
    const user = await deps.identities.inboundUser(ref.team, e.user ?? '');
    const message = slackInbound({
      eventId,
      ref,
      user,
      text: slackTextToPlain(e.text, deps.botUserId()),
      attachments: attachmentsOf(e.files),
      raw,
    });
    await runTurn(message, ref);
  }

  /** The turn, answered in its thread; see slack-held-turn.ts for someone else's open request there. */
  function runTurn(message: InboundMessage, ref: SlackReference): Promise<void> {
    return runThreadTurn(deps, message, { ref });
  }
}
