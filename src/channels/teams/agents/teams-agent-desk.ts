import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { BotError } from '../../../core/errors.js';
import { UndeliverableError } from '../../../core/outbox-dispatcher.js';
import type { NoticeReply, Reply } from '../../../core/reply.js';
import type { Responses } from '../../../core/responses.js';
import { isTicketStatus, statusLabel } from '../../../domain/ticket-statuses.js';
import type { UserProfile } from '../../../domain/user.js';
import {
  type AgentDesk,
  type ClaimResult,
  type DeskEvent,
  ESCALATION_REWRITES,
  escalationShown,
  type LiveChat,
} from '../../../skills/handoff/agent-desk.js';
import { isHandoffOver, WAITING_HANDOFF_STATUSES } from '../../../skills/handoff/handoff-state-machine.js';
import type { Outbox } from '../../../store/outbox.js';
import type { ProcessedEvents } from '../../../store/processed-events.js';
import type { UserDirectory } from '../../../store/user-directory.js';
import type { AdaptiveCard } from '../adaptive-card-types.js';
import { renderAdaptiveCard } from '../render-adaptive-card.js';
import { cardAttachment, renderTeamsActivities } from '../render-teams-activities.js';
import type { TeamsIdentities } from '../teams-identities.js';
import { cardActionData, inboundAttachments, mentionsBot, plainText, tenantOf } from '../teams-inbound.js';
import { inThread, rootMessageId, type TeamsPoster, type TeamsReference } from '../teams-poster.js';
import {
  DESK_INPUTS,
  DESK_VERBS,
  type DeskCardState,
  type DeskVerb,
  escalationCard,
  type TransferTargets,
} from './desk-cards.js';
import { transcriptReply } from './desk-transcript.js';
import type { TeamsAgentThreads } from './teams-agent-threads.js';
import { createTeamsDeskRelays, postThreadReplies } from './teams-desk-relays.js';

/**
 * Agents in Teams: live chats waiting for a person are posted to the agents'
 * channel as cards with Claim; the claiming agent talks to the user by replying
 * in the card's reply chain (the user's messages are relayed into it); the card
 * carries note, ticket status, transfer and close. Works through the channel-neutral
 * AgentDesk, like the web console and Slack.
 */
export interface TeamsAgentView {
  /** Learns where the agents' channel is (service URL, bot, tenant) from any Teams activity. */
  observe(activity: Activity): void;
  /** Handles a message in a live chat's reply chain; false when the message is not one. */
  onMessage(ctx: TurnContext): Promise<boolean>;
  /** Handles a click on an escalation card; resolves to the card that replaces it. */
  onExecute(ctx: TurnContext, verb: DeskVerb): Promise<AdaptiveCard>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the desk events received so far are handled (tests, shutdown). */
  idle(): Promise<void>;
}

export interface TeamsAgentViewDeps {
  readonly desk: AgentDesk;
  /** TEAMS_AGENTS_CHANNEL: the conversation id of the agents' channel. */
  readonly agentsChannel: string;
  readonly poster: TeamsPoster;
  readonly threads: TeamsAgentThreads;
  /** One-time marks shared by every bot instance (each instance hears every desk event). */
  readonly once: Pick<ProcessedEvents, 'claim' | 'release'>;
  /** Where lines for the reply chains wait until the connector takes them. */
  readonly outbox: Outbox;
  readonly users: UserDirectory;
  readonly identities: TeamsIdentities;
  readonly targets: () => Promise<TransferTargets>;
  /** The last Teams reference the bot stored, for when no activity was seen since the start. */
  readonly storedReference: () => Promise<TeamsReference | null>;
  readonly responses: Responses;
  readonly logger: Logger;
  /** How often waiting chats without a card are posted again (after an outage of the connector). */
  readonly resyncIntervalMs?: number;
}

