import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { UserProfile } from '../domain/user.js';
import type { ConversationRepository, StoredMessage } from '../store/conversation-repository.js';
import type { ProcessedEvents } from '../store/processed-events.js';
import type { UserDirectory } from '../store/user-directory.js';
import {
  cleanInboundAttachment,
  cleanInboundText,
  cleanInboundUser,
  cleanInboundValue,
  LONGEST_MESSAGE_CHARS,
} from './bot-inbound-text.js';
import type { FlowOwner } from './conversation-state.js';
import { BotError, isDatabaseUnavailable } from './errors.js';
import { createEventClaims } from './event-claims.js';
import { stampFlowOwner } from './flow-owner.js';
import type { InboundMessage } from './inbound-message.js';
import { KeyedLock } from './keyed-lock.js';
import type { BotMetrics } from './metrics.js';
import { parkLongActionValues, restoreParkedValue } from './parked-action-values.js';
import type { Reply } from './reply.js';
import { replyToPlainText } from './reply.js';
import type { Responses } from './responses.js';
import { storedEvent, withStoredEvent } from './stored-event-marks.js';
import type { IntentResult, TurnContext, TurnMiddleware } from './turn-context.js';

export interface TurnResult {
  readonly conversationId: string;
  readonly replies: readonly Reply[];
  readonly intent: IntentResult | null;
  /** The event was handled before (a platform retry); nothing was done. */
  readonly duplicate: boolean;
  /**
   * With `duplicate`: the event's turn is not stored yet (another delivery of it is running, or
   * failed where its claim could not be given back); a retry in a while is handled.
   */
  readonly inProgress?: boolean;
  readonly user: UserProfile;
  /**
   * The message was no answer to the conversation's open flow, which asks this other person (a
   * shared thread); the replies say so, and a channel may say it addressed to the sender instead.
   */
  readonly flowHeldBy?: FlowOwner;
  /** With `flowHeldBy`: it is that person's live chat the message was kept out of. */
  readonly heldLiveChat?: boolean;
}

export interface Bot {
  /** Runs one turn: never throws for the user's input; throws `database_unavailable` when nothing could be stored. */
  handle(message: InboundMessage): Promise<TurnResult>;
  /** Waits for turns in flight (graceful shutdown). */
  drain(): Promise<void>;
}

export interface BotDeps {
  readonly users: UserDirectory;
  readonly conversations: ConversationRepository;
  readonly events: ProcessedEvents;
  readonly middleware: readonly TurnMiddleware[];
  readonly route: (ctx: TurnContext) => Promise<void>;
  readonly responses: Responses;
  readonly logger: Logger;
  readonly metrics: BotMetrics;
  readonly clock?: () => Date;
  /** MAX_MESSAGE_CHARS: a message's text is cut to this many characters before the turn (default the largest allowed). */
  readonly maxMessageChars?: number;
}

/** An inbound event's key, and whether this delivery holds its claim (event-claims.ts). */
interface TurnEvent {
  readonly key: string;
  readonly claimed: boolean;
}

/**
 * The turn pipeline: clean the text → claim the event → user and conversation → dedupe (the
 * conversation's state marks the events it stored) → a pressed button's parked value restored →
 * middleware → router → a new flow's owner stamped → long button values parked → save, with one
 * error path.
 * A button whose parked value is gone goes through the middleware too (a live chat's gate keeps
 * it in the chat), and is answered "too old" where the router would run.
 * Every channel's message is cleaned here (control characters removed, text cut to maxMessageChars;
 * the sender's profile and file names too),
 * so nothing a channel lets through can fail the store; and no button value a skill makes is too
 * long for a channel (see parked-action-values.ts).
 */
