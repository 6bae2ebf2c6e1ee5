import { BotError } from '../../core/errors.js';
import type { HandoffRecord } from '../../store/handoff-repository.js';

/** How often a user's action on a live chat is decided anew while the chat keeps changing under it. */
export const MAX_CHAT_DECISIONS = 3;

/**
 * Applies a user's action to a live chat as it is when the action lands, not as it was read:
 * `decide` looks at the chat and makes its change conditionally on the chat as read (a guarded
 * transition, a conditional update), returning false when the chat changed meanwhile (an agent
 * claimed, transferred or closed it, or another instance acted). The chat is then read again
 * and the action decided anew, at most MAX_CHAT_DECISIONS times: a chat that keeps changing is
 * a conflict, never an action reported but not made.
 */
export async function decideOnLatest(
  read: HandoffRecord,
  reread: (id: string) => Promise<HandoffRecord | null>,
  decide: (chat: HandoffRecord) => Promise<boolean>,
): Promise<void> {
  let chat = read;
  for (let decision = 1; ; decision++) {
    if (await decide(chat)) return;
    const latest = decision < MAX_CHAT_DECISIONS ? await reread(chat.id) : null;
    if (!latest)
      throw new BotError(
        'conflict',
        `live chat ${chat.id} kept changing while the user's message was applied`,
      );
    chat = latest;
  }
}
