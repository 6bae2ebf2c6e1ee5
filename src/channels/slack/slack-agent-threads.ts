import type { Db } from '../../store/prisma-client.js';

/** Where a live chat is shown in the agents' channel: the escalation message, whose thread is the chat. */
export interface AgentThreadLocation {
  readonly team: string;
  readonly channel: string;
  readonly ts: string;
}

/**
 * The AgentThread rows of the Slack channel. A row is reserved before the
 * escalation is posted, so with several bot instances exactly one posts it.
 */
export interface AgentThreads {
  /** True when this instance won the right to post the escalation of `handoffId`. */
  reserve(handoffId: string, team: string): Promise<boolean>;
  /** Records the posted message (after `reserve`). */
  placed(handoffId: string, location: AgentThreadLocation): Promise<void>;
  /** Gives the reservation back when posting failed, so a later event tries again. */
  release(handoffId: string): Promise<void>;
  /** The posted message; null when none was posted (yet). */
  byHandoff(handoffId: string): Promise<AgentThreadLocation | null>;
  /** The live chat whose escalation message starts this thread. */
  handoffOf(team: string, channel: string, threadTs: string): Promise<string | null>;
}

const PENDING = 'pending:';

export function createAgentThreads(db: Db): AgentThreads {
  return {
    async reserve(handoffId, team) {
      try {
        await db.agentThread.create({
          data: { handoffId, channel: 'slack', workspace: team, threadKey: `${PENDING}${handoffId}` },
        });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002') return false;
        throw error;
      }
    },
    async placed(handoffId, location) {
      await db.agentThread.update({
        where: { handoffId_channel: { handoffId, channel: 'slack' } },
        data: { workspace: location.team, threadKey: `${location.channel}:${location.ts}` },
      });
    },
    async release(handoffId) {
      await db.agentThread.deleteMany({ where: { handoffId, channel: 'slack' } });
    },
    async byHandoff(handoffId) {
      const row = await db.agentThread.findUnique({
        where: { handoffId_channel: { handoffId, channel: 'slack' } },
      });
      if (!row || row.threadKey.startsWith(PENDING)) return null;
      const [channel, ts] = row.threadKey.split(':');
      return channel && ts ? { team: row.workspace, channel, ts } : null;
    },
    async handoffOf(team, channel, threadTs) {
      const row = await db.agentThread.findUnique({
        where: {
          channel_workspace_threadKey: {
            channel: 'slack',
            workspace: team,
            threadKey: `${channel}:${threadTs}`,
          },
        },
        select: { handoffId: true },
      });
      return row?.handoffId ?? null;
    },
  };
}
