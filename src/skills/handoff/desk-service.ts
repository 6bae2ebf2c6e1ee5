import { cleanInboundText, LONGEST_MESSAGE_CHARS } from '../../core/bot-inbound-text.js';
import { BotError } from '../../core/errors.js';
import type { UserProfile } from '../../domain/user.js';
import type { AgentRecord } from '../../store/agent-directory.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import { canTakeAnotherChat } from './agent-availability.js';
import type { AgentDesk, ClaimResult, DeskAgent } from './agent-desk.js';
import { isOpen } from './business-hours.js';
import { fillCannedVariables } from './canned-reply-text.js';
import type { ChatHandback } from './chat-handback.js';
import type { ChatLifecycle } from './chat-lifecycle.js';
import type { DeskEventHub } from './desk-events.js';
import { formatFileSize } from './file-size.js';
import type { HandoffDeps } from './handoff-deps.js';
import { WAITING_HANDOFF_STATUSES } from './handoff-state-machine.js';
import type { LiveChatViews } from './live-chat-view.js';
import type { QueueAnnouncer } from './queue-announcer.js';
import { notifyReadyWatchers } from './watch-notifier.js';

/**
 * How long a reply waits for the previous one to reach the transcript. Normally
 * milliseconds; long only when the outbox is backed up or the platform is down
 * (then the user gets neither yet). Two instances' outbox dispatchers may deliver
 * a conversation's queued items in parallel, so without this wait a burst of
 * replies could arrive out of order.
 */
const REPLY_ORDER_WAIT_MS = 30_000;
/** How long an agent's profile (role check, chat limit) is reused. */
const PROFILE_CACHE_MS = 5000;

/**
 * An agent's words cleaned as every channel's inbound text is, whichever desk they come from:
 * PostgreSQL cannot store a NUL byte (the reply would never leave the outbox), and escape
 * sequences would reach the user's terminal.
 */
