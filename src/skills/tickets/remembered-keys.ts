import type { TurnContext } from '../../core/turn-context.js';

/** Enough for any prompt still on screen; older keys fall off. */
const KEPT_KEYS = 20;

/** The keys kept in the conversation memory `slot` (of prompts whose button was already carried out). */
export function rememberedKeys(ctx: TurnContext, slot: string): string[] {
  const stored = ctx.state.memory[slot];
  return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
}

/** Adds `key` to the conversation memory `slot` as its newest, keeping the last KEPT_KEYS. */
export function rememberKey(ctx: TurnContext, slot: string, key: string): void {
  ctx.state.memory[slot] = [...rememberedKeys(ctx, slot).filter((k) => k !== key), key].slice(-KEPT_KEYS);
}
