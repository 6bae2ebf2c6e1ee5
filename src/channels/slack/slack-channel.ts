import { App, HTTPReceiver, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AppServices } from '../../app-module.js';
import type { Channel } from '../../core/channel.js';
import { type Backoff, type Retrying, retryWithBackoff } from '../../core/retry-with-backoff.js';
import type { BlockKitTexts } from './render-block-kit.js';
import { createSlackAgentDesk, type SlackAgentDesk } from './slack-agent-desk.js';
import { createAgentThreads } from './slack-agent-threads.js';
import { createSlackAppHome, type LiveChatOpen } from './slack-app-home.js';
import { createBotIdentity } from './slack-bot-identity.js';
import { addressedDelivery } from './slack-button-owner.js';
import { slackClientOptions } from './slack-client-options.js';
import { createSlackConversationLookup } from './slack-conversation-lookup.js';
import { createDirectMessages } from './slack-direct-messages.js';
import { createSlackIdentities } from './slack-identities.js';
import { registerInteractionListeners } from './slack-interaction-listeners.js';
import type { SlackListenerDeps } from './slack-listener-deps.js';
import { boltLogger } from './slack-logger.js';
import { registerMessageListeners } from './slack-message-listeners.js';
import { createOnceMarks } from './slack-once.js';
import { createOutsideGuests } from './slack-outside-guests.js';
import { createSlackPoster } from './slack-poster.js';
import { parseSlackReference, type SlackReference } from './slack-reference.js';
import { createSlackTurns } from './slack-turns.js';
import { createWorkspaceMembers, type WorkspaceHome } from './slack-workspace-members.js';

/** Bolt's default path: events, interactivity and the slash command all arrive here. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The Slack channel: a Bolt app on the bot's one HTTP server (HTTP mode, signed
 * requests verified by Bolt's HTTPReceiver) or on a Socket Mode connection when
 * SLACK_APP_TOKEN is set. It only translates: Slack payloads in, Block Kit out.
 */
export interface SlackChannelOptions {
  /** Whether an agent can take a live chat now, for the App Home's buttons (see `LiveChatOpen`). */
  readonly liveChatOpen?: LiveChatOpen;
  /** How often the agents' channel is caught up with the waiting chats (default 60 s). */
  readonly agentsResyncIntervalMs?: number;
}

