import type { AppModule } from '../../app-module.js';
import { mountAgentConsole } from '../../channels/web/agent-console/agent-console.js';
import { BotError } from '../../core/errors.js';
import { createLiveBus } from '../../live/create-live-bus.js';
import { extractTicketNumbers } from '../../nlu/entities/ticket-numbers.js';
import { createAgentDirectory } from '../../store/agent-directory.js';
import { createCannedReplies } from '../../store/handoff-canned-replies.js';
import { createHandoffMessages } from '../../store/handoff-messages.js';
import { createHandoffPeople } from '../../store/handoff-people.js';
import { createHandoffRepository } from '../../store/handoff-repository.js';
import { createAvailabilityWatches } from '../../store/handoff-watches.js';
import type { TicketService } from '../tickets/ticket-service.js';
import type { AgentDesk } from './agent-desk.js';
import { defaultCannedRepliesFile, readCannedReplies } from './canned-replies-seed.js';
import { createChatHandback } from './chat-handback.js';
import { createChatLifecycle } from './chat-lifecycle.js';
import { createDeskEventHub, type DeskEventHub } from './desk-events.js';
import { createAgentDesk } from './desk-service.js';
import { createDeskSignals, type DeskSignal, type DeskSignals } from './desk-signals.js';
import type { HandoffDeps } from './handoff-deps.js';
import { createHandoffGate } from './handoff-gate.js';
import { createHandoffOfferMiddleware, createLiveChatOpenCheck, type DeskChanges } from './handoff-offer.js';
import { createHandoffRequests } from './handoff-requests.js';
import { createHandoffSkill } from './handoff-skill.js';
import { createHandoffSweeper, type HandoffSweeper } from './handoff-sweeper.js';
import { createLiveChatViews } from './live-chat-view.js';
import { createQueueAnnouncer, type QueueAnnouncer } from './queue-announcer.js';
import { createTicketDetailsFlow } from './ticket-details-flow.js';
import { createTypedRatingMiddleware } from './typed-rating.js';

export interface HandoffModuleOptions {
  /** A ticket service of its own (tests); by default the ticket module's `shared.tickets`. */
  readonly tickets?: TicketService;
  /** How often timeouts are checked (default 15 s). */
  readonly sweepIntervalMs?: number;
  /** Queue position updates are batched this long (default 2 s; 0 = at once). */
  readonly queueUpdateDelayMs?: number;
  readonly cannedRepliesFile?: string;
  /** The PostgreSQL NOTIFY channel of live desk events. */
  readonly liveChannel?: string;
  /** Called with the module's inner parts once created (tests, benchmarks). */
  readonly onCreated?: (inner: HandoffInternals) => void;
}

/** The module's parts that tests and benchmarks drive directly. */
export interface HandoffInternals {
  readonly desk: AgentDesk;
  readonly sweeper: HandoffSweeper;
  readonly announcer: QueueAnnouncer;
  readonly hub: DeskEventHub;
  readonly signals: DeskSignals;
  readonly deps: HandoffDeps;
}

/**
 * Live-agent escalation: the requester's side (skill `handoff`, the gate that
 * relays while a chat is live, the offer after unhelpful answers), the agent desk
 * (`shared.agentDesk`) with its web console at /agent, timeouts, and live events
 * across instances.
 */
