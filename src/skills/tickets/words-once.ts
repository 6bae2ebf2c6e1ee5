import type { TurnContext } from '../../core/turn-context.js';
import { rememberedKeys, rememberKey } from './remembered-keys.js';

/** Conversation memory: "which ticket?" presses whose words are on their ticket already. */
const DONE_KEYS = 'tickets.wordsKept';

/**
 * The words a "which ticket?" button carries (a message for the requester, a remark, a reason)
 * reach its ticket once, however often it is pressed: `key` names the prompt and the ticket. A
 * turn that kept them and runs again on newer conversation state reads that back from `carried`.
 */
export function wordsKeptBefore(ctx: TurnContext, key: string): boolean {
  return ctx.carried.get(carriedKey(key)) === true || rememberedKeys(ctx, DONE_KEYS).includes(key);
}

/** The words of the button `key` are on its ticket now. */
export function rememberWordsKept(ctx: TurnContext, key: string): void {
  ctx.carried.set(carriedKey(key), true);
  rememberKey(ctx, DONE_KEYS, key);
}

function carriedKey(key: string): string {
  return `words-kept:${key}`;
}
