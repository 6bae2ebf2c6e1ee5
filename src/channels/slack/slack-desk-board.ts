import { createHash } from 'node:crypto';
import { UndeliverableError } from '../../core/outbox-dispatcher.js';
import type { DeskEvent, LiveChat } from '../../skills/handoff/agent-desk.js';
import { isHandoffOver } from '../../skills/handoff/handoff-state-machine.js';
import { type EscalationState, renderEscalation } from './render-agent-desk.js';
import type { AgentThreadLocation } from './slack-agent-threads.js';
import type { SlackAgentDeskDeps } from './slack-desk-deps.js';
import { createDeskRelays } from './slack-desk-relays.js';
import { escapeMrkdwn, toMrkdwn } from './slack-mrkdwn.js';
import { slackErrorCode } from './slack-poster.js';

/** Slack's answers to an update of a message that can no longer be rewritten (trying again fails again). */
const GONE_MESSAGE_ERRORS = new Set([
  'message_not_found',
  'channel_not_found',
  'is_archived',
  'is_inactive',
  'cant_update_message',
  'edit_window_closed',
]);

/**
 * The agents' channel as a board of live chats: one escalation message per chat,
 * rewritten as the chat changes, and its thread carrying the conversation. Every
 * bot instance hears each desk event; AgentThread rows and once-marks make sure
 * a message is posted once. Thread lines go through the outbox (see `DeskRelayLane`).
 */
export interface DeskBoard {
  onEvent(event: DeskEvent): Promise<void>;
  /**
   * The chats the agents' channel is behind on: waiting with no escalation message
   * (its post failed, or the chat waited while the bot was down), or whose message
   * Slack refused to rewrite (marked in its AgentThread row, so any instance redoes it,
   * also after a restart).
   */
  behind(): Promise<string[]>;
  /** Posts or rewrites the chat's escalation message as it is now (see `behind`). */
  catchUp(handoffId: string): Promise<void>;
  /** Posts the queued thread lines that are due (tests, shutdown). */
  deliverQueued(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createDeskBoard(deps: SlackAgentDeskDeps): DeskBoard {
  const { client, services } = deps;
  const t = services.responses.t;

  const ticketUrl = (chat: LiveChat) =>
    `${services.config.TICKET_BASE_URL.replace(/\/$/, '')}/${chat.ticketNumber.replace(/^#/, '')}`;

  async function agentName(agentId: string | null): Promise<string> {
    if (!agentId) return '—';
    return (await services.users.byId(agentId))?.displayName ?? agentId;
  }

  async function stateOf(chat: LiveChat, note = ''): Promise<EscalationState> {
    switch (chat.status) {
      case 'pending':
        return { kind: 'waiting' };
      case 'transferred':
        return { kind: 'transferred', note };
      case 'assigned':
        return { kind: 'claimed', agentName: await agentName(chat.agentId) };
      default:
        return { kind: 'closed' };
    }
  }

  function message(chat: LiveChat, state: EscalationState) {
    return renderEscalation({ chat, state, ticketUrl: ticketUrl(chat), now: services.clock() }, t);
  }

  /**
   * The chat's escalation message, posted by exactly one instance; null when there is
   * none (yet). `state` rewrites it (claimed, transferred, closed); messages leave it as is.
   */
  async function located(chat: LiveChat, state: EscalationState | null): Promise<AgentThreadLocation | null> {
    const existing = await deps.threads.byHandoff(chat.handoffId);
    if (existing) {
      if (state) await rewrite(chat, state, existing);
      return existing;
    }
    const team = deps.homeTeam();
    if (!deps.agentsChannel || !team) return null;
    const reservation = await deps.threads.reserve(chat.handoffId, team);
    if (!reservation) return null;
    let location: AgentThreadLocation;
    try {
      const posted = await client.chat.postMessage({
        channel: deps.agentsChannel,
        ...message(chat, state ?? (await stateOf(chat))),
      });
      location = { team, channel: posted.channel ?? deps.agentsChannel, ts: posted.ts ?? '' };
    } catch (error) {
      await deps.threads.release(chat.handoffId, reservation);
      throw error;
    }
    if (await deps.threads.placed(chat.handoffId, reservation, location)) return location;
    // This post outlived its reservation and another instance posted the chat: one message stays.
    deps.logger.warn({ handoffId: chat.handoffId }, 'slack escalation posted twice; removing this copy');
    await client.chat
      .delete({ channel: location.channel, ts: location.ts })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'slack duplicate escalation not removed'));
    return deps.threads.byHandoff(chat.handoffId);
  }

  /**
   * Rewrites the escalation message; when Slack refuses, the message is marked stale
   * in its AgentThread row and rewritten by the next resync of any instance (this one,
   * another, or the next to start), so it does not keep offering Claim on a claimed chat.
   */
  async function rewrite(chat: LiveChat, state: EscalationState, where: AgentThreadLocation): Promise<void> {
    try {
      await client.chat.update({ channel: where.channel, ts: where.ts, ...message(chat, state) });
    } catch (error) {
      // A message deleted (or a channel archived) stays so: trying again would only fail again.
      const gone = GONE_MESSAGE_ERRORS.has(slackErrorCode(error) ?? '');
      deps.logger.warn(
        { err: error, handoffId: chat.handoffId },
        gone
          ? 'slack escalation not updated: the message is gone'
          : 'slack escalation not updated; the resync tries again',
      );
      if (gone) await keepMark(chat.handoffId, () => deps.threads.clearStale(chat.handoffId));
      // A transfer's note is only known from its event: the mark keeps it for the rewrite.
      else
        await keepMark(chat.handoffId, () =>
          deps.threads.markStale(chat.handoffId, state.kind === 'transferred' ? state.note : ''),
        );
      return;
    }
    await keepMark(chat.handoffId, () => deps.threads.clearStale(chat.handoffId));
  }

