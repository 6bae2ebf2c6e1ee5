import type { Reply } from '../../core/reply.js';
import type { TurnContext } from '../../core/turn-context.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';
import type { HandoffDeps } from './handoff-deps.js';
import type { LiveChatViews } from './live-chat-view.js';
import type { QueueAnnouncer } from './queue-announcer.js';

/** Endings and messages shared by the requester's side, the agents' side and the sweeper. */
export interface ChatLifecycle {
  /** Sends the requester a message inside the chat (queued in the outbox). */
  tellUser(handoff: HandoffRecord, replies: readonly Reply[]): Promise<void>;
  /** The 1–5 rating buttons. */
  ratingPrompt(handoff: HandoffRecord, agentName: string): Reply;
  agentName(agentId: string | null): Promise<string>;
  /** The agent who last wrote in the chat or moved it (a transfer note is theirs). */
  lastAgentIn(handoff: HandoffRecord): Promise<string | null>;
  /** Keeps the chat on its ticket as an internal comment (best effort: the messages are stored anyway). */
  saveTranscriptToTicket(handoff: HandoffRecord, actorId: string | null): Promise<void>;
  /**
   * A waiting chat that nobody answered or the user left unanswered: close it, keep
   * the ticket. The message goes into `turn` when the user's own click did it.
   */
  expireWaiting(
    handoff: HandoffRecord,
    messageKey: string,
    turn?: TurnContext,
  ): Promise<HandoffRecord | null>;
  /** An assigned chat the user went quiet in: close it, keep the ticket. */
  closeIdle(handoff: HandoffRecord): Promise<HandoffRecord | null>;
}

export function createChatLifecycle(
  deps: HandoffDeps,
  views: LiveChatViews,
  announcer: QueueAnnouncer,
): ChatLifecycle {
  const { t } = deps.responses;

  async function tellUser(h: HandoffRecord, replies: readonly Reply[]): Promise<void> {
    await deps.notifier.send(h.conversationId, replies, { author: 'system', handoffId: h.id }, h.userId);
  }

  async function agentName(agentId: string | null): Promise<string> {
    if (!agentId) return '';
    return (await deps.people.person(agentId))?.profile.displayName ?? agentId;
  }

  async function lastAgentIn(h: HandoffRecord): Promise<string | null> {
    const lines = await deps.messages.after(h.id, 0, 1000);
    const last = lines.findLast((m) => (m.author === 'agent' || m.author === 'note') && m.authorId);
    return last?.authorId ?? null;
  }

  async function saveTranscriptToTicket(h: HandoffRecord, actorId: string | null): Promise<void> {
    if (!actorId) return;
    try {
      const actor = await deps.people.person(actorId);
      if (!actor) return;
      const messages = (await deps.messages.after(h.id, 0, 1000)).filter(
        (m) => m.author !== 'note' && m.text.trim() !== '',
      );
      const lines: string[] = [];
      for (const m of messages) {
        const name =
          m.author === 'user' || m.author === 'agent'
            ? ((m.authorId && (await deps.people.person(m.authorId))?.profile.displayName) ?? m.author)
            : t('handoff.names.system');
        lines.push(`${name}: ${m.text}`);
      }
      if (lines.length === 0) return;
      await deps
        .tickets()
        .comment(actor.profile, h.ticketId, t('handoff.transcript_comment', { lines: lines.join('\n') }), {
          internal: true,
        });
    } catch (error) {
      deps.logger.warn({ err: error, handoffId: h.id }, 'chat transcript not added to the ticket');
    }
  }

  return {
    tellUser,
    agentName,
    lastAgentIn,
    saveTranscriptToTicket,
    ratingPrompt(h, name) {
      return {
        type: 'choices',
        prompt: t('handoff.rate_prompt', { agentName: name }),
        choices: [1, 2, 3, 4, 5].map((rating) => ({
          label: String(rating),
          value: { skill: 'handoff', action: 'rate', handoffId: h.id, rating },
        })),
      };
    },
    async expireWaiting(h, messageKey, turn) {
      const done = await deps.handoffs.transition(h, 'expired', { resolvedAt: deps.clock() });
      if (!done) return null;
      const ticket = await views.ticket(h);
      const message: Reply = { type: 'text', text: t(messageKey, { ticketNumber: ticket.number }) };
      if (turn) turn.reply(message);
      else await tellUser(done, [message]);
      await deps.signals.publish({
        kind: 'chat',
        handoffId: h.id,
        event: 'closed',
        by: turn ? 'user' : 'timeout',
      });
      if (h.status === 'pending') await announcer.moved(h);
      // A transferred chat had an agent (or went back to the queue when its agent left): the
      // ticket keeps the conversation, under the last agent who took part.
      else await saveTranscriptToTicket(done, await lastAgentIn(h));
      return done;
    },
    async closeIdle(h) {
      const done = await deps.handoffs.transition(h, 'resolved', { resolvedAt: deps.clock() });
      if (!done) return null;
      const ticket = await views.ticket(h);
      await tellUser(done, [
        { type: 'text', text: t('handoff.idle_closed', { ticketNumber: ticket.number }) },
      ]);
      await saveTranscriptToTicket(done, h.agentId);
      await deps.signals.publish({ kind: 'chat', handoffId: h.id, event: 'closed', by: 'timeout' });
      return done;
    },
  };
}