export function createBot(deps: BotDeps): Bot {
  const clock = deps.clock ?? (() => new Date());
  const lock = new KeyedLock();
  const claims = createEventClaims(deps.events, deps.logger);
  const inFlight = new Set<Promise<unknown>>();

  async function runTurn(
    message: InboundMessage,
    attempt: number,
    carried: Map<string, unknown>,
    event: TurnEvent | null,
  ): Promise<TurnResult> {
    const user = await deps.users.resolve(message.channel, message.workspace, message.user);
    const conversation = await deps.conversations.open({
      channel: message.channel,
      workspace: message.workspace,
      externalKey: message.conversationKey,
      userId: user.id,
      reference: message.reference,
    });
    // A retry of a stored event is a duplicate; one whose claim another delivery holds waits for it.
    const stored = event !== null && storedEvent(conversation.state, event.key);
    if (stored || event?.claimed === false) {
      return {
        conversationId: conversation.id,
        replies: [],
        intent: null,
        duplicate: true,
        inProgress: !stored,
        user,
      };
    }
    const turnId = randomUUID();
    const logger = deps.logger.child({ turnId, conversationId: conversation.id, userId: user.id });
    const replies: Reply[] = [];
    const afterSave: Array<() => Promise<void>> = [];
    const state = structuredClone(conversation.state);
    // A button whose long value was parked in the conversation: the skills see its whole value.
    const pressed = restoreParkedValue(state, message.value);
    const turnMessage: InboundMessage =
      pressed.kind === 'restored' ? { ...message, value: pressed.value } : message;
    const ctx: TurnContext = {
      turnId,
      message: turnMessage,
      user,
      conversation: {
        id: conversation.id,
        channel: message.channel,
        workspace: message.workspace,
        externalKey: message.conversationKey,
      },
      state,
      intent: null,
      handoffId: null,
      replies,
      reply: (...r) => {
        replies.push(...r);
      },
      afterSave: (work) => {
        afterSave.push(work);
      },
      carried,
      now: clock(),
      logger,
    };

    let failed: unknown = null;
    try {
      if (pressed.kind === 'expired') {
        logger.info({ parked: pressed.id }, 'button pressed whose parked value is gone');
      }
      // An expired button still passes the middleware (in a live chat the live-agent gate has it,
      // as any old button: kept in the chat); only the router, which has nothing to run, is skipped.
      await compose(deps.middleware, pressed.kind === 'expired' ? answerTooOld : deps.route)(ctx);
      // A flow opened this turn asks its sender: in a shared thread only they answer it.
      stampFlowOwner(ctx);
      // Before the replies go to the channel: long button values wait in the state, the buttons carry their ids.
      parkLongActionValues(ctx.state, replies);
    } catch (error) {
      failed = error;
      const code = error instanceof BotError ? error.code : 'internal';
      deps.metrics.errors.inc({ code });
      logger.error({ err: error, code }, 'turn failed');
      replies.length = 0;
      replies.push({ type: 'text', text: deps.responses.t('core.error') });
    }

    const inbound: StoredMessage = {
      direction: 'in',
      author: 'user',
      authorId: user.id,
      text: message.text,
      payload: turnMessage.value ? { value: turnMessage.value } : undefined,
      intent: ctx.intent?.name ?? null,
      confidence: ctx.intent?.confidence ?? null,
    };
    const outbound: StoredMessage[] = replies.map((r) => ({
      direction: 'out',
      author: 'bot',
      text: replyToPlainText(r),
      payload: r,
    }));
    try {
      // A failed turn keeps the state it started with, but never loses the user's message.
      const state = failed ? conversation.state : ctx.state;
      await deps.conversations.saveTurn(
        conversation.id,
        conversation.version,
        event ? withStoredEvent(state, event.key) : state,
        [{ ...inbound, handoffId: ctx.handoffId }, ...outbound],
      );
    } catch (error) {
      if (error instanceof BotError && error.code === 'conflict' && attempt === 0) {
        return runTurn(message, attempt + 1, carried, event);
      }
      throw error;
    }
    // The turn's messages are stored (a failed turn's too, e.g. a relayed message): their follow-ups run.
    for (const work of afterSave) {
      track(
        work().catch((error: unknown) =>
          logger.error({ err: error }, 'work after the turn was stored failed'),
        ),
      );
    }
    if (ctx.intent) deps.metrics.intents.inc({ intent: ctx.intent.name });
    return {
      conversationId: conversation.id,
      replies,
      intent: ctx.intent,
      duplicate: false,
      user,
      ...(ctx.flowHeldBy && !failed ? { flowHeldBy: ctx.flowHeldBy } : {}),
      ...(ctx.flowHeldBy && ctx.heldLiveChat && !failed ? { heldLiveChat: true } : {}),
    };
  }

  /**
   * One delivery of an event: the claim keeps other deliveries off while it runs (on any
   * instance); the turn's save marks the event stored, so a later retry is a duplicate. A failed
   * turn gives its claim back, so the platform's retry runs it.
   */
  async function runEvent(message: InboundMessage, eventKey: string | null): Promise<TurnResult> {
    if (!eventKey) return runTurn(message, 0, new Map(), null);
    const claimed = await claims.claim(eventKey, clock());
    try {
      return await runTurn(message, 0, new Map(), { key: eventKey, claimed });
    } catch (error) {
      if (claimed) await claims.release(eventKey);
      throw error;
    }
  }

  /** A button whose parked value has fallen off: the turn's answer, where the router would run. */
  async function answerTooOld(ctx: TurnContext): Promise<void> {
    ctx.reply({ type: 'text', text: deps.responses.t('core.button_too_old') });
  }

  const maxChars = deps.maxMessageChars ?? LONGEST_MESSAGE_CHARS;

  function cleaned(message: InboundMessage): InboundMessage {
    const { text, cutFrom } = cleanInboundText(message.text, maxChars);
    if (cutFrom !== null) {
      deps.logger.warn({ channel: message.channel, chars: cutFrom, kept: maxChars }, 'message text cut');
    }
    const value = message.value
      ? (cleanInboundValue(message.value, maxChars) as Readonly<Record<string, unknown>>)
      : undefined;
    // Names and files come from the platform's payload too, and are stored as the text is.
    const user = cleanInboundUser(message.user);
    const attachments = message.attachments.map(cleanInboundAttachment);
    return { ...message, user, text, value, attachments };
  }

  async function handle(received: InboundMessage): Promise<TurnResult> {
    const started = performance.now();
    const message = cleaned(received);
    deps.metrics.messages.inc({ channel: message.channel });
    const eventKey = message.eventId ? `${message.channel}:${message.workspace}:${message.eventId}` : null;
    const lockKey = `${message.channel}\u0000${message.workspace}\u0000${message.conversationKey}`;
    try {
      return await lock.run(lockKey, () => runEvent(message, eventKey));
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        deps.metrics.errors.inc({ code: 'database_unavailable' });
        deps.logger.error({ err: error }, 'database unavailable');
        throw new BotError('database_unavailable', 'The database cannot be reached', { cause: error });
      }
      deps.metrics.errors.inc({ code: 'internal' });
      deps.logger.error({ err: error }, 'turn could not be stored');
      throw error instanceof BotError ? error : new BotError('internal', 'The turn failed', { cause: error });
    } finally {
      deps.metrics.turnSeconds.observe({ channel: message.channel }, (performance.now() - started) / 1000);
    }
  }

  function track(p: Promise<unknown>): void {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
  }

  return {
    handle(message) {
      const p = handle(message);
      track(p);
      return p;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

function compose(
  middleware: readonly TurnMiddleware[],
  last: (ctx: TurnContext) => Promise<void>,
): (ctx: TurnContext) => Promise<void> {
  return (ctx) => {
    const step = (i: number): Promise<void> => {
      const m = middleware[i];
      return m ? m(ctx, () => step(i + 1)) : last(ctx);
    };
    return step(0);
  };
}
