/** Typical minutes an agent spends on one chat, before the desk has history of its own. */
const DEFAULT_HANDLE_MIN = 6;

/**
 * Minutes until the chat at `position` is likely taken: the chats ahead of it are
 * shared among the team's online agents, each taking the average handle time, and
 * the first free slot comes on average half a chat from now. At least one minute;
 * an honest ballpark, not a promise.
 */
export function estimateWaitMinutes(input: {
  position: number;
  onlineAgents: number;
  averageHandleMin: number | null;
}): number {
  const handle = Math.min(60, Math.max(1, input.averageHandleMin ?? DEFAULT_HANDLE_MIN));
  const agents = Math.max(1, input.onlineAgents);
  const ahead = Math.max(0, input.position - 1);
  return Math.max(1, Math.ceil((ahead / agents + 0.5) * handle));
}
