import type { UserProfile } from '../../../src/domain/user.js';
import type { AgentDesk } from '../../../src/skills/handoff/agent-desk.js';

/** What one process saw of the relayed user messages: per chat, entry ids and texts in delivery order. */
export interface RelayLog {
  readonly byChat: Record<string, Array<{ id: number; text: string }>>;
}

/** Records every user message the desk delivers to this process. */
export function recordRelays(desk: AgentDesk): RelayLog {
  const log: RelayLog = { byChat: {} };
  desk.subscribe((event) => {
    if (event.type !== 'user-message') return;
    const list = log.byChat[event.chat.handoffId] ?? [];
    log.byChat[event.chat.handoffId] = list;
    list.push({ id: event.entry.id, text: event.entry.text });
  });
  return log;
}

export interface AgentRunResult {
  readonly claims: Array<{ handoffId: string; agentId: string }>;
  readonly attempts: number;
  readonly lost: number;
  /** Per claimed chat, the user messages the agent saw (transcript at claim + live events), by id. */
  readonly seen: Record<string, string[]>;
  readonly errors: string[];
}

/**
 * Agents working the queue at once: each takes one of the oldest waiting chats
 * (several agents aim at the same ones), waits until the user's `expected`
 * messages reached it, answers twice and closes. Stops when the queue stays empty.
 */
export async function runAgents(
  desk: AgentDesk,
  agents: readonly UserProfile[],
  relays: RelayLog,
  options: { expected: number; replies: (handoffId: string) => string[]; idleStopMs: number },
): Promise<AgentRunResult> {
  const result: { -readonly [K in keyof AgentRunResult]: AgentRunResult[K] } = {
    claims: [],
    attempts: 0,
    lost: 0,
    seen: {},
    errors: [],
  };

  async function handle(agent: UserProfile, handoffId: string): Promise<void> {
    const transcript = await desk.transcript(handoffId);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const byId = new Map<number, string>();
      for (const e of transcript) if (e.author === 'user') byId.set(e.id, e.text);
      for (const e of relays.byChat[handoffId] ?? []) byId.set(e.id, e.text);
      const texts = [...byId.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
      const duringChat = texts.filter((t) => t.startsWith('msg-'));
      if (duringChat.length >= options.expected || Date.now() > deadline) {
        result.seen[handoffId] = duringChat;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const text of options.replies(handoffId)) await desk.reply(agent, handoffId, text);
    await desk.close(agent, handoffId);
  }

  async function work(agent: UserProfile): Promise<void> {
    let idleSince = Date.now();
    while (Date.now() - idleSince < options.idleStopMs) {
      const queue = (await desk.queue()).filter((c) => c.status === 'pending');
      if (queue.length === 0) {
        await new Promise((r) => setTimeout(r, 25));
        continue;
      }
      idleSince = Date.now();
      const pick = queue[Math.floor(Math.random() * Math.min(5, queue.length))]!;
      result.attempts++;
      const claim = await desk.claim(agent, pick.handoffId);
      if (!claim.ok) {
        result.lost++;
        continue;
      }
      result.claims.push({ handoffId: pick.handoffId, agentId: agent.id });
      try {
        await handle(agent, pick.handoffId);
      } catch (error) {
        result.errors.push(`${pick.handoffId}: ${String((error as Error).message)}`);
      }
      idleSince = Date.now();
    }
  }

  await Promise.all(agents.map(work));
  return result;
}
