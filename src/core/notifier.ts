import type { ConversationRepository } from '../store/conversation-repository.js';
import type { OutboundAuthor, Outbox } from '../store/outbox.js';
import type { Reply } from './reply.js';

/** Sends replies into a stored conversation outside a turn (queued, then delivered by its channel). */
export interface Notifier {
  /**
   * `to`: the bot user the replies are for; where others see them (a channel thread, a group
   * chat) only that user may press their buttons. Left out: the conversation's own user (whom
   * notifications are addressed by); `null`: no one in particular.
   */
  send(
    conversationId: string,
    replies: readonly Reply[],
    from?: OutboundAuthor,
    to?: string | null,
  ): Promise<void>;
}

export function createNotifier(deps: {
  outbox: Outbox;
  conversations: ConversationRepository;
  wake: () => void;
}): Notifier {
  return {
    async send(conversationId, replies, from, to) {
      const conversation = await deps.conversations.byId(conversationId);
      if (!conversation) return;
      const addressee = to === undefined ? conversation.userId : to;
      await deps.outbox.enqueue(conversationId, conversation.channel, replies, from, addressee ?? undefined);
      deps.wake();
    },
  };
}
