import { TICKET_STATUSES, type TicketStatus } from '../../domain/ticket-statuses.js';
import type { UserProfile } from '../../domain/user.js';
import { relayKey } from './slack-desk-board.js';
import type { SlackAgentDeskDeps } from './slack-desk-deps.js';
import type { DeskOperations } from './slack-desk-operations.js';
import { attachmentsOf } from './slack-inbound.js';
import type { AgentThreadMessage } from './slack-listener-deps.js';

/**
 * A message in a live chat's thread: the claiming agent's words go to the user;
 * `!note`, `!status`, `!transfer`, `!close`, `!claim` and `!help` are commands.
 * Returns false when the thread is not a live chat's.
 */
export async function onDeskThreadMessage(
  deps: SlackAgentDeskDeps,
  ops: DeskOperations,
  m: AgentThreadMessage,
): Promise<boolean> {
  const { desk } = deps;
  const t = deps.services.responses.t;
  const handoffId = await deps.threads.handoffOf(m.team, m.channel, m.threadTs);
  if (!handoffId) return false;
  const where = { channel: m.channel, user: m.user, threadTs: m.threadTs };
  const agent = await ops.agentProfile(m.team, m.user);
  if (m.text.trim().startsWith('!')) {
    await command(deps, ops, m, agent, handoffId);
    return true;
  }
  const chat = await desk.chat(handoffId);
  if (!chat || chat.agentId !== agent.id || chat.status !== 'assigned') {
    await ops.tell(where, t('slack.desk.not_yours'));
    return true;
  }
  await ops.attempt(where, async () => {
    const key = relayKey(handoffId, m.text);
    await deps.once.claim(key);
    try {
      await desk.reply(agent, handoffId, m.text, attachmentsOf(m.files));
    } catch (error) {
      await deps.once.consume(key);
      throw error;
    }
  });
  return true;
}

async function command(
  deps: SlackAgentDeskDeps,
  ops: DeskOperations,
  m: AgentThreadMessage,
  agent: UserProfile,
  handoffId: string,
): Promise<void> {
  const { desk } = deps;
  const t = deps.services.responses.t;
  const where = { channel: m.channel, user: m.user, threadTs: m.threadTs };
  const [, name = '', rest = ''] = /^!(\w+)\s*([\s\S]*)$/.exec(m.text.trim()) ?? [];
  switch (name.toLowerCase()) {
    case 'note':
      await ops.attempt(where, async () => {
        await desk.note(agent, handoffId, rest.trim());
        await ops.tell(where, t('slack.desk.note_saved'));
      });
      return;
    case 'status': {
      const parsed = parseStatus(rest);
      if (!parsed) break;
      const { status, solution } = parsed;
      // Solution Offered comes with the solution, for the requester: without it nothing changes.
      if (status === 'solution_offered' && !solution) {
        await ops.tell(where, t('slack.desk.solution_hint'));
        return;
      }
      await ops.attempt(where, async () => {
        const { notice } = await desk.setTicketStatus(agent, handoffId, status, solution);
        await ops.tell(
          where,
          notice ??
            t(solution ? 'slack.desk.solution_saved' : 'slack.desk.status_saved', { status: label(status) }),
        );
      });
      return;
    }
    case 'transfer':
      await ops.attempt(where, async () => {
        const { to, note } = await ops.transferTarget(m.team, rest.trim());
        await ops.transfer(agent, handoffId, to, note);
      });
      return;
    case 'close':
      await ops.attempt(where, () => desk.close(agent, handoffId));
      return;
    case 'claim':
      await ops.claim(agent, handoffId, where);
      return;
  }
  await ops.tell(where, t('slack.desk.help', { statuses: TICKET_STATUSES.map((s) => s.id).join(', ') }));
}

/**
 * `!status` words: a status by id or label ("in_progress", "In Progress", "solution-offered");
 * Solution Offered may go on with the solution ("solution offered: clear the cache"), no other status takes text.
 */
function parseStatus(text: string): { status: TicketStatus; solution: string } | null {
  const words = text.trim();
  for (const s of TICKET_STATUSES) {
    for (const name of [s.id, s.label]) {
      const pattern = name.split(/[\s_]+/).join('[\\s_-]+');
      const match = new RegExp(`^${pattern}(?=$|[\\s:])[\\s:]*`, 'i').exec(words);
      if (!match) continue;
      const solution = words.slice(match[0].length).trim();
      if (solution && s.id !== 'solution_offered') return null;
      return { status: s.id, solution };
    }
  }
  return null;
}

function label(status: TicketStatus): string {
  return TICKET_STATUSES.find((s) => s.id === status)?.label ?? status;
}
