import type { TurnContext } from '../../core/turn-context.js';

/** Conversation memory: "which ticket?" presses whose words are on their ticket already. */
const DONE_KEYS = 'tickets.wordsKept';
/** Enough for any prompt still on screen; older keys fall off. */
const KEPT_KEYS = 20;

/**
 * The words a "which ticket?" button carries (a message for the requester, a remark, a reason)
 * reach its ticket once, however often it is pressed: `key` names the prompt and the ticket. A
 * turn that kept them and runs again on newer conversation state reads that back from `carried`.
 */
export function wordsKeptBefore(ctx: TurnContext, key: string): boolean {
  return ctx.carried.get(carriedKey(key)) === true || doneKeys(ctx).includes(key);
}

/** The words of the button `key` are on its ticket now. */
export function rememberWordsKept(ctx: TurnContext, key: string): void {
  ctx.carried.set(carriedKey(key), true);
  ctx.state.memory[DONE_KEYS] = [...doneKeys(ctx).filter((k) => k !== key), key].slice(-KEPT_KEYS);
}

function carriedKey(key: string): string {
  return `words-kept:${key}`;
}

function doneKeys(ctx: TurnContext): string[] {
  const stored = ctx.state.memory[DONE_KEYS];
  return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
}
