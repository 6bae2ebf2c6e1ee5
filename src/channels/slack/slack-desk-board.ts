import { createHash } from 'node:crypto';
import { UndeliverableError } from '../../core/outbox-dispatcher.js';
import {
  type DeskEvent,
  ESCALATION_REWRITES,
  escalationShown,
  type LiveChat,
} from '../../skills/handoff/agent-desk.js';
import { isHandoffOver, WAITING_HANDOFF_STATUSES } from '../../skills/handoff/handoff-state-machine.js';
import { type EscalationState, renderEscalation } from './render-agent-desk.js';
import type { AgentThreadLocation } from './slack-agent-threads.js';
import type { SlackAgentDeskDeps } from './slack-desk-deps.js';
import { createDeskRelays } from './slack-desk-relays.js';
import { escapeMrkdwn, toMrkdwn } from './slack-mrkdwn.js';
import { slackErrorCode } from './slack-poster.js';

/**
 * Slack's answers to an update of a message that is gone: deleted ("No message exists with the
 * requested timestamp"), or in a channel the bot can no longer find. Its thread leads nowhere.
 */
const GONE_MESSAGE_ERRORS = new Set(['message_not_found', 'channel_not_found']);

/**
 * Slack's answers to an update of a message that is still there but can no longer be rewritten
 * (trying again fails again): agents still see it, and its thread still carries the chat.
 */
