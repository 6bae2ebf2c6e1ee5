import type { Reply } from '../../core/reply.js';
import { askOpenQuestion, type IntentMatcher } from '../../core/router.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { HandoffMessage } from '../../store/handoff-messages.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import type { TicketSummary } from '../tickets/ticket-service.js';
import { anyAgentOnDuty, checkAvailability } from './agent-availability.js';
import { describeInstant } from './business-hours.js';
import { decideOnLatest } from './chat-decisions.js';
import type { ChatLifecycle } from './chat-lifecycle.js';
import { conversationExcerpt, summariseBotAttempts } from './chat-summary.js';
import { escalationTicketKey, noteEscalationTicketFiled } from './escalation-key.js';
import { escalationNextSteps } from './escalation-next-steps.js';
import { formatFileSize } from './file-size.js';
import type { HandoffDeps } from './handoff-deps.js';
import { isHandoffOver, WAITING_HANDOFF_STATUSES } from './handoff-state-machine.js';
import { createLateMessages } from './late-message.js';
import type { LiveChatViews } from './live-chat-view.js';
import { NOTIFY_QUESTION, notifyQuestionReply } from './notify-question.js';
import { noteOpenedChat } from './opened-chat-note.js';
import { phraseMatcher } from './phrase-list.js';
import { problemInRequest } from './problem-in-request.js';
import { isWaitingForAgent } from './queue-acknowledgement.js';
import type { QueueAnnouncer } from './queue-announcer.js';
import type { TicketDetailsFlow } from './ticket-details-flow.js';
import { estimateWaitMinutes } from './wait-estimate.js';

/** Intents whose messages say nothing about the problem (not a good ticket subject). */
const CHATTER = new Set([
  'agent.handoff',
  'smalltalk.greeting',
  'smalltalk.thanks',
  'bot.help',
  'flow.cancel',
]);

/** The requester's side of live chat: ask, wait, talk, leave, rate. */
export interface HandoffRequests {
  /** The user asked for a person (or accepted the bot's offer). */
  start(ctx: TurnContext, reason: string): Promise<void>;
  /**
   * A message during a live chat: stored with the chat's id and signalled to agents. False
   * when the chat changed since `handoff` was read (claimed, transferred, ended): nothing done.
   */
  relay(ctx: TurnContext, handoff: HandoffRecord): Promise<boolean>;
  /** The user ends the chat or leaves the queue; false when the chat changed since read: nothing done. */
  endByUser(ctx: TurnContext, handoff: HandoffRecord): Promise<boolean>;
  /** A message for a chat that had just ended: kept on its ticket, and the user told. */
  answerAfterEnd(ctx: TurnContext, ended: HandoffRecord): Promise<void>;
  /** The user's leaving words were relayed: an agent took the chat as they were said. */
  tellAgentJoinedMeanwhile(ctx: TurnContext, handoff: HandoffRecord): Promise<void>;
  leaveAsTicket(ctx: TurnContext, handoffId: string): Promise<void>;
  keepWaiting(ctx: TurnContext, handoffId: string): Promise<void>;
  watch(ctx: TurnContext, teamId: string | null): Promise<void>;
  /** Stores a 1–5 rating; returns false when the chat was rated already or is not the user's. */
  rate(ctx: TurnContext, handoffId: string, rating: number): Promise<boolean>;
  comment(ctx: TurnContext, handoffId: string, comment: string): Promise<void>;
}