const cleanAgentText = (text: string) => cleanInboundText(text, LONGEST_MESSAGE_CHARS).text.trim();

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** The AgentDesk behind the web console, Slack and Teams agent views. */
export function createAgentDesk(
  deps: HandoffDeps,
  parts: {
    views: LiveChatViews;
    hub: DeskEventHub;
    lifecycle: ChatLifecycle;
    announcer: QueueAnnouncer;
    handback: ChatHandback;
  },
): AgentDesk {
  const { views, hub, lifecycle, announcer, handback } = parts;
  const { t } = deps.responses;
  /** Per chat, the latest agent reply on its way to the transcript. */
  const replyChains = new Map<string, Promise<void>>();

  async function agentRecord(agent: UserProfile): Promise<AgentRecord | null> {
    if (agent.role !== 'agent' && agent.role !== 'admin') return null;
    return deps.agents.agent(agent.id);
  }

  /** Agent profiles for the "is an agent" check, read at most every few seconds (every reply checks it). */
  const profiles = new Map<string, { record: AgentRecord | null; at: number }>();
  async function cachedAgentRecord(agent: UserProfile): Promise<AgentRecord | null> {
    if (agent.role !== 'agent' && agent.role !== 'admin') return null;
    const hit = profiles.get(agent.id);
    if (hit && Date.now() - hit.at < PROFILE_CACHE_MS) return hit.record;
    const record = await deps.agents.agent(agent.id);
    if (profiles.size > 1000) profiles.clear();
    profiles.set(agent.id, { record, at: Date.now() });
    return record;
  }

  async function requireAgent(agent: UserProfile): Promise<AgentRecord> {
    const record = await cachedAgentRecord(agent);
    if (!record)
      throw new BotError('unauthorized', 'Only support agents can use the agent desk', { status: 403 });
    return record;
  }

  async function requireChat(handoffId: string): Promise<HandoffRecord> {
    const h = await deps.handoffs.byId(handoffId);
    if (!h) throw new BotError('not_found', `No live chat ${handoffId}`);
    return h;
  }

  /** The chat must be assigned to this agent right now. */
  async function requireOwnChat(agent: UserProfile, handoffId: string): Promise<HandoffRecord> {
    await requireAgent(agent);
    const h = await requireChat(handoffId);
    if (h.status !== 'assigned' || h.agentId !== agent.id) {
      throw new BotError('conflict', `Live chat ${handoffId} is not assigned to you (it is ${h.status})`);
    }
    return h;
  }

  async function deskAgent(record: AgentRecord, counts?: ReadonlyMap<string, number>): Promise<DeskAgent> {
    const active = counts ?? (await deps.handoffs.activeCounts([record.userId]));
    return {
      id: record.userId,
      name: record.displayName,
      availability: record.availability,
      maxChats: record.maxChats,
      activeChats: active.get(record.userId) ?? 0,
      teamIds: record.teamIds,
    };
  }

  async function bestEffort(what: string, handoffId: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      deps.logger.warn({ err: error, handoffId }, `${what} failed`);
    }
  }

  return {
    async queue() {
      return views.views(await deps.handoffs.waiting());
    },
    async chatsOf(agent) {
      // A reader, not an action: someone without an agent profile simply handles no chats.
      if (!(await agentRecord(agent))) return [];
      return views.views(await deps.handoffs.ofAgent(agent.id));
    },
    async chat(handoffId) {
      const h = await deps.handoffs.byId(handoffId);
      return h ? views.view(h) : null;
    },
    async transcript(handoffId) {
      const h = await requireChat(handoffId);
      const rows = await deps.messages.transcript(h.conversationId, h.id);
      return Promise.all(rows.filter((r) => r.text.trim() !== '').map((r) => views.entry(r)));
    },

    async claim(agent, handoffId): Promise<ClaimResult> {
      const record = await agentRecord(agent);
      if (!record) return { ok: false, reason: 'not-an-agent' };
      const h = await deps.handoffs.byId(handoffId);
      if (!h) return { ok: false, reason: 'not-found' };
      if (!WAITING_HANDOFF_STATUSES.includes(h.status)) {
        return { ok: false, reason: h.status === 'assigned' ? 'taken' : 'closed' };
      }
      // A chat transferred to another agent is theirs, unless they cannot take it now (offline,
      // away or full): then any agent may, so it never waits for someone who is not coming.
      if (
        h.status === 'transferred' &&
        h.agentId &&
        h.agentId !== agent.id &&
        (await canTakeAnotherChat(deps, h.agentId))
      )
        return { ok: false, reason: 'taken' };
      // The capacity check and the claim are one guarded step (two claims at once stay within maxChats).
      const won = await deps.handoffs.claim(h, agent.id, { claimedAt: deps.clock() });
      if (won === 'at-capacity') return { ok: false, reason: 'at-capacity' };
      if (!won) {
        const latest = await deps.handoffs.byId(handoffId);
        return { ok: false, reason: latest && latest.status === 'assigned' ? 'taken' : 'closed' };
      }
      await lifecycle.tellUser(won, [
        { type: 'text', text: t('handoff.agent_joined', { agentName: agent.displayName }) },
      ]);
      await deps.signals.publish({ kind: 'chat', handoffId, event: 'claimed', agentId: agent.id });
      if (h.status === 'pending') await announcer.moved(h);
      await bestEffort('ticket assignment', handoffId, async () => {
        const tickets = deps.tickets();
        await tickets.assign(agent, h.ticketId, agent.id);
        await tickets.setStatus(agent, h.ticketId, 'in_progress');
      });
      return { ok: true, chat: await views.view(won) };
    },

    async reply(agent, handoffId, text, attachments = []) {
      const h = await requireOwnChat(agent, handoffId);
      const body = cleanAgentText(text);
      if (!body && attachments.length === 0)
        throw new BotError(
          'bad_request',
          text.trim() ? t('handoff.desk_text_unprintable') : 'Write a message or attach a file',
        );
      const [ticket, requester] = await Promise.all([views.ticket(h), deps.people.person(h.userId)]);
      const filled = fillCannedVariables(body, {
        userName: requester?.profile.displayName.split(' ')[0] ?? '',
        ticketNumber: ticket.number,
        agentName: agent.displayName,
      });
      const files = attachments.map((a) => {
        const line = t('handoff.attachment_line', { name: a.name, size: formatFileSize(a.size) });
        return a.url ? `[${line}](${a.url})` : line;
      });
      if (attachments.length > 0) {
        // The files themselves are kept on the ticket; the chat shows their names.
        await deps
          .tickets()
          .comment(agent, h.ticketId, filled || files.join('\n'), { attachments, notify: false });
      }
      // One reply after the other per chat: the next is queued once the previous reached
      // the transcript, so replies arrive in order even with several outbox dispatchers,
      // and each one's live signal waits for its own row.
      const previous = replyChains.get(h.id);
      if (previous) await Promise.race([previous, delay(REPLY_ORDER_WAIT_MS)]);
      const afterId = await deps.messages.latestId(h.id, 'agent');
      await deps.notifier.send(
        h.conversationId,
        [{ type: 'text', text: [filled, ...files].filter(Boolean).join('\n') }],
        {
          author: 'agent',
          authorId: agent.id,
          handoffId: h.id,
        },
        h.userId,
      );
      const stored = deps.signals.messagesWhenStored(h.id, 'agent', afterId);
      replyChains.set(h.id, stored);
      void stored.finally(() => {
        if (replyChains.get(h.id) === stored) replyChains.delete(h.id);
      });
      await deps.handoffs.touchAgent(h.id, deps.clock());
    },

    async note(agent, handoffId, text) {
      await requireAgent(agent);
      const h = await requireChat(handoffId);
      const body = cleanAgentText(text);
      if (!body)
        throw new BotError(
          'bad_request',
          text.trim() ? t('handoff.desk_text_unprintable') : 'A note needs some text',
        );
      const afterId = await deps.messages.latestId(h.id);
      await deps.messages.appendNote({
        conversationId: h.conversationId,
        handoffId: h.id,
        agentId: agent.id,
        text: body,
        at: deps.clock(),
      });
      await deps.signals.messagesStored(h.id, afterId);
      await bestEffort('ticket note', handoffId, () =>
        deps.tickets().comment(agent, h.ticketId, body, { internal: true }),
      );
    },

    async setTicketStatus(agent, handoffId, status, solution) {
      await requireAgent(agent);
      const text = cleanAgentText(solution ?? '');
      if (status === 'solution_offered' && !text)
        throw new BotError('bad_request', t('handoff.solution_required'));
      const h = await requireChat(handoffId);
      const result = await deps
        .tickets()
        .setStatus(agent, h.ticketId, status, status === 'solution_offered' ? text : undefined);
      return { notice: result === 'solution-already-offered' ? t('handoff.solution_already_offered') : null };
    },

    async transfer(agent, handoffId, to, typedNote) {
      const h = await requireOwnChat(agent, handoffId);
      const note = cleanAgentText(typedNote);
      let targetName: string;
      let teamId = h.teamId;
      // A named team must exist, whether it comes alone or with an agent.
      const team = to.teamId ? (await deps.agents.teams()).find((x) => x.id === to.teamId) : undefined;
      if (to.teamId && !team) throw new BotError('bad_request', `No team ${to.teamId}`);
      if (to.agentId) {
        if (to.agentId === agent.id) throw new BotError('bad_request', 'Choose another agent to transfer to');
        const target = await deps.agents.agent(to.agentId);
        if (!target) throw new BotError('bad_request', `No agent ${to.agentId}`);
        targetName = target.displayName;
        // Refused up front: a chat given to an agent who cannot take it would wait for nobody.
        const active = (await deps.handoffs.activeCounts([target.userId])).get(target.userId) ?? 0;
        if (active >= target.maxChats) {
          throw new BotError(
            'bad_request',
            t('handoff.transfer_target_full', { agentName: targetName, active, max: target.maxChats }),
          );
        }
        if (team) teamId = team.id;
      } else if (team) {
        targetName = team.name;
        teamId = team.id;
      } else {
        throw new BotError('bad_request', 'Transfer to an agent or a team');
      }
      const afterId = await deps.messages.latestId(h.id);
      const noteId = await deps.messages.appendNote({
        conversationId: h.conversationId,
        handoffId: h.id,
        agentId: agent.id,
        text: t('handoff.transfer_note', {
          agentName: agent.displayName,
          target: targetName,
          note,
        }),
        at: deps.clock(),
      });
      const moved = await deps.handoffs.transition(h, 'transferred', {
        agentId: to.agentId ?? null,
        teamId,
        reminderSentAt: null,
      });
      if (!moved) throw new BotError('conflict', `Live chat ${handoffId} changed meanwhile; reload it`);
      await deps.signals.messagesStored(h.id, afterId);
      await lifecycle.tellUser(moved, [
        {
          type: 'text',
          text: to.agentId
            ? t('handoff.transferred_to_agent', { agentName: targetName })
            : t('handoff.transferred_to_team', { team: targetName }),
        },
      ]);
      await deps.signals.publish({ kind: 'chat', handoffId, event: 'transferred', noteId });
      await bestEffort('ticket transfer', handoffId, async () => {
        const tickets = deps.tickets();
        if (note) await tickets.comment(agent, h.ticketId, note, { internal: true });
        await tickets.assign(agent, h.ticketId, to.agentId ?? null);
      });
    },

    async close(agent, handoffId) {
      const h = await requireOwnChat(agent, handoffId);
      const done = await deps.handoffs.transition(h, 'resolved', { resolvedAt: deps.clock() });
      if (!done) throw new BotError('conflict', `Live chat ${handoffId} changed meanwhile; reload it`);
      const ticket = await views.ticket(h);
      await lifecycle.tellUser(done, [
        {
          type: 'text',
          text: t('handoff.closed_by_agent', { agentName: agent.displayName, ticketNumber: ticket.number }),
        },
        lifecycle.ratingPrompt(done, agent.displayName),
      ]);
      await deps.signals.publish({ kind: 'chat', handoffId, event: 'closed', by: 'agent' });
      await lifecycle.saveTranscriptToTicket(done, agent.id);
    },

    async setAvailability(agent, availability) {
      await requireAgent(agent);
      await deps.agents.setAvailability(agent.id, availability);
      profiles.delete(agent.id);
      await deps.signals.publish({ kind: 'availability', agentId: agent.id });
      if (availability === 'online') {
        await bestEffort('availability notifications', '', () => notifyReadyWatchers(deps));
      } else {
        // Their chats go back to the queue; users left waiting for nobody are told (the sweeper
        // finishes whatever this misses).
        await bestEffort('handing chats back', '', () => handback.agentLeft(agent.id, availability));
        await bestEffort('no-agent notices', '', () => handback.tellWaitingNoAgent());
      }
    },

    async cannedReplies() {
      return (await deps.canned.list()).map((c) => ({ name: c.name, text: c.text }));
    },

    async me(agent) {
      const record = await agentRecord(agent);
      return record ? deskAgent(record) : null;
    },

    async directory() {
      const [agents, teams] = await Promise.all([deps.agents.agents(), deps.agents.teams()]);
      const counts = await deps.handoffs.activeCounts(agents.map((a) => a.userId));
      const now = deps.clock();
      return {
        agents: await Promise.all(agents.map((a) => deskAgent(a, counts))),
        teams: teams.map((x) => ({
          id: x.id,
          name: x.name,
          timezone: x.timezone,
          open: isOpen({ timezone: x.timezone, hours: x.businessHours }, now),
        })),
      };
    },

    subscribe(listener) {
      return hub.subscribe(listener);
    },
  };
}