export function createHandoffModule(options: HandoffModuleOptions = {}): AppModule {
  return {
    name: 'handoff',
    async create(services) {
      const { db, config, logger: rootLogger } = services;
      const logger = rootLogger.child({ module: 'handoff' });
      const messages = createHandoffMessages(db, services.sql);
      const bus = createLiveBus<DeskSignal>({
        provider: services.provider,
        databaseUrl: config.databaseUrl,
        channel: options.liveChannel ?? 'helpdesk_desk',
        logger,
      });
      const published = createDeskSignals({ bus, messages, logger });
      // Desk changes heard by the offer: this instance's own at once, other instances' when their signal arrives.
      const deskListeners = new Set<() => void>();
      const heard = () => {
        for (const listener of deskListeners) listener();
      };
      const signals: DeskSignals = {
        ...published,
        publish: (signal) => {
          heard();
          return published.publish(signal);
        },
      };
      bus.subscribe(heard);
      const deskChanges: DeskChanges = (listener) => {
        deskListeners.add(listener);
        return () => deskListeners.delete(listener);
      };
      const deps: HandoffDeps = {
        handoffs: createHandoffRepository(db, services.sql),
        messages,
        agents: createAgentDirectory(db),
        people: createHandoffPeople(db),
        watches: createAvailabilityWatches(db),
        canned: createCannedReplies(db),
        signals,
        notifier: services.notifier,
        responses: services.responses,
        clock: services.clock,
        logger,
        timeouts: {
          claimMin: config.HANDOFF_CLAIM_TIMEOUT_MIN,
          agentReminderMin: config.HANDOFF_AGENT_REMINDER_MIN,
          userIdleMin: config.HANDOFF_USER_IDLE_MIN,
        },
        escalation: { supportPhone: config.SUPPORT_PHONE, csmBookingUrl: config.CSM_BOOKING_URL },
        ticketNumbers: extractTicketNumbers,
        tickets() {
          const tickets = options.tickets ?? services.shared.tickets;
          if (!tickets) {
            throw new BotError(
              'internal',
              'Live chat needs the ticket module: shared.tickets is not set (list the tickets module before handoff in src/app-modules.ts)',
            );
          }
          return tickets;
        },
      };

      await deps.canned.seed(await readCannedReplies(options.cannedRepliesFile ?? defaultCannedRepliesFile));

      const views = createLiveChatViews(deps);
      const announcer = createQueueAnnouncer(deps, { delayMs: options.queueUpdateDelayMs ?? 2000 });
      const lifecycle = createChatLifecycle(deps, views, announcer);
      const hub = createDeskEventHub({
        bus,
        handoffs: deps.handoffs,
        messages,
        agents: deps.agents,
        views,
        logger,
      });
      const handback = createChatHandback(deps, { lifecycle, views });
      const desk = createAgentDesk(deps, { views, hub, lifecycle, announcer, handback });
      const details = createTicketDetailsFlow(deps, services.matcher);
      const requests = createHandoffRequests(deps, {
        views,
        lifecycle,
        announcer,
        details,
        matcher: services.matcher,
      });
      const sweeper = createHandoffSweeper(
        deps,
        { lifecycle, views, handback },
        { intervalMs: options.sweepIntervalMs ?? 15_000 },
      );
      services.shared.agentDesk = desk;
      const liveChatOpen = createLiveChatOpenCheck(deps, deskChanges);
      services.shared.liveChatOpen = liveChatOpen;
      options.onCreated?.({ desk, sweeper, announcer, hub, signals, deps });

      const agentConsole = services.http
        ? mountAgentConsole(services.http, {
            desk,
            agents: deps.agents,
            authToken: config.AGENT_CONSOLE_TOKEN,
            tokenRequired: !config.loopback,
            hostRules: { host: config.HOST, allowedHosts: config.ALLOWED_HOSTS },
            logger,
          })
        : null;

      return {
        skills: [createHandoffSkill(deps, { requests, desk, matcher: services.matcher, details })],
        middleware: [
          createHandoffGate(deps, requests),
          createTypedRatingMiddleware(deps, requests),
          createHandoffOfferMiddleware(deps, liveChatOpen),
        ],
        async start() {
          // Checked at start, when every module has shared what it offers.
          if (!options.tickets && !services.shared.tickets) {
            logger.warn('the ticket module is missing: asking for a person will fail until it is added');
          }
          await bus.start();
          hub.start();
          sweeper.start();
        },
        async stop() {
          await sweeper.stop();
          announcer.stop();
          agentConsole?.close();
          await signals.settle();
          hub.stop();
          await bus.stop();
        },
      };
    },
  };
}

/** The live-agent module with its defaults (see src/app-modules.ts). */
export const handoffModule = createHandoffModule();
