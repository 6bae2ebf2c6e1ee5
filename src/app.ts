import { resolve } from 'node:path';
import { type Logger, pino } from 'pino';
import type { AppModule, AppServices, ModuleParts, SharedServices } from './app-module.js';
import { appModules } from './app-modules.js';
import { mountWebChannel } from './channels/web/web-channel.js';
import type { Config } from './config.js';
import type { Bot } from './core/bot.js';
import { createBot } from './core/bot.js';
import type { Channel } from './core/channel.js';
import { startEventKeyPruner } from './core/event-key-pruner.js';
import { createMetrics } from './core/metrics.js';
import { createNotifier } from './core/notifier.js';
import { createOutboxDispatcher } from './core/outbox-dispatcher.js';
import { loadResponses } from './core/responses.js';
import { createRouter, type Router } from './core/router.js';
import type { Fallback, Skill } from './core/skill.js';
import { createTranscriptChannel } from './core/transcript-channel.js';
import type { TurnMiddleware } from './core/turn-context.js';
import { createHttpServer, type HttpServer, sendJson } from './http/http-server.js';
import { type AppMatcher, loadIntentMatcher } from './nlu-matcher.js';
import { createHelpSkill } from './skills/core/help-skill.js';
import { createMenuFallback } from './skills/core/menu-fallback.js';
import { createSmalltalkSkill } from './skills/smalltalk/smalltalk-skill.js';
import { createConversationRepository } from './store/conversation-repository.js';
import { applyMigrations } from './store/migrate.js';
import { createOutbox } from './store/outbox.js';
import { openDatabase } from './store/prisma-client.js';
import { createProcessedEvents } from './store/processed-events.js';
import { redactUrl } from './store/schema-engine/database-url.js';
import { readSeedDirectory, seedDirectory } from './store/seed/seed-directory.js';
import { createUserDirectory } from './store/user-directory.js';
import { createWebConversationLookup } from './store/web-conversation-lookup.js';

export interface AppOptions {
  /** Serve HTTP (web chat, Slack, Teams, health, metrics); the terminal chat runs without. */
  readonly http?: boolean;
  readonly logger?: Logger;
  readonly clock?: () => Date;
  /** Feature modules; defaults to every module of the bot. */
  readonly modules?: readonly AppModule[];
  /** Content root (responses, seed directory); defaults to ./content. */
  readonly contentDir?: string;
  /** The intent engine; loaded from intents/ when not given. */
  readonly matcher?: AppMatcher;
}

export interface App {
  readonly bot: Bot;
  readonly services: AppServices;
  readonly http: HttpServer | null;
  /** The port the HTTP server listens on, once started. */
  port: number;
  start(): Promise<void>;
  /** Stops taking requests, lets channels and turns in flight finish, then closes the database. */
  stop(): Promise<void>;
}

