import { CloudAdapter, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { AppModule, AppServices, ModuleParts } from '../../app-module.js';
import { createEventClaims } from '../../core/event-claims.js';
import { createProcessedEvents } from '../../store/processed-events.js';
import type { TransferTargets } from './agents/desk-cards.js';
import { createTeamsAgentView, type TeamsAgentView } from './agents/teams-agent-desk.js';
import { createTeamsAgentThreads } from './agents/teams-agent-threads.js';
import { teamsAuthentication } from './bot-authentication.js';
import { createTeamsChannel } from './teams-channel.js';
import { createTeamsIdentities } from './teams-identities.js';
import type { InstallRecorder } from './teams-install-welcome.js';
import { asTeamsReference, createTeamsPoster, type TeamsReference } from './teams-poster.js';

/** The Teams endpoint: POST /api/messages on the bot's one HTTP server. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsModuleOptions {
  /** Extra botbuilder authentication settings (sovereign clouds; a local key server in tests). */
  readonly botFrameworkSettings?: ConfigurationBotFrameworkAuthenticationOptions;
  /** How often waiting chats whose card could not be posted are tried again (default 60 s). */
  readonly agentsResyncIntervalMs?: number;
}

/**
 * Microsoft Teams: always on (no credentials needed for local clients on
 * 127.0.0.1), the agents' view in TEAMS_AGENTS_CHANNEL when the handoff module
 * offers the agent desk.
 */
export function createTeamsModule(options: TeamsModuleOptions = {}): AppModule {
  return {
    name: 'teams',
    create: (services) => createTeamsParts(services, options),
  };
}

export const teamsModule: AppModule = createTeamsModule();

async function createTeamsParts(services: AppServices, options: TeamsModuleOptions): Promise<ModuleParts> {
  const { config, logger: parent, db } = services;
  const logger = parent.child({ channel: 'teams' });
  const auth = teamsAuthentication(config, options.botFrameworkSettings);
  if (auth.mode === 'refused') {
    logger.warn(
      { host: config.HOST },
      'Teams endpoint refuses every request: MICROSOFT_APP_ID is not set and HOST is not a loopback address',
    );
  } else if (auth.mode === 'local') {
    logger.info('Teams endpoint accepts unauthenticated local traffic (no MICROSOFT_APP_ID; loopback only)');
  }
  const { responses } = services;
  const adapter = new CloudAdapter(auth.botFrameworkAuthentication);
  const poster = createTeamsPoster(adapter, auth.appId);
  const identities = createTeamsIdentities({
    db,
    logger,
    onLinked: () => services.users.invalidate(),
    // Only addresses of the bot's own tenant (or any, when running locally) may link to people.
    trustsTenant: (tenant) =>
      auth.mode === 'local' ||
      (!!config.MICROSOFT_APP_TENANT_ID && tenant === config.MICROSOFT_APP_TENANT_ID),
  });

  const desk = services.shared.agentDesk;
  const agents: TeamsAgentView | null =
    desk && config.TEAMS_AGENTS_CHANNEL
      ? createTeamsAgentView({
          desk,
          agentsChannel: config.TEAMS_AGENTS_CHANNEL,
          poster,
          threads: createTeamsAgentThreads(db),
          once: createProcessedEvents(services.sql),
          outbox: services.outbox,
          users: services.users,
          identities,
          targets: () => transferTargets(services),
          storedReference: () => latestTeamsReference(services, config.TEAMS_AGENTS_CHANNEL ?? ''),
          responses,
          logger,
          ...(options.agentsResyncIntervalMs ? { resyncIntervalMs: options.agentsResyncIntervalMs } : {}),
        })
      : null;
  if (config.TEAMS_AGENTS_CHANNEL && !desk) {
    logger.warn('TEAMS_AGENTS_CHANNEL is set but no agent desk is available (handoff module missing)');
  }

  const channel = createTeamsChannel({
    adapter,
    auth,
    poster,
    bot: services.bot,
    responses,
    identities,
    installs: installRecorder(services),
    claims: createEventClaims(createProcessedEvents(services.sql), logger),
    clock: services.clock,
    agents,
    notifier: services.notifier,
    logger,
  });
  services.http?.route('POST', TEAMS_MESSAGES_PATH, (req, res) => channel.handle(req, res));

  return {
    channels: [channel],
    start: async () => agents?.start(),
    stop: async () => agents?.stop(),
  };
}

/** Stores the installer's conversation with its reference, so proactive messages reach it before anyone writes. */
function installRecorder(services: AppServices): InstallRecorder {
  return {
    async record(install) {
      const user = await services.users.resolve('teams', install.workspace, install.user);
      const conversation = await services.conversations.open({
        channel: 'teams',
        workspace: install.workspace,
        externalKey: install.conversationKey,
        userId: user.id,
        reference: install.reference,
      });
      return { conversationId: conversation.id };
    },
  };
}

/** Teams and agents a chat can be transferred to. */
async function transferTargets(services: AppServices): Promise<TransferTargets> {
  const [teams, agents] = await Promise.all([
    services.db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    services.db.agentProfile.findMany({ select: { userId: true, user: { select: { displayName: true } } } }),
  ]);
  return {
    teams,
    agents: agents
      .map((a) => ({ id: a.userId, name: a.user.displayName }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * The freshest stored Teams reference (from the agents' channel if there is one):
 * its service URL, bot and tenant are how the bot reaches the agents' channel
 * after a restart, before any new activity arrives.
 */
async function latestTeamsReference(
  services: AppServices,
  agentsChannel: string,
): Promise<TeamsReference | null> {
  const rows = await services.db.conversation.findMany({
    where: { channel: 'teams', reference: { not: null } },
    orderBy: { updatedAt: 'desc' },
    take: 50,
    select: { externalId: true, reference: true },
  });
  const preferred = rows.find((r) => r.externalId.startsWith(agentsChannel)) ?? rows[0];
  if (!preferred?.reference) return null;
  try {
    return asTeamsReference(JSON.parse(preferred.reference));
  } catch {
    return null;
  }
}
