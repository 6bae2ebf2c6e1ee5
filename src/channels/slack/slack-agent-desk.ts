import { createHash } from 'node:crypto';
import type { App, BlockAction, ButtonAction, StaticSelectAction, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AppServices } from '../../app-module.js';
import { KeyedLock } from '../../core/keyed-lock.js';
import { isTicketStatus, TICKET_STATUSES, type TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';
import type { AgentDesk, DeskEvent, LiveChat } from '../../skills/handoff/agent-desk.js';
import {
  type EscalationState,
  renderEscalation,
  renderNoteModal,
  renderTransferModal,
} from './render-agent-desk.js';
import { ACTION_DESK, VIEW_DESK_NOTE, VIEW_DESK_TRANSFER } from './slack-action-ids.js';
import type { AgentThreadLocation, AgentThreads } from './slack-agent-threads.js';
import type { SlackIdentities } from './slack-identities.js';
import { attachmentsOf } from './slack-inbound.js';
import type { AgentThreadMessage, SlackDeskThreads } from './slack-listener-deps.js';
import { escapeMrkdwn, toMrkdwn } from './slack-mrkdwn.js';
import type { OnceMarks } from './slack-once.js';

/** Live chats in Slack: escalations in the agents' channel, relayed both ways through their threads. */
export interface SlackAgentDesk extends SlackDeskThreads {
  register(app: App): void;
  start(): void;
  stop(): void;
}

export interface SlackAgentDeskDeps {
  readonly services: AppServices;
  readonly desk: AgentDesk;
  readonly client: webApi.WebClient;
  readonly identities: SlackIdentities;
  readonly threads: AgentThreads;
  readonly once: OnceMarks;
  /** Channel id of the agents' channel (SLACK_AGENTS_CHANNEL); escalations are not posted without it. */
  readonly agentsChannel: string | undefined;
  /** The workspace of the bot token, where the agents' channel is. */
  readonly homeTeam: () => string | null;
  readonly logger: Logger;
}

export function createSlackAgentDesk(deps: SlackAgentDeskDeps): SlackAgentDesk {
  const { desk, client, services } = deps;
  const t = services.responses.t;
  const lock = new KeyedLock();
  let unsubscribe: (() => void) | null = null;

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
      if (state)
        await client.chat.update({ channel: existing.channel, ts: existing.ts, ...message(chat, state) });
      return existing;
    }
    const team = deps.homeTeam();
    if (!deps.agentsChannel || !team) return null;
    if (!(await deps.threads.reserve(chat.handoffId, team))) return null;
    try {
      const posted = await client.chat.postMessage({
        channel: deps.agentsChannel,
        ...message(chat, state ?? (await stateOf(chat))),
      });
      const location = { team, channel: posted.channel ?? deps.agentsChannel, ts: posted.ts ?? '' };
      await deps.threads.placed(chat.handoffId, location);
      return location;
    } catch (error) {
      await deps.threads.release(chat.handoffId);
      throw error;
    }
  }

  async function postInThread(
    location: AgentThreadLocation,
    markdown: string,
    onceKey: string,
  ): Promise<void> {
    if (!(await deps.once.claim(onceKey))) return;
    await client.chat.postMessage({
      channel: location.channel,
      thread_ts: location.ts,
      text: toMrkdwn(markdown),
      unfurl_links: false,
    });
  }

  async function onEvent(event: DeskEvent): Promise<void> {
    if (event.type === 'availability') return;
    const { chat } = event;
    const id = chat.handoffId;
    switch (event.type) {
      case 'queued':
        await located(chat, { kind: 'waiting' });
        return;
      case 'claimed': {
        const where = await located(chat, await stateOf(chat));
        if (!where) return;
        const agent = await agentName(event.agentId);
        await postInThread(
          where,
          t('slack.desk.claimed_thread', { agent, user: chat.requester.name }),
          `slack-desk:${id}:claimed:${event.agentId}:${chat.waitingSince.getTime()}`,
        );
        return;
      }
      case 'user-message': {
        const where = await located(chat, null);
        if (!where) return;
        const line = t('slack.desk.user_line', { name: event.entry.authorName, text: event.entry.text });
        await postInThread(where, line, `slack-desk:${id}:entry:${event.entry.id}`);
        return;
      }
      case 'agent-message': {
        // Typed in this thread: Slack shows it already.
        if (await deps.once.consume(relayKey(id, event.entry.text))) return;
        const where = await located(chat, null);
        if (!where) return;
        const line = t('slack.desk.agent_line', { name: event.entry.authorName, text: event.entry.text });
        await postInThread(where, line, `slack-desk:${id}:entry:${event.entry.id}`);
        return;
      }
      case 'transferred': {
        const where = await located(chat, { kind: 'transferred', note: event.note });
        if (!where) return;
        const agent = await agentName(chat.agentId);
        await postInThread(
          where,
          t('slack.desk.transferred_thread', { agent, note: event.note || '—' }),
          `slack-desk:${id}:transferred:${chat.waitingSince.getTime()}`,
        );
        return;
      }
      case 'reminder': {
        const where = await located(chat, null);
        if (!where) return;
        const slackUser = await deps.identities.slackUserOf(where.team, event.agentId);
        const agent = slackUser ? `<@${slackUser}>` : escapeMrkdwn(await agentName(event.agentId));
        const text = `${agent} ${toMrkdwn(t('slack.desk.reminder', { user: chat.requester.name }))}`;
        // Every instance hears the reminder; one posts it (per minute, as reminders repeat).
        const minute = Math.floor(services.clock().getTime() / 60_000);
        if (!(await deps.once.claim(`slack-desk:${id}:reminder:${minute}`))) return;
        await client.chat.postMessage({ channel: where.channel, thread_ts: where.ts, text });
        return;
      }
      case 'closed': {
        const where = await located(chat, { kind: 'closed' });
        if (!where) return;
        await postInThread(where, t(`slack.desk.closed_thread.${event.by}`), `slack-desk:${id}:closed`);
        return;
      }
    }
  }

  async function agentProfile(team: string, slackUser: string): Promise<UserProfile> {
    return services.users.resolve('slack', team, await deps.identities.inboundUser(team, slackUser));
  }

  async function tell(
    channel: string,
    slackUser: string,
    markdown: string,
    threadTs?: string,
  ): Promise<void> {
    await client.chat
      .postEphemeral({
        channel,
        user: slackUser,
        text: toMrkdwn(markdown),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'slack ephemeral not delivered'));
  }

  /** Runs a desk call; a refusal (not an agent, wrong state) is told to the agent, not thrown. */
  async function attempt(
    where: { channel: string; user: string; threadTs?: string },
    work: () => Promise<void>,
  ) {
    try {
      await work();
    } catch (error) {
      deps.logger.info({ err: error }, 'slack agent action refused');
      await tell(
        where.channel,
        where.user,
        t('slack.desk.failed', { reason: (error as Error).message }),
        where.threadTs,
      );
    }
  }

  async function claim(
    agent: UserProfile,
    handoffId: string,
    where: { channel: string; user: string; threadTs?: string },
  ) {
    if (agent.role === 'requester') {
      await tell(where.channel, where.user, t('slack.desk.not_agent'), where.threadTs);
      return;
    }
    const result = await desk.claim(agent, handoffId);
    if (!result.ok)
      await tell(where.channel, where.user, t(`slack.desk.claim_failed.${result.reason}`), where.threadTs);
  }

  async function transfer(
    agent: UserProfile,
    handoffId: string,
    to: { agentId?: string; teamId?: string },
    note: string,
  ) {
    if (!to.agentId && !to.teamId) throw new Error(t('slack.desk.transfer_pick'));
    await desk.transfer(agent, handoffId, to, note);
  }

  /** What `!transfer` names: `@U123` (a Slack user linked to an agent) or a team id or name, then the note. */
  async function transferTarget(
    team: string,
    words: string,
  ): Promise<{ to: { agentId?: string; teamId?: string }; note: string }> {
    const mention = /^@([UW][A-Z0-9]+)\b\s*/.exec(words);
    if (mention) {
      const agentId = await deps.identities.botUserIdOf(team, mention[1] ?? '');
      if (!agentId) throw new Error(t('slack.desk.unknown_target'));
      return { to: { agentId }, note: words.slice(mention[0].length) };
    }
    const { teams } = await desk.directory();
    const lower = words.toLowerCase();
    const byName = teams
      .filter((x) => lower.startsWith(x.name.toLowerCase()))
      .sort((x, y) => y.name.length - x.name.length)[0];
    const byId = teams.find((x) => lower.startsWith(x.id.toLowerCase()));
    const used = byName ? byName.name.length : byId ? byId.id.length : 0;
    const match = byName ?? byId;
    if (!match) throw new Error(t('slack.desk.unknown_target'));
    return { to: { teamId: match.id }, note: words.slice(used).trim() };
  }

  /** `!note`, `!status`, `!transfer`, `!close`, `!claim`, `!help` typed in a live chat's thread. */
  async function command(m: AgentThreadMessage, agent: UserProfile, handoffId: string): Promise<void> {
    const where = { channel: m.channel, user: m.user, threadTs: m.threadTs };
    const [, name = '', rest = ''] = /^!(\w+)\s*([\s\S]*)$/.exec(m.text.trim()) ?? [];
    switch (name.toLowerCase()) {
      case 'note':
        await attempt(where, async () => {
          await desk.note(agent, handoffId, rest.trim());
          await tell(m.channel, m.user, t('slack.desk.note_saved'), m.threadTs);
        });
        return;
      case 'status': {
        const status = parseStatus(rest);
        if (!status) break;
        await attempt(where, async () => {
          await desk.setTicketStatus(agent, handoffId, status);
          await tell(m.channel, m.user, t('slack.desk.status_saved', { status: label(status) }), m.threadTs);
        });
        return;
      }
      case 'transfer':
        await attempt(where, async () => {
          const { to, note } = await transferTarget(m.team, rest.trim());
          await transfer(agent, handoffId, to, note);
        });
        return;
      case 'close':
        await attempt(where, () => desk.close(agent, handoffId));
        return;
      case 'claim':
        await claim(agent, handoffId, where);
        return;
    }
    await tell(
      m.channel,
      m.user,
      t('slack.desk.help', { statuses: TICKET_STATUSES.map((s) => s.id).join(', ') }),
      m.threadTs,
    );
  }

  return {
    start() {
      unsubscribe = desk.subscribe((event) => {
        const key = 'chat' in event ? event.chat.handoffId : event.agentId;
        void lock
          .run(key, () => onEvent(event))
          .catch((error: unknown) =>
            deps.logger.error({ err: error, event: event.type }, 'slack agent desk update failed'),
          );
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },

    async onThreadMessage(m) {
      const handoffId = await deps.threads.handoffOf(m.team, m.channel, m.threadTs);
      if (!handoffId) return false;
      const agent = await agentProfile(m.team, m.user);
      if (m.text.trim().startsWith('!')) {
        await command(m, agent, handoffId);
        return true;
      }
      const chat = await desk.chat(handoffId);
      if (!chat || chat.agentId !== agent.id || chat.status !== 'assigned') {
        await tell(m.channel, m.user, t('slack.desk.not_yours'), m.threadTs);
        return true;
      }
      await attempt({ channel: m.channel, user: m.user, threadTs: m.threadTs }, async () => {
        const key = relayKey(handoffId, m.text);
        await deps.once.claim(key);
        try {
          await desk.reply(agent, handoffId, m.text, attachmentsOf(m.files));
        } catch (error) {
          await deps.once.consume(key);
          throw error;
        }
      });
      return true;
    },

    register(app) {
      app.action<BlockAction>(ACTION_DESK, async ({ ack, body, action }) => {
        await ack();
        const b = body;
        const team = b.team?.id ?? b.user.team_id ?? '';
        const channel = b.channel?.id ?? b.container?.channel_id ?? '';
        const where = { channel, user: b.user.id };
        const kind = action.action_id.split(':')[1];
        const handoffId =
          action.type === 'button'
            ? (action as ButtonAction).value
            : String(action.block_id).replace(/^hd_desk:/, '');
        if (!handoffId) return;
        const agent = await agentProfile(team, b.user.id);
        switch (kind) {
          case 'claim':
            await claim(agent, handoffId, where);
            return;
          case 'transfer': {
            const { agents, teams } = await desk.directory();
            const targets = { agents: agents.filter((a) => a.id !== agent.id), teams };
            await client.views.open({
              trigger_id: b.trigger_id,
              view: renderTransferModal(handoffId, targets, t),
            });
            return;
          }
          case 'note':
            await client.views.open({ trigger_id: b.trigger_id, view: renderNoteModal(handoffId, t) });
            return;
          case 'status': {
            const value = (action as StaticSelectAction).selected_option?.value ?? '';
            if (!isTicketStatus(value)) return;
            await attempt(where, () => desk.setTicketStatus(agent, handoffId, value));
            return;
          }
          case 'close':
            await attempt(where, () => desk.close(agent, handoffId));
            return;
        }
      });

      app.view(VIEW_DESK_TRANSFER, async ({ ack, body, view }) => {
        const team = body.team?.id ?? body.user.team_id ?? '';
        const values = view.state.values;
        const agentId = values.agent?.value?.selected_option?.value ?? undefined;
        const teamId = values.team?.value?.selected_option?.value ?? undefined;
        const note = values.note?.value?.value ?? '';
        if (!agentId && !teamId) {
          const block = view.blocks.some((b) => b.block_id === 'agent') ? 'agent' : 'team';
          await ack({ response_action: 'errors', errors: { [block]: t('slack.desk.transfer_pick') } });
          return;
        }
        await ack();
        const agent = await agentProfile(team, body.user.id);
        const where = await locationOf(view.private_metadata);
        await attempt({ channel: where?.channel ?? '', user: body.user.id }, () =>
          transfer(agent, view.private_metadata, agentId ? { agentId } : { teamId: teamId ?? '' }, note),
        );
      });

      app.view(VIEW_DESK_NOTE, async ({ ack, body, view }) => {
        await ack();
        const team = body.team?.id ?? body.user.team_id ?? '';
        const agent = await agentProfile(team, body.user.id);
        const where = await locationOf(view.private_metadata);
        const note = view.state.values.note?.value?.value ?? '';
        await attempt(
          { channel: where?.channel ?? '', user: body.user.id, ...(where ? { threadTs: where.ts } : {}) },
          () => desk.note(agent, view.private_metadata, note),
        );
      });
    },
  };

  function locationOf(handoffId: string) {
    return deps.threads.byHandoff(handoffId);
  }
}

function relayKey(handoffId: string, text: string): string {
  return `slack-relay:${handoffId}:${createHash('sha1').update(text.trim()).digest('hex')}`;
}

function parseStatus(text: string): TicketStatus | null {
  const wanted = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const match = TICKET_STATUSES.find(
    (s) => s.id === wanted || s.label.toLowerCase().replace(/\s+/g, '_') === wanted,
  );
  return match?.id ?? null;
}

function label(status: TicketStatus): string {
  return TICKET_STATUSES.find((s) => s.id === status)?.label ?? status;
}
