import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AppServices } from '../../app-module.js';
import type { AgentDesk } from '../../skills/handoff/agent-desk.js';
import type { AgentThreads } from './slack-agent-threads.js';
import type { SlackIdentities } from './slack-identities.js';
import type { OnceMarks } from './slack-once.js';

/** What the Slack side of live chats works with. */
export interface SlackAgentDeskDeps {
  readonly services: AppServices;
  readonly desk: AgentDesk;
  readonly client: webApi.WebClient;
  readonly identities: SlackIdentities;
  readonly threads: AgentThreads;
  readonly once: OnceMarks;
  /** Channel id of the agents' channel (SLACK_AGENTS_CHANNEL); escalations are not posted without it. */
  readonly agentsChannel: string | undefined;
  /** The workspace of the bot token, where the agents' channel is. */
  readonly homeTeam: () => string | null;
  readonly logger: Logger;
  /** How often waiting chats without an escalation message, and messages Slack refused to rewrite, are tried again. */
  readonly resyncIntervalMs?: number;
}