export function createSlackChannel(services: AppServices, options: SlackChannelOptions = {}): Channel {
  const { config } = services;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('createSlackChannel needs SLACK_BOT_TOKEN');
  const logger = services.logger.child({ channel: 'slack' });
  const clientOptions = slackClientOptions(config, logger);
  const client = new webApi.WebClient(token, clientOptions);
  const identity = createBotIdentity(client);
  const t = services.responses.t;

  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  let receiver: Receiver;
  let socketReceiver: SocketModeReceiver | null = null;
  if (config.SLACK_APP_TOKEN) {
    socketReceiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger: boltLogger(logger),
      installerOptions: { clientOptions },
      // The channel connects and reconnects itself, with backoff and a log line per failure.
      autoReconnectEnabled: false,
    });
    receiver = socketReceiver;
  } else {
    const http = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET ?? '',
      endpoints: SLACK_EVENTS_PATH,
      logger: boltLogger(logger),
      processBeforeResponse: false,
    });
    if (!services.http) throw new Error('Slack HTTP mode needs the HTTP server');
    services.http.route('POST', SLACK_EVENTS_PATH, (req, res) => http.requestListener(req, res));
    receiver = http;
  }

  const app = new App({
    receiver,
    logger: boltLogger(logger),
    clientOptions,
    convoStore: false,
    // One workspace per token today; an installation store would look the token up by team here.
    authorize: async (source) => {
      const me = await identity.get();
      return {
        botToken: token,
        botId: me.botId,
        botUserId: me.botUserId,
        teamId: source.teamId ?? me.teamId,
      };
    },
  });
  // Bolt acknowledges an event before its listeners run, so the HTTP server closing
  // says nothing about the replies still being posted: stop() waits for these.
  const inFlight = new Set<Promise<void>>();
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const work = processEvent(event);
    inFlight.add(work);
    const done = () => inFlight.delete(work);
    work.then(done, done);
    return work;
  };
  app.error(async (error) => {
    logger.error({ err: error }, 'slack listener failed');
  });

  const texts: BlockKitTexts = { openForm: t('slack.open_form'), close: t('slack.form_close') };
  const home = (): WorkspaceHome | null => identity.current();
  const identities = createSlackIdentities({
    db: services.db,
    client,
    homeTeam: () => identity.current()?.teamId ?? null,
    homeEnterprise: () => identity.current()?.enterpriseId ?? null,
    logger,
    onLinked: () => services.users.invalidate(),
  });
  const ticketReaction = config.SLACK_TICKET_REACTION.replace(/:/g, '');
  const guests = createOutsideGuests({
    members: createWorkspaceMembers({ client, home, logger }),
    client,
    ticketReaction,
    texts: {
      guest: () => {
        const me = identity.current();
        return t('slack.outside_guest', { workspace: me?.teamName || me?.teamId || '' });
      },
      unavailable: () => t('core.unavailable'),
      modalTitle: () => t('slack.home.title'),
      modalClose: () => t('slack.outside_guest_close'),
    },
    logger,
  });
  // Before every listener, the agents' desk's too: people of other companies get no turn.
  app.use(guests.middleware);
  const dms = createDirectMessages(client);
  const poster = createSlackPoster({ client, texts, dms });
  const turns = createSlackTurns({
    bot: services.bot,
    client,
    poster,
    notifier: services.notifier,
    texts,
    unavailableText: () => t('core.unavailable'),
    logger,
  });
  const agentDesk = services.shared.agentDesk;
  const desk: SlackAgentDesk | null = agentDesk
    ? createSlackAgentDesk({
        services,
        desk: agentDesk,
        client,
        identities,
        threads: createAgentThreads(services.db),
        once: createOnceMarks(services.db),
        agentsChannel: config.SLACK_AGENTS_CHANNEL,
        homeTeam: () => identity.current()?.teamId ?? null,
        logger,
        ...(options.agentsResyncIntervalMs ? { resyncIntervalMs: options.agentsResyncIntervalMs } : {}),
      })
    : null;
  const appHome = createSlackAppHome({
    services,
    client,
    identities,
    logger,
    ...(options.liveChatOpen ? { liveChatOpen: options.liveChatOpen } : {}),
  });
  const deps: SlackListenerDeps = {
    services,
    client,
    identities,
    guests,
    dms,
    poster,
    turns,
    lookup: createSlackConversationLookup(services.db),
    texts,
    desk,
    botUserId: () => identity.current()?.botUserId,
    logger,
  };
  registerMessageListeners(app, deps, ticketReaction);
  registerInteractionListeners(app, deps, appHome);
  desk?.register(app);

  const socket = socketReceiver ? keepSocketConnected(socketReceiver, logger) : null;

  return {
    name: 'slack',
    async start() {
      try {
        const me = await identity.get();
        logger.info({ team: me.teamId, botUserId: me.botUserId, socketMode }, 'slack connected');
      } catch (error) {
        // Not fatal: the web chat still works, and the next Slack request tries auth.test again.
        logger.error({ err: error }, 'slack auth.test failed; Slack requests will retry it');
      }
      desk?.start();
      // Not awaited: the web chat and the rest of the bot start while Slack is out of reach.
      socket?.connect();
    },
    /** Stops taking events, then waits for the listeners in flight (their replies are posted). */
    async stop() {
      const deskStopped = desk?.stop();
      await socket?.stop();
      await Promise.allSettled([...inFlight, deskStopped]);
    },
    async deliver(target, replies) {
      const ref: SlackReference | null =
        parseSlackReference(target.reference) ?? referenceFromKey(target.workspace, target.externalKey);
      if (!ref) throw new Error(`slack: no reference for conversation ${target.conversationId}`);
      const addressed = await addressedDelivery(identities, ref, target.addressee);
      await poster.post(addressed.ref, replies, addressed.shownTo);
    },
  };
}

/** Socket Mode waits 1 s after a first failed connection, doubling up to a minute. */
const SOCKET_BACKOFF: Backoff = { firstDelayMs: 1000, maxDelayMs: 60_000, jitter: 0.2 };

/**
 * Keeps the Socket Mode connection: tries until it connects (Slack out of reach at start,
 * a refused socket), and again whenever it drops (Slack asks apps to reconnect now and then),
 * waiting longer after each failure and logging each one.
 */
function keepSocketConnected(receiver: SocketModeReceiver, logger: Logger) {
  let stopping = false;
  let connected = false;
  let retrying: Retrying | null = null;
  // A refused socket ends the attempt without a reason; the client's error event has it.
  let lastError: unknown = null;
  receiver.client.on('error', (error: unknown) => {
    lastError = error;
  });
  const connect = () => {
    retrying = retryWithBackoff(
      async () => {
        lastError = null;
        await receiver.start();
      },
      {
        ...SOCKET_BACKOFF,
        onFailure: (error, attempt, retryInMs) =>
          logger.warn(
            { err: error ?? lastError, attempt, retryInMs },
            `slack socket mode could not connect (attempt ${attempt}); retrying in ${Math.ceil(retryInMs / 1000)} s`,
          ),
      },
    );
    void retrying.done.then((attempts) => {
      if (attempts === null || stopping) return;
      connected = true;
      logger.info({ attempts }, 'slack socket mode connected');
    });
  };
  receiver.client.on('disconnected', () => {
    if (stopping || !connected) return;
    connected = false;
    logger.warn('slack socket mode disconnected; reconnecting');
    connect();
  });
  return {
    connect,
    async stop() {
      stopping = true;
      retrying?.stop();
      await receiver.stop().catch(() => undefined);
    },
  };
}

function referenceFromKey(team: string, key: string): SlackReference | null {
  const [channel, threadTs] = key.split(':');
  if (!channel) return null;
  return { team, channel, ...(threadTs ? { threadTs } : {}) };
}
