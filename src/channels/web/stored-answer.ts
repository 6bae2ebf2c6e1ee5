import type { Reply } from '../../core/reply.js';
import type { WebChatMessage } from './web-chat-api.js';

/**
 * The bot's stored replies to a message sent again whose first attempt was handled (its answer was
 * lost on the way back), among the conversation's latest messages (oldest first): those after the
 * latest user message with the same text (the latest user message when none has it), up to the
 * next user message. The turn's messages are stored with it, so they are there whenever the
 * message is; a client sends again the message it is waiting for, which is its latest.
 */
export function storedAnswer(messages: readonly WebChatMessage[], text: string): Reply[] {
  let anchor = -1;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i]!;
    if (m.author !== 'user') continue;
    if (anchor < 0) anchor = i;
    if (m.reply.type === 'text' && m.reply.text === text) {
      anchor = i;
      break;
    }
  }
  if (anchor < 0) return [];
  const replies: Reply[] = [];
  for (const m of messages.slice(anchor + 1)) {
    if (m.author === 'user') break;
    if (m.author === 'bot') replies.push(m.reply);
  }
  return replies;
}