  /** The stale mark is bookkeeping: a database that fails it leaves the message as it is, logged. */
  async function keepMark(handoffId: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      deps.logger.warn({ err: error, handoffId }, 'slack escalation stale mark not stored');
    }
  }

  async function behind(): Promise<string[]> {
    const ids = new Set(await deps.threads.staleHandoffs());
    if (!deps.agentsChannel || !deps.homeTeam()) return [...ids];
    for (const chat of await deps.desk.queue())
      if (!(await deps.threads.byHandoff(chat.handoffId))) ids.add(chat.handoffId);
    return [...ids];
  }

  async function catchUp(handoffId: string): Promise<void> {
    const chat = await deps.desk.chat(handoffId);
    if (!chat) {
      await deps.threads.clearStale(handoffId);
      return;
    }
    // Rewritten as the chat is now, with the transfer note the failed rewrite had.
    const staleNote = await deps.threads.staleNote(handoffId);
    if (staleNote !== null) {
      await located(chat, await stateOf(chat, staleNote));
      // A chat that is over changes no more: one more try, then its message is left as Slack has it.
      if (isHandoffOver(chat.status)) await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
    } else if (chat.status === 'pending' || chat.status === 'transferred') await located(chat, null);
  }

  /** Posts a queued line into the chat's thread, posting the escalation first if it is not there. */
  async function postLine(handoffId: string, text: string): Promise<void> {
    const chat = await deps.desk.chat(handoffId);
    if (!chat) throw new UndeliverableError(`no live chat ${handoffId}`);
    const where = await located(chat, null);
    if (!where) throw new Error(`the escalation of ${handoffId} is not posted yet`);
    await client.chat.postMessage({ channel: where.channel, thread_ts: where.ts, text, unfurl_links: false });
  }

  const relays = createDeskRelays({ outbox: services.outbox, post: postLine, logger: deps.logger });

  /**
   * Queues a line for the chat's thread; `onceKey` makes one instance queue it when
   * each one hears the event. Nothing is queued while no agents' channel is set.
   */
  async function relay(chat: LiveChat, mrkdwn: string, onceKey: string | null): Promise<void> {
    if (!deps.agentsChannel) return;
    if (onceKey && !(await deps.once.claim(onceKey))) return;
    try {
      await relays.queue(chat.handoffId, mrkdwn);
    } catch (error) {
      if (onceKey) await deps.once.consume(onceKey);
      throw error;
    }
  }

  async function onEvent(event: DeskEvent): Promise<void> {
    if (event.type === 'availability') return;
    const { chat } = event;
    const id = chat.handoffId;
    // Thread lines are queued before the escalation message is rewritten: a Slack
    // outage may leave the message behind for a while, never the conversation.
    switch (event.type) {
      case 'queued':
        await located(chat, { kind: 'waiting' });
        return;
      case 'claimed': {
        const agent = await agentName(event.agentId);
        await relay(
          chat,
          toMrkdwn(t('slack.desk.claimed_thread', { agent, user: chat.requester.name })),
          `slack-desk:${id}:claimed:${event.agentId}:${chat.waitingSince.getTime()}`,
        );
        await located(chat, await stateOf(chat));
        return;
      }
      case 'user-message': {
        const line = t('slack.desk.user_line', { name: event.entry.authorName, text: event.entry.text });
        await relay(chat, toMrkdwn(line), `slack-desk:${id}:entry:${event.entry.id}`);
        return;
      }
      case 'agent-message': {
        // Every instance hears this: the one that claims the entry decides, so the relay
        // mark of a reply typed in this thread (Slack shows it already) is read once.
        if (!deps.agentsChannel) return;
        if (!(await deps.once.claim(`slack-desk:${id}:entry:${event.entry.id}`))) return;
        if (await deps.once.consume(relayKey(id, event.entry.text))) return;
        const line = t('slack.desk.agent_line', { name: event.entry.authorName, text: event.entry.text });
        await relay(chat, toMrkdwn(line), null);
        return;
      }
      case 'transferred': {
        const agent = await agentName(chat.agentId);
        await relay(
          chat,
          toMrkdwn(t('slack.desk.transferred_thread', { agent, note: event.note || '—' })),
          `slack-desk:${id}:transferred:${chat.waitingSince.getTime()}`,
        );
        await located(chat, { kind: 'transferred', note: event.note });
        return;
      }
      case 'reminder': {
        const team = deps.homeTeam() ?? (await deps.threads.byHandoff(id))?.team;
        const slackUser = team ? await deps.identities.slackUserOf(team, event.agentId) : null;
        const agent = slackUser ? `<@${slackUser}>` : escapeMrkdwn(await agentName(event.agentId));
        const text = `${agent} ${toMrkdwn(t('slack.desk.reminder', { user: chat.requester.name }))}`;
        // Every instance hears the reminder; one posts it (per minute, as reminders repeat).
        const minute = Math.floor(services.clock().getTime() / 60_000);
        await relay(chat, text, `slack-desk:${id}:reminder:${minute}`);
        return;
      }
      case 'closed':
        await relay(chat, toMrkdwn(t(`slack.desk.closed_thread.${event.by}`)), `slack-desk:${id}:closed`);
        await located(chat, { kind: 'closed' });
        return;
    }
  }

  return {
    onEvent,
    behind,
    catchUp,
    deliverQueued: () => relays.runOnce(),
    start: () => relays.start(),
    stop: () => relays.stop(),
  };
}

/** The mark of a reply an agent typed in the thread: its echo from the desk is not posted again. */
export function relayKey(handoffId: string, text: string): string {
  return `slack-relay:${handoffId}:${createHash('sha1').update(text.trim()).digest('hex')}`;
}