export function createTeamsAgentView(deps: TeamsAgentViewDeps): TeamsAgentView {
  const { t } = deps.responses;
  const threadPrefix = `${deps.agentsChannel};messageid=`;
  let exact: TeamsReference | null = null;
  let anyTeams: TeamsReference | null = null;
  let unsubscribe: (() => void) | null = null;
  let resync: NodeJS.Timeout | null = null;
  // One chain per chat keeps a chat's posts in order while chats proceed in parallel.
  const chains = new Map<string, Promise<void>>();

  function enqueue(key: string, work: () => Promise<void>): void {
    const next = (chains.get(key) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) =>
        deps.logger.warn({ err: error, key }, 'teams agent view: desk event failed'),
      );
    chains.set(key, next);
    void next.then(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  }

  /** The agents' channel as a conversation reference, built from what the bot knows of this Teams tenant. */
  async function agentsReference(): Promise<TeamsReference | null> {
    const base = exact ?? anyTeams ?? (await deps.storedReference());
    if (!base) return null;
    return {
      channelId: base.channelId ?? 'msteams',
      serviceUrl: base.serviceUrl,
      ...(base.bot ? { bot: base.bot } : {}),
      conversation: {
        id: deps.agentsChannel,
        isGroup: true,
        conversationType: 'channel',
        name: '',
        ...(base.conversation.tenantId ? { tenantId: base.conversation.tenantId } : {}),
      },
    };
  }

  async function threadReference(
    handoffId: string,
  ): Promise<{ ref: TeamsReference; threadId: string } | null> {
    const threadId = await deps.threads.threadOf(handoffId);
    if (!threadId) return null;
    const ref = await agentsReference();
    return ref ? { ref: inThread(ref, threadId), threadId } : null;
  }

  /** Posts queued lines into the chat's reply chain, posting its card first if it is not there. */
  async function postLines(handoffId: string, replies: readonly Reply[]): Promise<void> {
    let where = await threadReference(handoffId);
    if (!where && !(await deps.threads.threadOf(handoffId))) {
      if (!(await deps.desk.chat(handoffId))) throw new UndeliverableError(`no live chat ${handoffId}`);
      await postEscalation(handoffId);
      where = await threadReference(handoffId);
    }
    if (!where) throw new Error(`the card of ${handoffId} is not posted yet`);
    const ref = where.ref;
    await postThreadReplies(replies, (activities) => deps.poster.send(ref, activities), {
      handoffId,
      logger: deps.logger,
    });
  }

  const relays = createTeamsDeskRelays({ outbox: deps.outbox, post: postLines, logger: deps.logger });

  /**
   * Queues a line for the chat's reply chain; `onceKey` makes one instance queue it
   * when each one hears the event. True for the instance that queued it.
   */
  async function postInThread(
    handoffId: string,
    line: string | readonly Reply[],
    onceKey: string,
  ): Promise<boolean> {
    if (!(await deps.once.claim(onceKey))) return false;
    try {
      await relays.queue(handoffId, line);
      return true;
    } catch (error) {
      await deps.once.release(onceKey);
      throw error;
    }
  }

  async function agentName(agentId: string | null): Promise<string> {
    if (!agentId) return '';
    return (await deps.users.byId(agentId))?.displayName ?? agentId;
  }

  async function stateOf(chat: LiveChat): Promise<DeskCardState> {
    if (isHandoffOver(chat.status)) return { kind: 'closed' };
    if (chat.status === 'assigned' && chat.agentId)
      return { kind: 'claimed', agentName: await agentName(chat.agentId) };
    return { kind: 'waiting' };
  }

  async function cardFor(chat: LiveChat, notice?: NoticeReply): Promise<AdaptiveCard> {
    return escalationCard(chat, await stateOf(chat), {
      t,
      targets: await deps.targets(),
      ...(notice ? { notice } : {}),
    });
  }

  /** The stale mark is bookkeeping: a database that fails it leaves the card as it is, logged. */
  async function keepMark(handoffId: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      deps.logger.warn({ err: error, handoffId }, 'teams escalation card stale mark not stored');
    }
  }

  /**
   * Posts the chat's card as the chat is now (read from the database, not an event's copy),
   * unless another post of it is under way or done (by this instance or another).
   */
  async function postEscalation(handoffId: string): Promise<void> {
    const ref = await agentsReference();
    if (!ref) {
      deps.logger.warn(
        { handoffId },
        'teams agent view: no Teams activity seen yet, so the agents channel cannot be reached',
      );
      return;
    }
    const tenant = ref.conversation.tenantId ?? '';
    const reservation = await deps.threads.reserve(handoffId, tenant);
    if (!reservation) return;
    let chat: LiveChat | null;
    let threadId: string;
    try {
      chat = await deps.desk.chat(handoffId);
      if (!chat) {
        await deps.threads.release(handoffId, reservation);
        return;
      }
      threadId = await deps.poster.startThread(ref, deps.agentsChannel, {
        type: 'message',
        attachments: [cardAttachment(await cardFor(chat))],
      });
    } catch (error) {
      await deps.threads.release(handoffId, reservation);
      throw error;
    }
    if (!(await deps.threads.placed(handoffId, reservation, tenant, threadId))) {
      deps.logger.warn(
        { handoffId, threadId },
        'teams escalation card posted after its reservation was taken over; the chat goes on in the other card',
      );
      return;
    }
    // A change made while the card was being posted found no card to rewrite: it catches up.
    const now = await deps.desk.chat(handoffId);
    if (now && escalationShown(now) !== escalationShown(chat)) await refreshCardQuietly(handoffId);
  }

  /**
   * Posts the chats waiting now that have no card yet (after a restart, or once the channel
   * is known), and rewrites the cards marked stale (by this instance or any other, also
   * before a restart) as their chats are now.
   */
  async function syncQueue(): Promise<void> {
    for (const chat of await deps.desk.queue()) {
      if (await deps.threads.threadOf(chat.handoffId)) continue;
      enqueue(chat.handoffId, () => postEscalation(chat.handoffId));
    }
    for (const handoffId of await deps.threads.staleHandoffs())
      enqueue(handoffId, () => catchUpCard(handoffId));
  }

  /** Rewrites a stale card from its chat as it is now; a chat that is gone leaves nothing to redo. */
  async function catchUpCard(handoffId: string): Promise<void> {
    const chat = await refreshCardQuietly(handoffId);
    // A chat that is over changes no more: one more try, then its card is left as Teams has it.
    if (chat && isHandoffOver(chat.status))
      await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
  }

  /**
   * The card, rewritten as the chat is now: read from the database at the time of the rewrite,
   * never from an event's copy (an instance that hears an event late would otherwise put Claim
   * back on a chat claimed meanwhile), and read again after it, so that a change whose own
   * rewrite landed first is not left under an older one. An outage leaves the card behind for
   * a while, never the chat's lines: a refused rewrite marks the card stale in its AgentThread
   * row, so the resync of any instance (this one, another, or the next to start) redoes it.
   * Resolves to the chat as last read; null when the chat or its card is not there.
   */
  async function refreshCardQuietly(handoffId: string): Promise<LiveChat | null> {
    for (let attempt = 1; ; attempt++) {
      const where = await threadReference(handoffId);
      const rootId = where ? rootMessageId(where.threadId) : null;
      if (!where || !rootId) return null;
      const chat = await deps.desk.chat(handoffId);
      if (!chat) {
        await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
        return null;
      }
      try {
        await deps.poster.update(where.ref, rootId, {
          type: 'message',
          attachments: [cardAttachment(await cardFor(chat))],
        });
      } catch (error) {
        await cardNotUpdated(chat, where.threadId, error);
        return chat;
      }
      const now = await deps.desk.chat(handoffId);
      if (!now || escalationShown(now) === escalationShown(chat)) {
        await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
        return chat;
      }
      if (attempt >= ESCALATION_REWRITES) {
        deps.logger.warn({ handoffId }, 'teams escalation card behind its chat; the resync rewrites it');
        await keepMark(handoffId, () => deps.threads.markStale(handoffId));
        return now;
      }
    }
  }

  /**
   * The connector refused a rewrite of the card starting `threadId`. Refused for now: marked
   * for the resync. Gone (deleted from the channel): trying again would only fail again, so a
   * claimed or finished chat's card is left as it is, and a chat still waiting for an agent
   * gets a new card, as a chat without one would.
   */
  async function cardNotUpdated(chat: LiveChat, threadId: string, error: unknown): Promise<void> {
    const handoffId = chat.handoffId;
    if (!cardGone(error)) {
      deps.logger.warn(
        { err: error, handoffId },
        'teams escalation card not updated; the resync tries again',
      );
      await keepMark(handoffId, () => deps.threads.markStale(handoffId));
      return;
    }
    const now = await deps.desk.chat(handoffId);
    if (!now || !WAITING_HANDOFF_STATUSES.includes(now.status)) {
      deps.logger.warn({ err: error, handoffId }, 'teams escalation card not updated: the card is gone');
      await keepMark(handoffId, () => deps.threads.clearStale(handoffId));
      return;
    }
    deps.logger.warn(
      { err: error, handoffId },
      'teams escalation card gone; the waiting chat gets a new one',
    );
    // Should the new card not be posted now, the chat has no card: the resync posts one.
    await deps.threads.forget(handoffId, threadId);
    await postEscalation(handoffId);
  }

  async function onEvent(event: DeskEvent): Promise<void> {
    switch (event.type) {
      case 'queued':
        // Queued again with its card posted: the card is rewritten, or marked for the resync.
        if (await deps.threads.threadOf(event.chat.handoffId)) await refreshCardQuietly(event.chat.handoffId);
        else await postEscalation(event.chat.handoffId);
        return;
      case 'claimed': {
        const chat = event.chat;
        const line = t('teams.desk.claimed_by', {
          agent: await agentName(event.agentId),
          user: chat.requester.name,
        });
        const key = `teams:desk:claimed:${chat.handoffId}:${event.agentId}:${+chat.waitingSince}`;
        // The conversation so far under the line, for the agent who just joined: queued with
        // it, retried like the thread's other lines and posted before the next ones; sized so
        // Teams takes it, and given up alone if Teams still refuses it (see postLines).
        const entries = await deps.desk.transcript(chat.handoffId);
        const replies: Reply[] = [{ type: 'text', text: line }];
        if (entries.length > 0) replies.push(transcriptReply(entries, chat, t));
        if (!(await postInThread(chat.handoffId, replies, key))) return;
        await refreshCardQuietly(chat.handoffId);
        return;
      }
      case 'user-message':
        await postInThread(
          event.chat.handoffId,
          t('teams.desk.user_says', { user: event.chat.requester.name, text: event.entry.text }),
          `teams:desk:user:${event.chat.handoffId}:${event.entry.id}`,
        );
        return;
      case 'transferred': {
        const chat = event.chat;
        await postInThread(
          chat.handoffId,
          event.note.trim()
            ? t('teams.desk.transferred', { note: event.note })
            : t('teams.desk.back_in_queue'),
          `teams:desk:transferred:${chat.handoffId}:${chat.teamId}:${chat.agentId}:${+chat.waitingSince}`,
        );
        await refreshCardQuietly(chat.handoffId);
        return;
      }
      case 'closed':
        await postInThread(
          event.chat.handoffId,
          t(`teams.desk.closed_by.${event.by}`, { user: event.chat.requester.name }),
          `teams:desk:closed:${event.chat.handoffId}`,
        );
        await refreshCardQuietly(event.chat.handoffId);
        return;
      case 'reminder': {
        const minute = Math.floor(Date.now() / 60_000);
        await postInThread(
          event.chat.handoffId,
          t('teams.desk.reminder', { user: event.chat.requester.name }),
          `teams:desk:reminder:${event.chat.handoffId}:${minute}`,
        );
        return;
      }
      default:
        // Agents' own messages are already in the thread; availability is not shown in Teams.
        return;
    }
  }

  async function actor(ctx: TurnContext): Promise<UserProfile> {
    return deps.users.resolve('teams', tenantOf(ctx.activity), await deps.identities.inboundUser(ctx));
  }

  async function replyInThread(ctx: TurnContext, text: string): Promise<void> {
    await ctx.sendActivities(renderTeamsActivities([{ type: 'text', text }]));
  }

  const claimProblems: Record<Extract<ClaimResult, { ok: false }>['reason'], string> = {
    taken: 'teams.desk.taken',
    closed: 'teams.desk.closed',
    'not-found': 'teams.desk.not_found',
    'at-capacity': 'teams.desk.at_capacity',
    'not-an-agent': 'teams.desk.not_an_agent',
  };

  async function runAction(
    verb: DeskVerb,
    agent: UserProfile,
    handoffId: string,
    data: Record<string, unknown>,
  ): Promise<NoticeReply | undefined> {
    const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
    const error = (key: string): NoticeReply => ({ type: 'notice', level: 'error', text: t(key) });
    switch (verb) {
      case DESK_VERBS.claim: {
        const result = await deps.desk.claim(agent, handoffId);
        return result.ok ? undefined : error(claimProblems[result.reason]);
      }
      case DESK_VERBS.note: {
        const note = text(DESK_INPUTS.note);
        if (!note) return error('teams.desk.note_required');
        await deps.desk.note(agent, handoffId, note);
        return { type: 'notice', level: 'success', text: t('teams.desk.note_saved') };
      }
      case DESK_VERBS.status: {
        const status = text(DESK_INPUTS.status);
        if (!isTicketStatus(status)) return error('teams.desk.failed');
        // Solution Offered goes to the requester with the solution: without it nothing changes.
        const solution = text(DESK_INPUTS.solution);
        if (status === 'solution_offered' && !solution) return error('teams.desk.solution_required');
        const { notice } = await deps.desk.setTicketStatus(agent, handoffId, status, solution);
        return {
          type: 'notice',
          level: notice ? 'info' : 'success',
          text: notice ?? t('teams.desk.status_set', { status: statusLabel(status) }),
        };
      }
      case DESK_VERBS.transfer: {
        const [kind, id] = text(DESK_INPUTS.target).split(/:(.*)/s);
        if (!id || (kind !== 'team' && kind !== 'agent')) return error('teams.desk.transfer_target_required');
        await deps.desk.transfer(
          agent,
          handoffId,
          kind === 'team' ? { teamId: id } : { agentId: id },
          text(DESK_INPUTS.transferNote),
        );
        return undefined;
      }
      case DESK_VERBS.close:
        await deps.desk.close(agent, handoffId);
        return undefined;
    }
  }

  return {
    observe(activity) {
      const ref = referenceOf(activity);
      if (!ref) return;
      const channelData = activity.channelData as { channel?: { id?: string } } | undefined;
      const channel = channelData?.channel?.id ?? activity.conversation.id.split(';')[0];
      const firstSight = !exact && !anyTeams;
      if (channel === deps.agentsChannel) exact = ref;
      else anyTeams ??= ref;
      // Chats that waited while the channel could not be reached get their cards now.
      if (firstSight && unsubscribe)
        void syncQueue().catch((e: unknown) => deps.logger.warn({ err: e }, 'teams queue sync failed'));
    },

    async onMessage(ctx) {
      const activity = ctx.activity;
      if (!activity.conversation.id.startsWith(threadPrefix)) return false;
      const tenant = tenantOf(activity);
      const handoffId = await deps.threads.handoffOf(tenant, activity.conversation.id);
      if (!handoffId) return false;
      if (
        activity.id &&
        !(await deps.once.claim(`teams:desk:msg:${activity.conversation.id}|${activity.id}`))
      )
        return true;
      const text = plainText(activity);
      const attachments = inboundAttachments(activity);
      if (!text && attachments.length === 0) return true;
      const [agent, chat] = await Promise.all([actor(ctx), deps.desk.chat(handoffId)]);
      const state = chat ? await stateOf(chat) : ({ kind: 'closed' } as const);
      if (!chat || state.kind === 'closed') {
        if (mentionsBot(activity)) await replyInThread(ctx, t('teams.desk.closed'));
        return true;
      }
      if (chat.agentId !== agent.id || state.kind !== 'claimed') {
        if (!mentionsBot(activity)) return true;
        const hint =
          agent.role === 'requester'
            ? t('teams.desk.not_an_agent')
            : state.kind === 'claimed'
              ? t('teams.desk.not_yours', { agent: state.agentName })
              : t('teams.desk.claim_first', { user: chat.requester.name });
        await replyInThread(ctx, hint);
        return true;
      }
      try {
        await deps.desk.reply(agent, handoffId, text, attachments);
      } catch (error) {
        deps.logger.warn({ err: error, handoffId }, 'teams agent reply failed');
        await replyInThread(ctx, t('teams.desk.failed'));
      }
      return true;
    },

    async onExecute(ctx, verb) {
      const data = cardActionData(ctx.activity) ?? {};
      const handoffId = typeof data.handoffId === 'string' ? data.handoffId : '';
      const agent = await actor(ctx);
      let notice: NoticeReply | undefined;
      try {
        notice = await runAction(verb, agent, handoffId, data);
      } catch (error) {
        deps.logger.warn({ err: error, handoffId, verb }, 'teams desk action failed');
        const denied = error instanceof BotError && (error.status === 401 || error.status === 403);
        notice = {
          type: 'notice',
          level: 'error',
          text: t(denied ? 'teams.desk.not_an_agent' : 'teams.desk.failed'),
        };
      }
      const chat = await deps.desk.chat(handoffId);
      if (!chat)
        return renderAdaptiveCard({ type: 'notice', level: 'error', text: t('teams.desk.not_found') });
      return cardFor(chat, notice);
    },

    async start() {
      relays.start();
      unsubscribe = deps.desk.subscribe((event) => {
        const key = 'chat' in event ? event.chat.handoffId : `agent:${event.agentId}`;
        enqueue(key, () => onEvent(event));
      });
      const sync = () =>
        syncQueue().catch((e: unknown) => deps.logger.warn({ err: e }, 'teams queue sync failed'));
      await sync();
      resync = setInterval(() => void sync(), deps.resyncIntervalMs ?? 60_000);
      resync.unref();
    },

    async stop() {
      if (resync) clearInterval(resync);
      resync = null;
      unsubscribe?.();
      unsubscribe = null;
      await this.idle();
      // Lines still queued stay in the outbox for the next start or another instance.
      await relays.stop();
    },

    async idle() {
      while (chains.size > 0) await Promise.allSettled([...chains.values()]);
    },
  };
}

/** The Bot Connector answered that the activity is not there (404): no retry brings it back. */
function cardGone(error: unknown): boolean {
  return (error as { statusCode?: number } | null)?.statusCode === 404;
}

function referenceOf(activity: Activity): TeamsReference | null {
  if (!activity.serviceUrl || !activity.conversation?.id) return null;
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    bot: activity.recipient,
    conversation: activity.conversation,
  };
}