/** The composition root: config → database → content → intents → modules → router → bot → channels. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, base: { app: 'helpdesk' } });
  const clock = options.clock ?? (() => new Date());
  const contentDir = resolve(options.contentDir ?? 'content');

  logger.info({ database: redactUrl(config.databaseUrl) }, 'applying migrations');
  await applyMigrations(config.databaseUrl, logger);
  const database = await openDatabase(config.databaseUrl, { backgroundCheckpoints: logger });
  const db = database.prisma;
  await seedDirectory(db, await readSeedDirectory(resolve(contentDir, 'seed/directory.yml')));

  const responses = await loadResponses(resolve(contentDir, 'responses'));
  const matcher =
    options.matcher ??
    (await loadIntentMatcher({ intentsDir: resolve('intents'), cacheDir: config.cacheDir, logger }));
  const metrics = createMetrics({ defaultMetrics: options.http !== false });
  const users = createUserDirectory(db);
  const conversations = createConversationRepository(db, database.sql);
  const outbox = createOutbox(database.sql);
  const channels = new Map<string, Channel>();
  const dispatcher = createOutboxDispatcher({ outbox, conversations, channels, logger, metrics, clock });
  const notifier = createNotifier({ outbox, conversations, wake: () => dispatcher.wake() });
  const http = options.http === false ? null : createHttpServer(logger);

  let router: Router | null = null;
  let bot: Bot | null = null;
  const services: AppServices = {
    config,
    logger,
    db,
    sql: database.sql,
    provider: database.provider,
    responses,
    matcher,
    metrics,
    users,
    conversations,
    outbox,
    notifier,
    clock,
    http,
    shared: {} as SharedServices,
    runIntent: (ctx, intent) => router!.runIntentByName(ctx, intent),
    bot: () => bot!,
  };

  const skills: Skill[] = [
    createSmalltalkSkill({ responses }),
    createHelpSkill({ responses, runIntent: services.runIntent }),
  ];
  const middleware: TurnMiddleware[] = [];
  let fallback: Fallback = createMenuFallback(responses);
  const parts: ModuleParts[] = [];
  for (const module of options.modules ?? appModules) {
    const part = await module.create(services);
    parts.push(part);
    skills.push(...(part.skills ?? []));
    middleware.push(...(part.middleware ?? []));
    if (part.fallback) fallback = part.fallback;
    for (const channel of part.channels ?? []) channels.set(channel.name, channel);
  }

  router = createRouter({
    skills,
    matcher,
    answers: matcher.answers,
    fallback,
    responses,
    skillFor: (intent) => matcher.skillFor(intent),
    partnerDirectory: async (ctx) => (await services.shared.partnerDirectory?.(ctx)) ?? null,
  });
  const events = createProcessedEvents(database.sql);
  bot = createBot({
    users,
    conversations,
    events,
    middleware: [router.takeOpenQuestion, ...middleware],
    route: router.route,
    responses,
    logger,
    metrics,
    clock,
    maxMessageChars: config.MAX_MESSAGE_CHARS,
  });

  let pruner: ReturnType<typeof startEventKeyPruner> | null = null;
  let ready = false;
  if (http) {
    http.route('GET', '/healthz', (_req, res) => sendJson(res, ready ? 200 : 503, { ok: ready }));
    http.route('GET', '/metrics', async (_req, res) => {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(body);
    });
    const web = mountWebChannel(http, {
      bot,
      conversations: createWebConversationLookup(database.sql),
      maxTextChars: config.MAX_MESSAGE_CHARS,
      authToken: config.WEB_AUTH_TOKEN,
      hostRules: { host: config.HOST, allowedHosts: config.ALLOWED_HOSTS },
      rateLimit: {
        perAddressPerMinute: config.WEB_CHAT_LIMIT_PER_ADDRESS,
        perUserPerMinute: config.WEB_CHAT_LIMIT_PER_USER,
      },
      responses,
    });
    channels.set(web.name, web);
  }

  // Web and terminal chats only read their transcript, so this process delivers their
  // messages too (the web channel is mounted above when HTTP is on). Slack and Teams
  // messages wait in the outbox for a process that has those channels.
  if (!channels.has('web')) channels.set('web', createTranscriptChannel('web'));
  channels.set('console', createTranscriptChannel('console'));

  const app: App = {
    bot,
    services,
    http,
    port: 0,
    async start() {
      for (const part of parts) await part.start?.();
      for (const channel of channels.values()) await channel.start();
      dispatcher.start();
      pruner = startEventKeyPruner({ events, logger, clock });
      void pruner.pruneNow();
      if (http) app.port = await http.listen(config.HOST, config.PORT);
      ready = true;
      logger.info(
        { host: config.HOST, port: app.port, channels: [...channels.keys()] },
        'help desk bot ready',
      );
    },
    async stop() {
      ready = false;
      // Stop taking requests, let the channels finish what they took (a Slack reply is
      // posted after its turn), then the turns, the outbox and the database.
      if (http) await http.close();
      for (const channel of channels.values()) await channel.stop().catch(() => undefined);
      await bot!.drain();
      await dispatcher.stop();
      pruner?.stop();
      for (const part of parts.toReversed()) await part.stop?.().catch(() => undefined);
      await database.close();
    },
  };
  return app;
}