const LOCKED_MESSAGE_ERRORS = new Set([
  'cant_update_message',
  'edit_window_closed',
  'is_archived',
  'is_inactive',
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

  /**
   * How the message shows the chat as it is now. A transfer's note is only known from its
   * event (`note`), or from the stale mark of a rewrite that failed: a transferred chat shows
   * the one it has.
   */
  async function stateNow(chat: LiveChat, note: string | null): Promise<EscalationState> {
    if (chat.status !== 'transferred') return stateOf(chat);
    return stateOf(chat, note ?? (await deps.threads.staleNote(chat.handoffId)) ?? '');
  }

  function message(chat: LiveChat, state: EscalationState) {
    return renderEscalation({ chat, state, ticketUrl: ticketUrl(chat), now: services.clock() }, t);
  }

  /** The chat's escalation message: the one posted, or posted now; null when there is none (yet). */
  async function located(handoffId: string): Promise<AgentThreadLocation | null> {
    return (await deps.threads.byHandoff(handoffId)) ?? post(handoffId, null);
  }

  /**
   * Posts the chat's escalation message as the chat is now (read from the database, not an
   * event's copy), by exactly one instance: null when another post of it is under way, or
   * there is no agents' channel (or chat). `note`: the transfer note, as `stateNow` takes it.
   */
  async function post(handoffId: string, note: string | null): Promise<AgentThreadLocation | null> {
    const team = deps.homeTeam();
    if (!deps.agentsChannel || !team) return null;
    const reservation = await deps.threads.reserve(handoffId, team);
    if (!reservation) return null;
    let chat: LiveChat | null;
    let location: AgentThreadLocation;
    let shown = note;
    // The transfer note of the message (null: it shows no transfer), which a refused post leaves
    // in the row for the next try in place of an older one; before the chat is read, only a
    // transfer event's own note is known to be the latest.
    let refusedNote: string | null | undefined = note ?? undefined;
    try {
      chat = await deps.desk.chat(handoffId);
      if (!chat) {
        await deps.threads.release(handoffId, reservation, null);
        return null;
      }
      const state = await stateNow(chat, note);
      // The note shown is kept for a rewrite: the one `forget` kept goes once the message is placed.
      if (state.kind === 'transferred') shown = state.note;
      refusedNote = state.kind === 'transferred' ? state.note : null;
      const posted = await client.chat.postMessage({ channel: deps.agentsChannel, ...message(chat, state) });
      location = { team, channel: posted.channel ?? deps.agentsChannel, ts: posted.ts ?? '' };
    } catch (error) {
      await deps.threads.release(handoffId, reservation, refusedNote);
      throw error;
    }
    if (!(await deps.threads.placed(handoffId, reservation, location))) {
      // This post outlived its reservation and another instance posted the chat: one message stays.
      deps.logger.warn({ handoffId }, 'slack escalation posted twice; removing this copy');
      await client.chat
        .delete({ channel: location.channel, ts: location.ts })
        .catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'slack duplicate escalation not removed'),
        );
      return deps.threads.byHandoff(handoffId);
    }
    // A change made while the message was being posted found no message to rewrite: it catches up.
    const now = await deps.desk.chat(handoffId);
    if (now && escalationShown(now) !== escalationShown(chat)) await refresh(handoffId, shown);
    return location;
  }

  /** Rewrites the chat's escalation message, or posts it when there is none (yet). */
  async function show(handoffId: string, note: string | null): Promise<void> {
    if (await deps.threads.byHandoff(handoffId)) await refresh(handoffId, note);
    else await post(handoffId, note);
  }

  /**
   * The escalation message, rewritten as the chat is now: read from the database at the time
   * of the rewrite, never from an event's copy (an instance that hears an event late would
   * otherwise put Claim back on a chat claimed meanwhile), and read again after it, so that a
   * change whose own rewrite landed first is not left under an older one. A chat that keeps
   * changing is rewritten `ESCALATION_REWRITES` times in a row, then marked stale for the resync. When
   * Slack refuses, see `notUpdated`. `note`: the transfer note, as `stateNow` takes it.
   * Resolves to the chat as last read; null when the chat or its message is not there.
   */
  async function refresh(handoffId: string, note: string | null): Promise<LiveChat | null> {
    let known = note;
    for (let attempt = 1; ; attempt++) {
      const where = await deps.threads.byHandoff(handoffId);
      if (!where) return null;
      const chat = await deps.desk.chat(handoffId);
      if (!chat) {
        await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
        return null;
      }
      const state = await stateNow(chat, known);
      // The note shown is kept for the next rewrite: the stale mark it may come from is cleared.
      if (state.kind === 'transferred') known = state.note;
      try {
        await client.chat.update({ channel: where.channel, ts: where.ts, ...message(chat, state) });
      } catch (error) {
        await notUpdated(chat, known, where, error);
        return chat;
      }
      const now = await deps.desk.chat(handoffId);
      if (!now || escalationShown(now) === escalationShown(chat)) {
        await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
        return chat;
      }
      if (attempt >= ESCALATION_REWRITES) {
        deps.logger.warn({ handoffId }, 'slack escalation behind its chat; the resync rewrites it');
        await keepMark(handoffId, () =>
          deps.threads.markStale(handoffId, now.status === 'transferred' ? (known ?? '') : ''),
        );
        return now;
      }
    }
  }

  /**
   * Slack refused a rewrite of the message at `where`. Refused for now: the message is marked
   * stale in its AgentThread row (with the transfer note it shows), and the next resync of any
   * instance (this one, another, or the next to start) rewrites it. Still there but no longer
   * editable (edit window closed, channel archived…): trying again would only fail again, so it
   * is left as it is, its thread still carrying the chat. Gone (deleted): a claimed or finished
   * chat's message is left so, and a chat still waiting for an agent gets a new message, as a
   * chat without one would, showing the transfer note this one showed.
   */
  async function notUpdated(
    chat: LiveChat,
    note: string | null,
    where: AgentThreadLocation,
    error: unknown,
  ): Promise<void> {
    const handoffId = chat.handoffId;
    const code = slackErrorCode(error) ?? '';
    if (LOCKED_MESSAGE_ERRORS.has(code)) {
      deps.logger.warn(
        { err: error, handoffId },
        'slack escalation not updated: Slack no longer lets it be edited',
      );
      await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
      return;
    }
    if (!GONE_MESSAGE_ERRORS.has(code)) {
      deps.logger.warn({ err: error, handoffId }, 'slack escalation not updated; the resync tries again');
      await keepMark(handoffId, () =>
        deps.threads.markStale(handoffId, chat.status === 'transferred' ? (note ?? '') : ''),
      );
      return;
    }
    const now = await deps.desk.chat(handoffId);
    if (!now || !WAITING_HANDOFF_STATUSES.includes(now.status)) {
      deps.logger.warn({ err: error, handoffId }, 'slack escalation not updated: the message is gone');
      await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
      return;
    }
    deps.logger.warn({ err: error, handoffId }, 'slack escalation gone; the waiting chat gets a new one');
    // Should the new message not be posted now, the chat has none: the resync posts one, with the
    // note its row keeps.
    const kept = now.status === 'transferred' ? (note ?? '') : null;
    await deps.threads.forget(handoffId, where, kept);
    await post(handoffId, kept);
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
    // Rewritten (or posted again, when it is gone) as the chat is now, with the transfer note
    // the failed rewrite had.
    const staleNote = await deps.threads.staleNote(handoffId);
    if (await deps.threads.byHandoff(handoffId)) {
      if (staleNote === null) return;
      const now = await refresh(handoffId, staleNote);
      // A chat that is over changes no more: one more try, then its message is left as Slack has it.
      if (now && isHandoffOver(now.status))
        await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
    } else if (WAITING_HANDOFF_STATUSES.includes(chat.status)) await post(handoffId, staleNote);
    // A gone message's note, kept for a chat that no longer waits: no message is posted for it.
    else if (staleNote !== null) await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
  }

  /** Posts a queued line into the chat's thread, posting the escalation first if it is not there. */
  async function postLine(handoffId: string, text: string): Promise<void> {
    const chat = await deps.desk.chat(handoffId);
    if (!chat) throw new UndeliverableError(`no live chat ${handoffId}`);
    const where = await located(handoffId);
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
        await show(id, null);
        return;
      case 'claimed': {
        const agent = await agentName(event.agentId);
        await relay(
          chat,
          toMrkdwn(t('slack.desk.claimed_thread', { agent, user: chat.requester.name })),
          `slack-desk:${id}:claimed:${event.agentId}:${chat.waitingSince.getTime()}`,
        );
        await show(id, null);
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
        await show(id, event.note);
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
        await show(id, null);
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
