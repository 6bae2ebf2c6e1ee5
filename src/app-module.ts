import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Bot } from './core/bot.js';
import type { Channel } from './core/channel.js';
import type { BotMetrics } from './core/metrics.js';
import type { Notifier } from './core/notifier.js';
import type { Responses } from './core/responses.js';
import type { Fallback, Skill } from './core/skill.js';
import type { TurnContext, TurnMiddleware } from './core/turn-context.js';
import type { HttpServer } from './http/http-server.js';
import type { AppMatcher, PartnerDirectoryNames } from './nlu-matcher.js';
import type { DocSuggestions } from './skills/docs/doc-suggestions.js';
import type { AgentDesk } from './skills/handoff/agent-desk.js';
import type { TicketService } from './skills/tickets/ticket-service.js';
import type { ConversationRepository } from './store/conversation-repository.js';
import type { Outbox } from './store/outbox.js';
import type { DatabaseProvider, Db } from './store/prisma-client.js';
import type { SqlExecutor } from './store/sql/sql-executor.js';
import type { UserDirectory } from './store/user-directory.js';

/**
 * Services one feature module offers to the modules created after it
 * (tickets use the help center for suggestions; handoff uses tickets; channels use handoff).
 * Each module fills in its own field.
 */
export interface SharedServices {
  /** From the docs module: help-doc suggestions before a ticket is filed. */
  docs?: DocSuggestions;
  /** From the tickets module. */
  tickets?: TicketService;
  /** From the handoff module: the agent API for every channel's agent view. */
  agentDesk?: AgentDesk;
  /** From the handoff module: whether an agent can take a new live chat now (for home views' buttons). */
  liveChatOpen?: (now: Date) => Promise<boolean>;
  /** From the partners module: the partner directory of the person writing, as routing reads it. */
  partnerDirectory?: (ctx: TurnContext) => Promise<PartnerDirectoryNames | null>;
}

/** What the composition root hands every module. */
export interface AppServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Db;
  /** Hand-written statements for the per-turn hot path (same connections as `db`). */
  readonly sql: SqlExecutor;
  readonly provider: DatabaseProvider;
  readonly responses: Responses;
  readonly matcher: AppMatcher;
  readonly metrics: BotMetrics;
  readonly users: UserDirectory;
  readonly conversations: ConversationRepository;
  readonly outbox: Outbox;
  readonly notifier: Notifier;
  readonly clock: () => Date;
  /** The shared HTTP server; null when the app runs without one (terminal chat). */
  readonly http: HttpServer | null;
  readonly shared: SharedServices;
  /** Starts an intent by name, as if typed (for buttons); bound once the router exists. */
  readonly runIntent: (ctx: TurnContext, intent: string) => Promise<void>;
  /** The bot, for channels; bound once every module is created. */
  readonly bot: () => Bot;
}

/** What a feature module adds to the bot. */
export interface ModuleParts {
  readonly skills?: readonly Skill[];
  /** Runs before the router, in module order (the live-agent gate). */
  readonly middleware?: readonly TurnMiddleware[];
  /** Replaces the fallback for unmatched messages (the docs search). */
  readonly fallback?: Fallback;
  readonly channels?: readonly Channel[];
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface AppModule {
  readonly name: string;
  create(services: AppServices): Promise<ModuleParts> | ModuleParts;
}
