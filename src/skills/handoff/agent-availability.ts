import type { AgentDirectory, AgentRecord, TeamRecord } from '../../store/agent-directory.js';
import type { HandoffRepository } from '../../store/handoff-repository.js';
import { isOpen, nextOpening } from './business-hours.js';

export type AvailabilityCheck =
  | {
      readonly available: true;
      readonly team: TeamRecord;
      /** Online agents of the team (with or without a free slot), for the wait estimate. */
      readonly onlineAgents: number;
    }
  | {
      readonly available: false;
      /** The team the chat would go to (the one opening first), null when no team takes the issue type. */
      readonly team: TeamRecord | null;
      /** 'closed': outside business hours; 'no-agent': open, but no agent online with a free slot. */
      readonly reason: 'closed' | 'no-agent';
      /** The next opening of a matching team, when closed. */
      readonly opensAt: Date | null;
    };

/** Teams that take an issue type: the specialised ones first, then those taking every type. */
export function teamsFor(teams: readonly TeamRecord[], issueType: string | null): TeamRecord[] {
  const specialised = issueType ? teams.filter((t) => t.issueTypes.includes(issueType)) : [];
  const general = teams.filter((t) => t.issueTypes.length === 0);
  return [...specialised, ...general];
}

function hasFreeSlot(agent: AgentRecord, counts: ReadonlyMap<string, number>): boolean {
  return agent.availability === 'online' && (counts.get(agent.userId) ?? 0) < agent.maxChats;
}

/**
 * Is live chat possible now for this issue type: a matching team inside its business
 * hours with at least one agent online who has a free slot?
 */
export async function checkAvailability(
  deps: { agents: AgentDirectory; handoffs: HandoffRepository },
  issueType: string | null,
  now: Date,
  onlyTeamId?: string | null,
): Promise<AvailabilityCheck> {
  const all = await deps.agents.teams();
  const candidates = onlyTeamId
    ? all.filter((t) => t.id === onlyTeamId)
    : teamsFor(all, issueType).filter((t) => t.memberIds.length > 0);
  if (candidates.length === 0) return { available: false, team: null, reason: 'no-agent', opensAt: null };

  const agents = await deps.agents.agents();
  const counts = await deps.handoffs.activeCounts(agents.map((a) => a.userId));
  const open = candidates.filter((t) => isOpen({ timezone: t.timezone, hours: t.businessHours }, now));
  for (const team of open) {
    const members = agents.filter((a) => team.memberIds.includes(a.userId));
    if (members.some((a) => hasFreeSlot(a, counts))) {
      return {
        available: true,
        team,
        onlineAgents: members.filter((a) => a.availability === 'online').length,
      };
    }
  }
  if (open.length > 0) return { available: false, team: open[0]!, reason: 'no-agent', opensAt: null };

  let first: { team: TeamRecord; at: Date } | null = null;
  for (const team of candidates) {
    const at = nextOpening({ timezone: team.timezone, hours: team.businessHours }, now);
    if (at && (!first || at < first.at)) first = { team, at };
  }
  return {
    available: false,
    team: first?.team ?? candidates[0]!,
    reason: 'closed',
    opensAt: first?.at ?? null,
  };
}

/**
 * Online agents who could take a chat of this team now: its online members, none outside its
 * business hours. A chat of no team (or of a team that is gone) counts every online agent.
 */
export function agentsOnDuty(
  teams: readonly TeamRecord[],
  agents: readonly AgentRecord[],
  teamId: string | null,
  now: Date,
): number {
  const online = agents.filter((a) => a.availability === 'online');
  const team = teamId ? teams.find((t) => t.id === teamId) : undefined;
  if (!team) return online.length;
  if (!isOpen({ timezone: team.timezone, hours: team.businessHours }, now)) return 0;
  return online.filter((a) => team.memberIds.includes(a.userId)).length;
}

/** Whether anyone who could take a chat of this team is on duty now (see agentsOnDuty). */
export async function anyAgentOnDuty(
  deps: { agents: AgentDirectory },
  teamId: string | null,
  now: Date,
): Promise<boolean> {
  const [teams, agents] = await Promise.all([deps.agents.teams(), deps.agents.agents()]);
  return agentsOnDuty(teams, agents, teamId, now) > 0;
}

/** Whether the agent could take one more chat now: online, with a free slot. */
export async function canTakeAnotherChat(
  deps: { agents: AgentDirectory; handoffs: HandoffRepository },
  agentId: string,
): Promise<boolean> {
  const agent = await deps.agents.agent(agentId);
  if (!agent) return false;
  return hasFreeSlot(agent, await deps.handoffs.activeCounts([agentId]));
}
