import type { ConversationRepository } from '../store/conversation-repository.js';
import type { OutboundAuthor, Outbox } from '../store/outbox.js';
import type { Reply } from './reply.js';

/** Sends replies into a stored conversation outside a turn (queued, then delivered by its channel). */
export interface Notifier {
  send(conversationId: string, replies: readonly Reply[], from?: OutboundAuthor): Promise<void>;
}

export function createNotifier(deps: {
  outbox: Outbox;
  conversations: ConversationRepository;
  wake: () => void;
}): Notifier {
  return {
    async send(conversationId, replies, from) {
      const conversation = await deps.conversations.byId(conversationId);
      if (!conversation) return;
      await deps.outbox.enqueue(conversationId, conversation.channel, replies, from);
      deps.wake();
    },
  };
}
