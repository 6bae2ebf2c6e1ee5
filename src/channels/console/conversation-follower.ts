import type { Reply } from '../../core/reply.js';
import type { ConversationRepository, TranscriptLine } from '../../store/conversation-repository.js';

/** A message the help desk sent on its own (an agent's answer, "Sam has joined", a ticket update). */
export interface ProactiveMessage {
  readonly author: 'agent' | 'system';
  readonly reply: Reply;
}

export interface ConversationFollower {
  /** Follows this conversation from its start (the terminal's one, known after its first turn). */
  follow(conversationId: string): void;
  /** Reads what arrived since the last look now (also done every `intervalMs`). */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What the terminal chat shows outside its turns: like the web page's /updates poll, it reads the
 * conversation's transcript, which the outbox dispatcher of any process on the database writes.
 */
export function followConversation(deps: {
  conversations: Pick<ConversationRepository, 'transcript'>;
  show: (message: ProactiveMessage) => void;
  intervalMs?: number;
}): ConversationFollower {
  let conversationId: string | null = null;
  let cursor = 0;
  let running: Promise<void> | null = null;
  let stopped = false;

  const readNew = async () => {
    for (;;) {
      const id = conversationId;
      if (!id || stopped) return;
      const lines = await deps.conversations.transcript(id, { afterId: cursor });
      for (const line of lines) {
        cursor = Math.max(cursor, line.id);
        const author = line.author;
        if (line.direction === 'out' && (author === 'agent' || author === 'system'))
          deps.show({ author, reply: asReply(line) });
      }
      if (lines.length === 0) return;
    }
  };
  const check = (): Promise<void> => {
    // One look at a time; a look asked for during one follows it.
    const next = (running ?? Promise.resolve()).then(() => readNew().catch(() => undefined));
    running = next;
    return next;
  };
  const timer = setInterval(() => void check(), deps.intervalMs ?? 500);
  timer.unref();

  return {
    follow(id) {
      if (id === conversationId) return;
      conversationId = id;
      cursor = 0;
    },
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

function asReply(line: TranscriptLine): Reply {
  const payload = line.payload;
  if (payload && typeof payload === 'object' && 'type' in payload) return payload as Reply;
  return { type: 'text', text: line.text };
}
