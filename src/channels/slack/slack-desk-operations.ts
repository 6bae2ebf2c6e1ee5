import { BotError } from '../../core/errors.js';
import type { UserProfile } from '../../domain/user.js';
import type { SlackAgentDeskDeps } from './slack-desk-deps.js';
import { toMrkdwn } from './slack-mrkdwn.js';

/** Where an agent acted: private answers go there (ephemeral, in the thread when there is one). */
export interface AgentPlace {
  readonly channel: string;
  readonly user: string;
  readonly threadTs?: string;
}

export type TransferTarget = { agentId?: string; teamId?: string };

/** What an agent does from Slack (buttons, modals, thread commands), with refusals told privately. */
export interface DeskOperations {
  agentProfile(team: string, slackUser: string): Promise<UserProfile>;
  tell(where: AgentPlace, markdown: string): Promise<void>;
  /** Runs a desk call; a refusal (not an agent, wrong state) is told to the agent, not thrown. */
  attempt(where: AgentPlace, work: () => Promise<void>): Promise<void>;
  claim(agent: UserProfile, handoffId: string, where: AgentPlace): Promise<void>;
  transfer(agent: UserProfile, handoffId: string, to: TransferTarget, note: string): Promise<void>;
  /** What `!transfer` names: `@U123` (a Slack user linked to an agent) or a team id or name, then the note. */
  transferTarget(team: string, words: string): Promise<{ to: TransferTarget; note: string }>;
}

export function createDeskOperations(deps: SlackAgentDeskDeps): DeskOperations {
  const { desk, client, services } = deps;
  const t = services.responses.t;

  const ops: DeskOperations = {
    async agentProfile(team, slackUser) {
      return services.users.resolve('slack', team, await deps.identities.inboundUser(team, slackUser));
    },
    async tell(where, markdown) {
      await client.chat
        .postEphemeral({
          channel: where.channel,
          user: where.user,
          text: toMrkdwn(markdown),
          ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        })
        .catch((error: unknown) => deps.logger.warn({ err: error }, 'slack ephemeral not delivered'));
    },
    async attempt(where, work) {
      try {
        await work();
      } catch (error) {
        // The desk's own refusals (wrong state, not an agent, unknown target) are meant for
        // the agent; anything else is a fault whose text stays in the log.
        if (error instanceof BotError && error.status < 500) {
          deps.logger.info({ err: error }, 'slack agent action refused');
          await ops.tell(where, t('slack.desk.failed', { reason: error.message }));
        } else {
          deps.logger.error({ err: error }, 'slack agent action failed');
          await ops.tell(where, t('slack.desk.failed_internal'));
        }
      }
    },
    async claim(agent, handoffId, where) {
      if (agent.role === 'requester') {
        await ops.tell(where, t('slack.desk.not_agent'));
        return;
      }
      const result = await desk.claim(agent, handoffId);
      if (!result.ok) await ops.tell(where, t(`slack.desk.claim_failed.${result.reason}`));
    },
    async transfer(agent, handoffId, to, note) {
      if (!to.agentId && !to.teamId) throw new BotError('bad_request', t('slack.desk.transfer_pick'));
      await desk.transfer(agent, handoffId, to, note);
    },
    async transferTarget(team, words) {
      const mention = /^@([UW][A-Z0-9]+)\b\s*/.exec(words);
      if (mention) {
        const agentId = await deps.identities.botUserIdOf(team, mention[1] ?? '');
        if (!agentId) throw new BotError('bad_request', t('slack.desk.unknown_target'));
        return { to: { agentId }, note: words.slice(mention[0].length) };
      }
      const { teams } = await desk.directory();
      const lower = words.toLowerCase();
      const byName = teams
        .filter((x) => lower.startsWith(x.name.toLowerCase()))
        .sort((x, y) => y.name.length - x.name.length)[0];
      const byId = teams.find((x) => lower.startsWith(x.id.toLowerCase()));
      const match = byName ?? byId;
      if (!match) throw new BotError('bad_request', t('slack.desk.unknown_target'));
      const used = byName ? byName.name.length : match.id.length;
      return { to: { teamId: match.id }, note: words.slice(used).trim() };
    },
  };
  return ops;
}
