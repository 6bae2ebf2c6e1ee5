import { createHash } from 'node:crypto';
import type { ConversationState } from './conversation-state.js';

/**
 * A conversation's state keeps marks of the latest inbound events its turns stored. The state is
 * saved with the turn's messages at once, so a mark exists exactly when the event's turn was
 * stored: a retry that finds it is a duplicate, whatever became of the event's claim.
 * Platforms retry within minutes, while a conversation moves on a turn or so at a time.
 */
const REMEMBERED_EVENTS = 50;

/** A short, fixed-length mark of an event key (keys run to a hundred characters). */
function markOf(eventKey: string): string {
  return createHash('sha256').update(eventKey).digest('base64url').slice(0, 16);
}

/** True when a turn of this conversation stored the event. */
export function storedEvent(state: ConversationState, eventKey: string): boolean {
  return state.storedEvents?.includes(markOf(eventKey)) ?? false;
}

/** The state to save with the event's turn: its mark added, the oldest marks dropped. */
export function withStoredEvent(state: ConversationState, eventKey: string): ConversationState {
  const marks = [...(state.storedEvents ?? []), markOf(eventKey)];
  return { ...state, storedEvents: marks.slice(-REMEMBERED_EVENTS) };
}
