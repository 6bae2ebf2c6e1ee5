import type { UserKind, UserProfile, UserRole } from '../domain/user.js';
import type { Availability } from '../skills/handoff/agent-desk.js';
import type { Db } from './prisma-client.js';

export interface AgentRecord {
  readonly userId: string;
  readonly displayName: string;
  readonly availability: Availability;
  readonly maxChats: number;
  readonly teamIds: readonly string[];
}

export interface TeamRecord {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  /** Opening hours by weekday key (mon..sun), in the team's time zone. */
  readonly businessHours: Readonly<Record<string, readonly [string, string]>>;
  /** Issue types the team takes; empty = every type. */
  readonly issueTypes: readonly string[];
  readonly memberIds: readonly string[];
}

/** Agents, their availability and teams. */
export interface AgentDirectory {
  /** The user behind a web identity, without creating one (the agent console signs in by web id). */
  userByWebId(webId: string): Promise<UserProfile | null>;
  agent(userId: string): Promise<AgentRecord | null>;
  agents(): Promise<AgentRecord[]>;
  setAvailability(userId: string, availability: Availability): Promise<boolean>;
  teams(): Promise<TeamRecord[]>;
  /** The user's own time zone, when the directory knows it. */
  timezoneOf(userId: string): Promise<string | null>;
}

const availabilities: readonly Availability[] = ['online', 'away', 'offline'];

export function createAgentDirectory(db: Db): AgentDirectory {
  const include = { user: { select: { displayName: true } }, teams: { select: { teamId: true } } } as const;
  const toAgent = (row: {
    userId: string;
    availability: string;
    maxChats: number;
    user: { displayName: string };
    teams: { teamId: string }[];
  }): AgentRecord => ({
    userId: row.userId,
    displayName: row.user.displayName,
    availability: availabilities.includes(row.availability as Availability)
      ? (row.availability as Availability)
      : 'offline',
    maxChats: row.maxChats,
    teamIds: row.teams.map((t) => t.teamId).sort(),
  });

  return {
    async userByWebId(webId) {
      const identity = await db.channelIdentity.findUnique({
        where: { channel_workspace_externalId: { channel: 'web', workspace: '', externalId: webId } },
        include: { user: true },
      });
      if (!identity) return null;
      const u = identity.user;
      return {
        id: u.id,
        displayName: u.displayName,
        email: u.email,
        role: (['requester', 'agent', 'admin'].includes(u.role) ? u.role : 'requester') as UserRole,
        kind: (u.kind === 'partner' ? 'partner' : 'brand') as UserKind,
        accountId: u.accountId,
      };
    },
    async agent(userId) {
      const row = await db.agentProfile.findUnique({ where: { userId }, include });
      return row ? toAgent(row) : null;
    },
    async agents() {
      const rows = await db.agentProfile.findMany({ include, orderBy: { userId: 'asc' } });
      return rows.map(toAgent);
    },
    async setAvailability(userId, availability) {
      const updated = await db.agentProfile.updateMany({ where: { userId }, data: { availability } });
      return updated.count === 1;
    },
    async teams() {
      const rows = await db.team.findMany({
        include: { members: { select: { agentId: true } } },
        orderBy: { id: 'asc' },
      });
      return rows.map((t) => ({
        id: t.id,
        name: t.name,
        timezone: t.timezone,
        businessHours: parseJson<Record<string, [string, string]>>(t.businessHours, {}),
        issueTypes: parseJson<string[]>(t.issueTypes, []),
        memberIds: t.members.map((m) => m.agentId),
      }));
    },
    async timezoneOf(userId) {
      const row = await db.user.findUnique({ where: { id: userId }, select: { timezone: true } });
      return row?.timezone ?? null;
    },
  };
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
