import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { mapTexts } from './bot-inbound-text.js';
import type { ConversationState } from './conversation-state.js';
import type { Action, Reply } from './reply.js';

/**
 * A button value longer than this (as JSON) is parked in the conversation's state and the
 * button carries only its id. Slack holds at most 2,000 characters in a button's value, and
 * the channel wraps the value in its own envelope (and a form's modal adds where it came
 * from): 1,500 leaves room for both, on every channel alike.
 */
export const MAX_ACTION_VALUE_CHARS = 1500;
/** Parked values a conversation keeps: the newest ones, enough for any button still on screen. */
export const KEPT_PARKED_VALUES = 20;
/** A text inside a parked value longer than this is cut, with an ellipsis. */
export const MAX_PARKED_TEXT_CHARS = 20_000;

/** Where the parked values wait in the conversation's memory, oldest first. */
const PARKED = 'core.parkedActionValues';
/** Fields a parked button keeps beside its id, so a transcript or a log still says what it was for. */
const KEPT_FIELDS = ['skill', 'action'] as const;
const KEPT_FIELD_MAX_CHARS = 100;

const parkedSchema = z.array(z.object({ id: z.string(), value: z.record(z.string(), z.unknown()) }));
type Parked = z.infer<typeof parkedSchema>[number];
type Value = Readonly<Record<string, unknown>>;

function parkedIn(state: ConversationState): Parked[] {
  const parsed = parkedSchema.safeParse(state.memory[PARKED]);
  return parsed.success ? parsed.data : [];
}

function newParkedId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * Parks every action value of `replies` whose JSON is longer than {@link MAX_ACTION_VALUE_CHARS}
 * in the conversation's state, and puts `{ parked: id }` (with the value's `skill` and `action`)
 * on the button instead. Replaces the replies in place; a value shown twice is parked once.
 */
export function parkLongActionValues(
  state: ConversationState,
  replies: Reply[],
  newId: () => string = newParkedId,
): void {
  const parked = parkedIn(state);
  const known = new Set(parked.map((p) => p.id));
  const thisTurn = new Map<string, string>();

  const park = (action: Action): Action => {
    if (!action.value) return action;
    const json = JSON.stringify(action.value);
    if (json.length <= MAX_ACTION_VALUE_CHARS) return action;
    let id = thisTurn.get(json);
    if (!id) {
      do id = newId();
      while (known.has(id));
      known.add(id);
      thisTurn.set(json, id);
      parked.push({ id, value: capTexts(action.value) as Record<string, unknown> });
    }
    return { ...action, value: { ...keptFields(action.value), parked: id } };
  };
  const parkAll = (actions: readonly Action[]) => actions.map(park);

  for (const [i, reply] of replies.entries()) {
    switch (reply.type) {
      case 'card':
        replies[i] = { ...reply, actions: parkAll(reply.actions) };
        break;
      case 'choices':
        replies[i] = { ...reply, choices: parkAll(reply.choices) };
        break;
      case 'list':
        replies[i] = {
          ...reply,
          items: reply.items.map((item) => ({ ...item, actions: parkAll(item.actions) })),
          actions: parkAll(reply.actions),
        };
        break;
      case 'form':
        replies[i] = {
          ...reply,
          submit: park(reply.submit),
          ...(reply.cancel ? { cancel: park(reply.cancel) } : {}),
        };
        break;
      case 'text':
      case 'notice':
        break;
    }
  }
  if (thisTurn.size === 0) return;
  // The buttons of this turn's message always work, however many it shows.
  state.memory[PARKED] = parked.slice(-Math.max(KEPT_PARKED_VALUES, thisTurn.size));
}

export type PressedValue =
  /** Not a parked button: the value as it came. */
  | { readonly kind: 'as-sent'; readonly value: Value | undefined }
  /** A parked button: its whole value, with what the channel added (a form's inputs). */
  | { readonly kind: 'restored'; readonly value: Value }
  /** A parked button whose value has fallen off (too old). */
  | { readonly kind: 'expired'; readonly id: string };

/** The value of a pressed button, restored from the conversation's state when it was parked. */
export function restoreParkedValue(state: ConversationState, value: Value | undefined): PressedValue {
  const id = value?.parked;
  if (!value || typeof id !== 'string') return { kind: 'as-sent', value };
  const found = parkedIn(state).find((p) => p.id === id);
  if (!found) return { kind: 'expired', id };
  const { parked: _id, ...added } = value;
  return { kind: 'restored', value: { ...found.value, ...added } };
}

function keptFields(value: Value): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const field of KEPT_FIELDS) {
    const v = value[field];
    if (typeof v === 'string' && v.length <= KEPT_FIELD_MAX_CHARS) kept[field] = v;
  }
  return kept;
}

/** The value with every text longer than {@link MAX_PARKED_TEXT_CHARS} cut, ending with "…". */
function capTexts(value: Value): unknown {
  return mapTexts(value, (text) => cut(text, MAX_PARKED_TEXT_CHARS));
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never half of a character: a high surrogate at the cut goes with its pair.
  const end = /[\ud800-\udbff]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
