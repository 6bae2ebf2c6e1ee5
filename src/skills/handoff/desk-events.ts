import type { Logger } from 'pino';
import type { LiveBus } from '../../live/live-bus.js';
import type { AgentDirectory } from '../../store/agent-directory.js';
import type { HandoffMessages } from '../../store/handoff-messages.js';
import type { HandoffRepository } from '../../store/handoff-repository.js';
import type { DeskEvent, LiveChat } from './agent-desk.js';
import type { DeskSignal } from './desk-signals.js';
import type { LiveChatViews } from './live-chat-view.js';

/** A message id is final once it has been visible this long (no transaction stays open longer). */
const SETTLE_MS = 10_000;
const RETRIES = 5;
const VIEW_CACHE_MS = 1000;

interface Cursor {
  /** Every message with an id up to here was delivered (or will never appear). */
  floor: number;
  /** Delivered ids above the floor, with when they were delivered. */
  readonly delivered: Map<number, number>;
  lastUsed: number;
}

/** Turns live signals from every instance into DeskEvents for this instance's listeners. */
export interface DeskEventHub {
  subscribe(listener: (event: DeskEvent) => void): () => void;
  start(): void;
  stop(): void;
  /** Resolves when every signal received so far has been turned into events. */
  idle(): Promise<void>;
}

export function createDeskEventHub(deps: {
  bus: LiveBus<DeskSignal>;
  handoffs: HandoffRepository;
  messages: HandoffMessages;
  agents: AgentDirectory;
  views: LiveChatViews;
  logger: Logger;
}): DeskEventHub {
  const listeners = new Set<(event: DeskEvent) => void>();
  // One chain per chat keeps its events in order while chats proceed in parallel.
  const chains = new Map<string, Promise<void>>();
  const cursors = new Map<string, Cursor>();
  let unsubscribe: (() => void) | null = null;

  function emit(event: DeskEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        deps.logger.error({ err: error }, 'desk listener failed');
      }
    }
  }

  function enqueue(key: string, work: () => Promise<void>): void {
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(work)
      .catch((error: unknown) => deps.logger.warn({ err: error, key }, 'desk event failed'));
    chains.set(key, next);
    void next.then(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  }

  async function deliverMessages(handoffId: string, afterId: number): Promise<void> {
    const now = Date.now();
    let cursor = cursors.get(handoffId);
    if (!cursor) {
      cursor = { floor: afterId, delivered: new Map(), lastUsed: now };
      cursors.set(handoffId, cursor);
    }
    cursor.lastUsed = now;
    // Rows of concurrent writers may become visible out of id order, so the query
    // starts at the settled floor and the delivered set drops what was already sent.
    const rows = await deps.messages.after(handoffId, cursor.floor);
    const fresh = rows.filter((r) => !cursor.delivered.has(r.id));
    if (fresh.length > 0) {
      const chat = await recentView(handoffId);
      if (chat) {
        for (const row of fresh) {
          cursor.delivered.set(row.id, now);
          // A message of attachments only has no text; its files come as lines of their own.
          if (row.text.trim() === '') continue;
          const entry = await deps.views.entry(row);
          emit({ type: row.direction === 'in' ? 'user-message' : 'agent-message', chat, entry });
        }
      }
    }
    for (const [id, at] of cursor.delivered) {
      if (now - at > SETTLE_MS) {
        cursor.floor = Math.max(cursor.floor, id);
        cursor.delivered.delete(id);
      }
    }
    for (const [id, c] of cursors) if (now - c.lastUsed > 10 * 60_000) cursors.delete(id);
  }

  /** Message events carry the chat as of a moment ago: a chatty conversation is not re-read per line. */
  const viewCache = new Map<string, { chat: LiveChat; at: number }>();
  async function recentView(handoffId: string): Promise<LiveChat | null> {
    const hit = viewCache.get(handoffId);
    if (hit && Date.now() - hit.at < VIEW_CACHE_MS) return hit.chat;
    const handoff = await deps.handoffs.byId(handoffId);
    if (!handoff) return null;
    const chat = await deps.views.view(handoff);
    if (viewCache.size > 1000) viewCache.clear();
    viewCache.set(handoffId, { chat, at: Date.now() });
    return chat;
  }

  async function deliverChat(signal: Extract<DeskSignal, { kind: 'chat' }>): Promise<void> {
    const handoff = await deps.handoffs.byId(signal.handoffId);
    if (!handoff) return;
    const chat = await deps.views.view(handoff);
    viewCache.set(handoff.id, { chat, at: Date.now() });
    switch (signal.event) {
      case 'queued':
        emit({ type: 'queued', chat });
        return;
      case 'claimed':
        emit({ type: 'claimed', chat, agentId: signal.agentId ?? handoff.agentId ?? '' });
        return;
      case 'transferred': {
        const note = signal.noteId ? await deps.messages.byId(signal.noteId) : null;
        emit({ type: 'transferred', chat, note: note?.text ?? '' });
        return;
      }
      case 'closed':
        emit({ type: 'closed', chat, by: signal.by ?? 'agent' });
        return;
      case 'reminder':
        emit({ type: 'reminder', chat, agentId: signal.agentId ?? handoff.agentId ?? '' });
        return;
    }
  }

  /** A busy database must not make a relayed message go undelivered: try again a few times. */
  async function withRetries(work: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        return;
      } catch (error) {
        if (attempt >= RETRIES) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  function onSignal(signal: DeskSignal): void {
    if (listeners.size === 0) return;
    if (signal.kind === 'messages') {
      enqueue(signal.handoffId, () => withRetries(() => deliverMessages(signal.handoffId, signal.afterId)));
    } else if (signal.kind === 'chat') {
      enqueue(signal.handoffId, () => deliverChat(signal));
    } else {
      enqueue(`agent:${signal.agentId}`, async () => {
        const agent = await deps.agents.agent(signal.agentId);
        if (agent) emit({ type: 'availability', agentId: agent.userId, availability: agent.availability });
      });
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      unsubscribe ??= deps.bus.subscribe(onSignal);
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      listeners.clear();
    },
    async idle() {
      while (chains.size > 0) await Promise.allSettled([...chains.values()]);
    },
  };
}
