import type { HandoffStatus } from './agent-desk.js';

/**
 * The live-chat lifecycle (after botpress HITL and Chatwoot):
 * pending → assigned → resolved; pending → abandoned (the user left) | expired (timed out);
 * assigned → transferred → assigned. A transferred chat is back in a queue, so it may
 * also end like a pending one (the user leaves or it times out) or be ended by the user.
 */
const allowed: Readonly<Record<HandoffStatus, readonly HandoffStatus[]>> = {
  pending: ['assigned', 'abandoned', 'expired'],
  assigned: ['resolved', 'transferred'],
  transferred: ['assigned', 'resolved', 'abandoned', 'expired'],
  resolved: [],
  abandoned: [],
  expired: [],
};

/** Statuses of a chat that is still live: the gate relays while one exists. */
export const ACTIVE_HANDOFF_STATUSES: readonly HandoffStatus[] = ['pending', 'assigned', 'transferred'];

/** A chat that is over (resolved, abandoned or expired): nothing about it changes any more. */
export function isHandoffOver(status: HandoffStatus): boolean {
  return !ACTIVE_HANDOFF_STATUSES.includes(status);
}

/** Statuses of a chat waiting for an agent to take it. */
export const WAITING_HANDOFF_STATUSES: readonly HandoffStatus[] = ['pending', 'transferred'];

/** Whether the state machine has the edge `from → to`. */
export function canTransition(from: HandoffStatus, to: HandoffStatus): boolean {
  return allowed[from].includes(to);
}

export function isHandoffStatus(value: string): value is HandoffStatus {
  return value in allowed;
}