export function createHandoffRequests(
  deps: HandoffDeps,
  parts: {
    views: LiveChatViews;
    lifecycle: ChatLifecycle;
    announcer: QueueAnnouncer;
    details: TicketDetailsFlow;
    matcher: IntentMatcher;
  },
): HandoffRequests {
  const { views, lifecycle, announcer, details, matcher } = parts;
  const { t } = deps.responses;
  const saysUnhelpful = phraseMatcher(deps.responses, 'handoff.didnt_help_phrases');
  const late = createLateMessages(deps, views);

  async function ensureTicket(
    ctx: TurnContext,
    recent: Awaited<ReturnType<HandoffDeps['messages']['recentOutsideChats']>>,
  ): Promise<{ ticket: TicketSummary; created: boolean; described: boolean }> {
    const tickets = deps.tickets();
    // The ticket the user names ("about ticket 1042"), then the one the conversation was
    // about; only tickets the user may see (a private ticket is its creator's alone).
    const candidates = [...deps.ticketNumbers(ctx.message.text)];
    if (ctx.state.lastTicketId !== undefined) candidates.push(ctx.state.lastTicketId);
    for (const id of candidates) {
      const known = await tickets.get(ctx.user, id);
      if (known && known.status !== 'closed') {
        ctx.state.lastTicketId = known.id;
        return { ticket: known, created: false, described: true };
      }
    }
    const current = ctx.message.text.trim();
    // The user's latest words about the problem: not "talk to a person", thanks or "this didn't help".
    const topic = [...recent]
      .reverse()
      .find(
        (m) =>
          m.direction === 'in' &&
          m.text.trim().length >= 8 &&
          !CHATTER.has(m.intent ?? '') &&
          !saysUnhelpful(m.text),
      );
    // The request itself may say what the problem is ("talk to a person, our payouts are missing").
    const stated =
      ctx.intent?.name === 'agent.handoff' && current ? problemInRequest(current, matcher) : null;
    const subjectSource = stated ?? topic?.text ?? t('handoff.ticket_subject_default');
    const subject = subjectSource.replace(/\s+/g, ' ').trim().slice(0, 120);
    const lines: HandoffMessage[] = [...recent];
    if (current) {
      lines.push({
        id: 0,
        direction: 'in',
        author: 'user',
        authorId: ctx.user.id,
        text: current,
        handoffId: null,
        createdAt: ctx.now,
      });
    }
    const excerpt = conversationExcerpt(lines, { user: ctx.user.displayName, bot: t('handoff.names.bot') });
    const ticket = await tickets.create({
      requester: ctx.user,
      subject,
      issueType: 'other',
      description: t('handoff.ticket_description', { userName: ctx.user.displayName, excerpt }),
      channel: ctx.conversation.channel,
      conversationId: ctx.conversation.id,
      // One ticket per escalation: the same request handled twice (two instances, or a turn
      // run again) files it once.
      idempotencyKey: escalationTicketKey(ctx),
    });
    noteEscalationTicketFiled(ctx);
    ctx.state.lastTicketId = ticket.id;
    // Without a word about the problem the ticket has no more than "wants a person".
    return { ticket, created: true, described: stated !== null || topic !== undefined };
  }

  async function whenText(at: Date | null, teamZone: string, ctx: TurnContext): Promise<string> {
    if (!at) return t('handoff.when_unknown');
    const zone = (await deps.agents.timezoneOf(ctx.user.id)) ?? teamZone;
    const d = describeInstant(at, zone, ctx.now);
    if (d.dayOffset <= 0) return t('handoff.when_today', { time: d.time, zone: d.zone });
    if (d.dayOffset === 1) return t('handoff.when_tomorrow', { time: d.time, zone: d.zone });
    return t('handoff.when_day', { day: d.weekday, time: d.time, zone: d.zone });
  }

  /** After live chat, the escalation path goes on: phone, then (enterprise) the customer success manager. */
  const nextSteps = (ctx: TurnContext) => escalationNextSteps(deps, ctx.user.id);

  /** The user asked again while a chat is live: where they stand in it. */
  async function showLiveChat(ctx: TurnContext, live: HandoffRecord): Promise<void> {
    ctx.handoffId = live.id;
    const position = await deps.handoffs.position(live);
    ctx.reply({
      type: 'text',
      text: position ? t('handoff.already_waiting', { position }) : t('handoff.click_during_chat'),
    });
  }

  /** The agent who last wrote in the chat or moved it (a transfer note is theirs). */
  const lastAgentIn = (handoff: HandoffRecord) => lifecycle.lastAgentIn(handoff);

  async function ownWaitingChat(ctx: TurnContext, handoffId: string): Promise<HandoffRecord | null> {
    const h = await deps.handoffs.byId(handoffId);
    return h && h.conversationId === ctx.conversation.id ? h : null;
  }

  /**
   * A button of the waiting chat (leave it as a ticket, keep waiting), applied to the chat as it
   * is when it lands: an agent who took it meanwhile is named, a chat that ended is said to have.
   */
  async function onWaitingChat(
    ctx: TurnContext,
    handoffId: string,
    act: (waiting: HandoffRecord) => Promise<boolean>,
  ): Promise<void> {
    const read = await ownWaitingChat(ctx, handoffId);
    if (!read) {
      ctx.reply({ type: 'text', text: t('handoff.already_ended') });
      return;
    }
    await decideOnLatest(read, deps.handoffs.byId, async (h) => {
      if (isHandoffOver(h.status)) {
        ctx.reply({ type: 'text', text: t('handoff.already_ended') });
        return true;
      }
      if (!WAITING_HANDOFF_STATUSES.includes(h.status)) {
        ctx.handoffId = h.id;
        const agentName = await lifecycle.agentName(h.agentId);
        ctx.reply({ type: 'text', text: t('handoff.agent_joined', { agentName }) });
        return true;
      }
      return act(h);
    });
  }

  return {
    async start(ctx, reason) {
      // An old "talk to a person" button clicked while a chat is live: no second chat.
      const live = await deps.handoffs.activeFor(ctx.conversation.id);
      if (live) {
        await showLiveChat(ctx, live);
        return;
      }
      const recent = await deps.messages.recentOutsideChats(ctx.conversation.id, 20);
      const { ticket, created, described } = await ensureTicket(ctx, recent);
      const ticketNumber = ticket.number;
      const ticketLine = !created
        ? t('handoff.ticket_linked', { ticketNumber })
        : described
          ? t('handoff.ticket_created', { ticketNumber })
          : t('handoff.ticket_created_ask_details', { ticketNumber });
      const check = await checkAvailability(deps, ticket.issueType, ctx.now);
      ctx.state.unhelpfulCount = 0;

      if (!check.available) {
        const unavailable =
          check.reason === 'closed' && check.team
            ? t('handoff.unavailable_closed', {
                team: check.team.name,
                when: await whenText(check.opensAt, check.team.timezone, ctx),
              })
            : t('handoff.unavailable_no_agent');
        ctx.reply({
          type: 'text',
          text: [`${unavailable} ${ticketLine}`, ...(await nextSteps(ctx))].join('\n\n'),
        });
        // A typed "yes" or "no thanks" answers the question as its buttons do: the flow waiting
        // for the description keeps it, or else it is open for the next message.
        const notify = { teamId: check.team?.id ?? null, ticketId: ticket.id };
        if (created && !described) details.start(ctx, ticket.id, notify);
        else askOpenQuestion(ctx, { skill: 'handoff', name: NOTIFY_QUESTION, slots: notify });
        ctx.reply(notifyQuestionReply(deps.responses, notify));
        return;
      }

      const summary = summariseBotAttempts(recent, {
        noAnswer: t('handoff.summary_no_answer'),
        nothingTried: t('handoff.summary_nothing_tried'),
      });
      const handoff = await deps.handoffs.create({
        conversationId: ctx.conversation.id,
        ticketId: ticket.id,
        userId: ctx.user.id,
        accountId: ctx.user.accountId,
        teamId: check.team.id,
        reason: reason.slice(0, 500),
        summary,
        now: ctx.now,
      });
      if (!handoff) {
        // The same request was handled at the same time elsewhere: that chat is the user's.
        const opened = await deps.handoffs.activeFor(ctx.conversation.id);
        if (opened) await showLiveChat(ctx, opened);
        else ctx.reply({ type: 'text', text: t('handoff.already_ended') });
        return;
      }
      const position = (await deps.handoffs.position(handoff)) ?? 1;
      announcer.told(handoff.id, position);
      const minutes = estimateWaitMinutes({
        position,
        onlineAgents: check.onlineAgents,
        averageHandleMin: await deps.handoffs.averageHandleMinutes(50),
      });
      const confirmation: Reply = {
        type: 'text',
        text: [
          t('handoff.queued', { position, team: check.team.name, minutes, ticketNumber }),
          // The queue message names the ticket already; say only what it holds, or ask for the problem.
          created ? t(described ? 'handoff.queued_keeps_conversation' : 'handoff.queued_ask_details') : '',
        ]
          .filter(Boolean)
          .join(' '),
      };
      ctx.reply(confirmation);
      noteOpenedChat(ctx, { handoffId: handoff.id, ticketId: ticket.id, confirmation });
      await deps.signals.publish({ kind: 'chat', handoffId: handoff.id, event: 'queued' });
    },

    async relay(ctx, handoff) {
      // Applied only to the chat as read: a claim, transfer or end meanwhile is decided anew.
      if (!(await deps.handoffs.touchUser(handoff.id, ctx.now, handoff.version))) return false;
      ctx.handoffId = handoff.id;
      const files = ctx.message.attachments;
      if (files.length > 0) {
        // The files are kept on the ticket; the chat gets one line per file, before the text.
        await deps
          .tickets()
          .comment(
            ctx.user,
            handoff.ticketId,
            ctx.message.text.trim() || files.map((f) => f.name).join(', '),
            {
              attachments: files,
              // The user sent them in the chat: no notification about their own files.
              notify: false,
            },
          );
        for (const f of files) {
          await deps.messages.appendAttachment({
            conversationId: ctx.conversation.id,
            handoffId: handoff.id,
            userId: ctx.user.id,
            text: t('handoff.attachment_line', { name: f.name, size: formatFileSize(f.size) }),
            attachment: { name: f.name, mimeType: f.mimeType, size: f.size, url: f.url ?? null },
            at: ctx.now,
          });
        }
      }
      // Read after the attachment lines: the next user message of the chat is this turn's own.
      const afterId = await deps.messages.latestId(handoff.id, 'user');
      if (files.length > 0) await deps.signals.messagesStored(handoff.id, afterId - files.length);
      // The message itself is stored with the turn: announced as soon as it is. A chat
      // still live once it is stored shows it to its agent (and any transcript saved later
      // holds it); one that ended in between may have saved its transcript without it.
      ctx.afterSave(async () => {
        const [, live] = await Promise.all([
          deps.signals.messagesStored(handoff.id, afterId),
          deps.handoffs.touchUser(handoff.id, ctx.now),
        ]);
        if (!live) await late.keepAfterStored(ctx, handoff);
      });
      return true;
    },

    async endByUser(ctx, handoff) {
      // Still waiting for an agent (never claimed, or transferred and not taken yet): the
      // user leaves the queue; nobody is with them to rate.
      const to = isWaitingForAgent(handoff) ? 'abandoned' : 'resolved';
      const done = await deps.handoffs.transition(handoff, to, { resolvedAt: ctx.now });
      if (!done) return false;
      ctx.handoffId = handoff.id;
      const ticket = await views.ticket(handoff);
      await deps.signals.publish({ kind: 'chat', handoffId: handoff.id, event: 'closed', by: 'user' });
      if (to === 'abandoned') {
        ctx.reply({ type: 'text', text: t('handoff.left_queue', { ticketNumber: ticket.number }) });
        if (handoff.status === 'pending') await announcer.moved(handoff);
        // A transferred chat had an agent: the ticket keeps it, under the last one who took part.
        if (handoff.status === 'transferred')
          await lifecycle.saveTranscriptToTicket(done, await lastAgentIn(handoff));
        return true;
      }
      ctx.reply({ type: 'text', text: t('handoff.ended_by_user', { ticketNumber: ticket.number }) });
      const agentId = handoff.agentId;
      if (agentId) {
        ctx.reply(lifecycle.ratingPrompt(done, await lifecycle.agentName(agentId)));
        await lifecycle.saveTranscriptToTicket(done, agentId);
      }
      return true;
    },

    answerAfterEnd: (ctx, ended) => late.answerInTurn(ctx, ended),

    async tellAgentJoinedMeanwhile(ctx, handoff) {
      const agentName = await lifecycle.agentName(handoff.agentId);
      ctx.reply({ type: 'text', text: t('handoff.agent_joined_meanwhile', { agentName }) });
    },

    async leaveAsTicket(ctx, handoffId) {
      await onWaitingChat(ctx, handoffId, async (h) => {
        return (await lifecycle.expireWaiting(h, 'handoff.left_as_ticket', ctx)) !== null;
      });
    },

    async keepWaiting(ctx, handoffId) {
      await onWaitingChat(ctx, handoffId, async (h) => {
        if (!(await deps.handoffs.touchUser(h.id, ctx.now, h.version))) return false;
        ctx.handoffId = h.id;
        if (!(await anyAgentOnDuty(deps, h.teamId, ctx.now))) {
          const ticket = await views.ticket(h);
          ctx.reply({
            type: 'text',
            text: t('handoff.kept_waiting_no_agent', { ticketNumber: ticket.number }),
          });
          return true;
        }
        const position = (await deps.handoffs.position(h)) ?? 1;
        ctx.reply({ type: 'text', text: t('handoff.kept_waiting', { position }) });
        return true;
      });
    },

    async watch(ctx, teamId) {
      await deps.watches.create({
        userId: ctx.user.id,
        conversationId: ctx.conversation.id,
        teamId,
        at: ctx.now,
      });
      ctx.reply({ type: 'text', text: t('handoff.notify_set') });
    },

    async rate(ctx, handoffId, rating) {
      return deps.handoffs.rate(handoffId, ctx.user.id, rating);
    },

    async comment(ctx, handoffId, comment) {
      await deps.handoffs.comment(handoffId, ctx.user.id, comment.slice(0, 2000));
    },
  };
}
