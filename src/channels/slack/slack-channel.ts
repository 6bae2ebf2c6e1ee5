import { App, HTTPReceiver, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { AppServices } from '../../app-module.js';
import type { Channel } from '../../core/channel.js';
import type { BlockKitTexts } from './render-block-kit.js';
import { createSlackAgentDesk, type SlackAgentDesk } from './slack-agent-desk.js';
import { createAgentThreads } from './slack-agent-threads.js';
import { createSlackAppHome } from './slack-app-home.js';
import { createBotIdentity } from './slack-bot-identity.js';
import { slackClientOptions } from './slack-client-options.js';
import { createSlackConversationLookup } from './slack-conversation-lookup.js';
import { createDirectMessages } from './slack-direct-messages.js';
import { createSlackIdentities } from './slack-identities.js';
import { registerInteractionListeners } from './slack-interaction-listeners.js';
import type { SlackListenerDeps } from './slack-listener-deps.js';
import { boltLogger } from './slack-logger.js';
import { registerMessageListeners } from './slack-message-listeners.js';
import { createOnceMarks } from './slack-once.js';
import { createSlackPoster } from './slack-poster.js';
import { parseSlackReference, type SlackReference } from './slack-reference.js';
import { createSlackTurns } from './slack-turns.js';

/** Bolt's default path: events, interactivity and the slash command all arrive here. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The Slack channel: a Bolt app on the bot's one HTTP server (HTTP mode, signed
 * requests verified by Bolt's HTTPReceiver) or on a Socket Mode connection when
 * SLACK_APP_TOKEN is set. It only translates: Slack payloads in, Block Kit out.
 */
export function createSlackChannel(services: AppServices): Channel {
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
  const identities = createSlackIdentities({
    db: services.db,
    client,
    homeTeam: () => identity.current()?.teamId ?? null,
    logger,
    onLinked: () => services.users.invalidate(),
  });
  const dms = createDirectMessages(client);
  const poster = createSlackPoster({ client, texts, dms });
  const turns = createSlackTurns({
    bot: services.bot,
    client,
    poster,
    notifier: services.notifier,
    texts,
    unavailableText: () => t('slack.unavailable'),
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
      })
    : null;
  const home = createSlackAppHome({ services, client, identities, logger });
  const deps: SlackListenerDeps = {
    services,
    client,
    identities,
    dms,
    poster,
    turns,
    lookup: createSlackConversationLookup(services.db),
    texts,
    desk,
    botUserId: () => identity.current()?.botUserId,
    logger,
  };
  registerMessageListeners(app, deps, config.SLACK_TICKET_REACTION.replace(/:/g, ''));
  registerInteractionListeners(app, deps, home);
  desk?.register(app);

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
      if (socketReceiver) {
        try {
          await socketReceiver.start();
        } catch (error) {
          logger.error({ err: error }, 'slack socket mode could not connect');
        }
      }
    },
    /** Stops taking events, then waits for the listeners in flight (their replies are posted). */
    async stop() {
      desk?.stop();
      if (socketReceiver) await socketReceiver.stop().catch(() => undefined);
      await Promise.allSettled([...inFlight]);
    },
    async deliver(target, replies) {
      const ref: SlackReference | null =
        parseSlackReference(target.reference) ?? referenceFromKey(target.workspace, target.externalKey);
      if (!ref) throw new Error(`slack: no reference for conversation ${target.conversationId}`);
      await poster.post(ref, replies);
    },
  };
}

function referenceFromKey(team: string, key: string): SlackReference | null {
  const [channel, threadTs] = key.split(':');
  if (!channel) return null;
  return { team, channel, ...(threadTs ? { threadTs } : {}) };
}
