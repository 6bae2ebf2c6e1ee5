import type { Db } from '../../../store/prisma-client.js';

/**
 * The AgentThread rows of the Teams channel: a live chat's escalation card in the
 * agents' channel, whose reply chain (`<channel id>;messageid=<card id>`) is where
 * the claiming agent talks to the user. A row is reserved before the card is
 * posted, so with several bot instances exactly one posts it.
 */
export interface TeamsAgentThreads {
  /** True when this instance won the right to post the escalation card of `handoffId`. */
  reserve(handoffId: string, tenant: string): Promise<boolean>;
  /** Records the posted card's reply chain (after `reserve`). */
  placed(handoffId: string, tenant: string, threadId: string): Promise<void>;
  /** Gives the reservation back when posting failed, so a later attempt can post. */
  release(handoffId: string): Promise<void>;
  /** The reply chain of a chat's card; null when none was posted (yet). */
  threadOf(handoffId: string): Promise<string | null>;
  /** The live chat whose card starts this reply chain. */
  handoffOf(tenant: string, threadId: string): Promise<string | null>;
}

const CHANNEL = 'teams';
const PENDING = 'pending:';

export function createTeamsAgentThreads(db: Db): TeamsAgentThreads {
  return {
    async reserve(handoffId, tenant) {
      try {
        await db.agentThread.create({
          data: { handoffId, channel: CHANNEL, workspace: tenant, threadKey: `${PENDING}${handoffId}` },
        });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002') return false;
        throw error;
      }
    },
    async placed(handoffId, tenant, threadId) {
      await db.agentThread.update({
        where: { handoffId_channel: { handoffId, channel: CHANNEL } },
        data: { workspace: tenant, threadKey: threadId },
      });
    },
    async release(handoffId) {
      await db.agentThread.deleteMany({ where: { handoffId, channel: CHANNEL } });
    },
    async threadOf(handoffId) {
      const row = await db.agentThread.findUnique({
        where: { handoffId_channel: { handoffId, channel: CHANNEL } },
        select: { threadKey: true },
      });
      return row && !row.threadKey.startsWith(PENDING) ? row.threadKey : null;
    },
    async handoffOf(tenant, threadId) {
      const row = await db.agentThread.findUnique({
        where: { channel_workspace_threadKey: { channel: CHANNEL, workspace: tenant, threadKey: threadId } },
        select: { handoffId: true },
      });
      return row?.handoffId ?? null;
    },
  };
}
