import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Activity, ActivityTypes, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.js';
import type { Channel, DeliveryTarget } from '../../core/channel.js';
import type { FlowOwner } from '../../core/conversation-state.js';
import { BotError, isDatabaseUnavailable } from '../../core/errors.js';
import type { EventClaims } from '../../core/event-claims.js';
import type { InboundMessage } from '../../core/inbound-message.js';
import type { Notifier } from '../../core/notifier.js';
import { PartlyDeliveredError } from '../../core/outbox-dispatcher.js';
import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card-types.js';
import { isDeskVerb } from './agents/desk-cards.js';
import type { TeamsAgentView } from './agents/teams-agent-desk.js';
import type { TeamsAuthentication } from './bot-authentication.js';
import { toBotRequest, toBotResponse } from './node-http-bridge.js';
import { renderCombinedCard } from './render-adaptive-card.js';
import { renderTeamsActivities, teamsMessageGroups } from './render-teams-activities.js';
import {
  type ButtonsOwner,
  buttonsOwner,
  isSharedConversation,
  notYoursInvokeText,
  notYoursMessage,
  ownerIn,
  pressedBySomeoneElse,
} from './teams-button-owner.js';
import type { TeamsIdentities } from './teams-identities.js';
import {
  ADAPTIVE_CARD_ACTION_INVOKE,
  cardActionData,
  executeVerb,
  isOverheard,
  toInboundMessage,
} from './teams-inbound.js';
import { createTeamsInstalls, type InstallRecorder } from './teams-install-welcome.js';
import { asTeamsReference, type TeamsPoster, type TeamsReference } from './teams-poster.js';

/** A turn's replies and, when the turn was stored, its conversation and user (for queueing them). */
interface TurnOutcome {
  readonly replies: readonly Reply[];
  readonly conversationId: string | null;
  readonly userId?: string;
  /** The message was left alone: the open flow asks this other person (core/flow-owner.ts). */
  readonly flowHeldBy?: FlowOwner;
  /** With `flowHeldBy`: it is that person's live chat the message was kept out of. */
  readonly heldLiveChat?: boolean;
}

export interface TeamsChannelDeps {
  readonly adapter: CloudAdapter;
  readonly auth: TeamsAuthentication;
  readonly poster: TeamsPoster;
  readonly bot: () => Bot;
  readonly responses: Responses;
  readonly identities: TeamsIdentities;
  readonly installs: InstallRecorder;
  /** Once-only claims of inbound events (core/event-claims.ts), for install activities. */
  readonly claims: EventClaims;
  readonly clock: () => Date;
  readonly agents: TeamsAgentView | null;
  /** Queues replies the connector could not take during the turn. */
  readonly notifier: Notifier;
  readonly logger: Logger;
  /** How often the typing indicator is renewed while a turn runs (Teams shows it for about 3 s). */
  readonly typingIntervalMs?: number;
}

export interface TeamsChannel extends Channel {
  /** The POST /api/messages handler. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * Microsoft Teams through botbuilder's CloudAdapter: verifies the request (JWT
 * when an app ID is set), turns messages, card submits and Action.Execute
 * invokes into neutral messages, runs the bot, and renders its replies as
 * markdown and Adaptive Cards. Proactive messages use the stored conversation reference.
 */
export function createTeamsChannel(deps: TeamsChannelDeps): TeamsChannel {
  const { t } = deps.responses;
  const typingIntervalMs = deps.typingIntervalMs ?? 3000;

  async function runTurn(message: InboundMessage): Promise<TurnOutcome> {
    try {
      const result = await deps.bot().handle(message);
      return {
        replies: result.replies,
        conversationId: result.conversationId,
        userId: result.user.id,
        ...(result.flowHeldBy ? { flowHeldBy: result.flowHeldBy } : {}),
        ...(result.heldLiveChat ? { heldLiveChat: true } : {}),
      };
    } catch (error) {
      // The pipeline already logged it; the user still hears that something went wrong.
      deps.logger.warn({ err: error }, 'teams turn failed');
      const text = isDatabaseUnavailable(error) ? t('core.unavailable') : t('core.error');
      return { replies: [{ type: 'text', text }], conversationId: null };
    }
  }

  /**
   * Posts replies in the turn, one message at a time. What the connector does not
   * take (Teams down or throttling) goes to the outbox and is retried, so the
   * request still succeeds: a re-delivered activity is a duplicate and would not answer.
   * In a channel or group chat the cards' buttons are the sender's (teams-button-owner.ts),
   * also when the outbox posts them later: `userId`, the sender as a bot user, goes with them.
   */
  async function postOrQueue(
    ctx: TurnContext,
    replies: readonly Reply[],
    conversationId: string | null,
    userId?: string,
  ): Promise<void> {
    const groups = teamsMessageGroups(replies);
    const shownTo = buttonsOwner(ctx.activity);
    for (let i = 0; i < groups.length; i++) {
      try {
        await ctx.sendActivities(renderTeamsActivities(groups[i]!, shownTo));
      } catch (error) {
        if (!conversationId) throw error;
        deps.logger.warn({ err: error, conversationId }, 'teams reply queued for retry');
        // The turn already stored these replies (or they are the welcome): the outbox only delivers them.
        await deps.notifier.send(
          conversationId,
          groups.slice(i).flat(),
          { author: 'bot', inTranscript: true },
          userId,
        );
        return;
      }
    }
  }

  async function withUser(ctx: TurnContext, message: InboundMessage): Promise<InboundMessage> {
    return { ...message, user: await deps.identities.inboundUser(ctx) };
  }

  const installs = createTeamsInstalls({ ...deps, postOrQueue });

  /** Shows "typing…" until stopped, renewing it while the turn takes long. */
  function startTyping(ctx: TurnContext): () => Promise<void> {
    let last = send();
    const timer = setInterval(() => {
      last = send();
    }, typingIntervalMs);
    function send(): Promise<void> {
      return ctx
        .sendActivity({ type: ActivityTypes.Typing })
        .then(() => undefined)
        .catch((error: unknown) => deps.logger.debug({ err: error }, 'typing indicator failed'));
    }
    return async () => {
      clearInterval(timer);
      await last;
    };
  }

  /**
   * The card pressed was shown to someone else (in a channel or group chat): no turn runs;
   * the presser is told in the thread, by @mention, whose the buttons are. Teams has no
   * ephemeral messages and an Action.Submit press has no answer of its own.
   */
  async function refuseSubmit(ctx: TurnContext, owner: ButtonsOwner): Promise<void> {
    await ctx
      .sendActivity(notYoursMessage(deps.responses, ctx.activity, owner))
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'teams "not yours" reply not delivered'));
  }

  /** Whose request the open flow is, said to `sender` (a mention or their name). */
  function flowHeldText(sender: string, owner: FlowOwner, liveChat = false): string {
    const key = liveChat ? 'teams.chat_held' : 'teams.flow_held';
    const text = t(key, { sender, user: owner.name || t('teams.buttons_owner_unnamed') });
    // Without the sender's name the text would start ", …".
    return text.replace(/^,\s*(.)/, (_whole, first: string) => first.toUpperCase());
  }

  /**
   * The sender's message was left alone because the open flow of this channel thread or group
   * chat asks someone else: they are told so in the thread, by @mention, as a press of someone
   * else's buttons is (Teams has no ephemeral messages).
   */
  async function tellFlowHeld(ctx: TurnContext, owner: FlowOwner, liveChat: boolean): Promise<void> {
    const sender = ctx.activity.from;
    const mention = `<at>${sender?.name ?? ''}</at>`;
    await ctx
      .sendActivity({
        type: 'message',
        text: flowHeldText(mention, owner, liveChat),
        textFormat: 'markdown',
        entities: [
          { type: 'mention', text: mention, mentioned: { id: sender?.id ?? '', name: sender?.name ?? '' } },
        ],
      })
      .catch((error: unknown) =>
        deps.logger.warn({ err: error }, 'teams "someone else\'s request" reply not delivered'),
      );
  }

  async function onMessage(ctx: TurnContext): Promise<void> {
    if (deps.agents && (await deps.agents.onMessage(ctx))) return;
    if (isOverheard(ctx.activity)) return;
    const owner = ownerIn(cardActionData(ctx.activity));
    if (owner && pressedBySomeoneElse(owner, ctx.activity)) return await refuseSubmit(ctx, owner);
    const inbound = toInboundMessage(ctx.activity);
    if (!inbound) return;
    const stopTyping = startTyping(ctx);
    let turn: Awaited<ReturnType<typeof runTurn>>;
    try {
      turn = await runTurn(await withUser(ctx, inbound));
    } finally {
      await stopTyping();
    }
    if (turn.flowHeldBy && isSharedConversation(ctx.activity))
      return await tellFlowHeld(ctx, turn.flowHeldBy, turn.heldLiveChat === true);
    await postOrQueue(ctx, turn.replies, turn.conversationId, turn.userId);
  }

  /**
   * An Action.Execute click. Escalation cards go to the agents' view; on a user's
   * card the turn's replies replace the clicked card (Universal Actions), which
   * is what Teams expects as the invoke's answer. A user's card shown to someone
   * else runs nothing: the answer is a message Teams shows the presser alone.
   */
  async function onExecute(ctx: TurnContext): Promise<void> {
    const verb = executeVerb(ctx.activity);
    let card: object | null = null;
    let message = '';
    const owner = ownerIn(cardActionData(ctx.activity));
    if (isDeskVerb(verb)) {
      card = deps.agents ? await deps.agents.onExecute(ctx, verb) : null;
    } else if (owner && pressedBySomeoneElse(owner, ctx.activity)) {
      message = notYoursInvokeText(deps.responses, ctx.activity, owner);
    } else {
      const inbound = toInboundMessage(ctx.activity);
      const turn = inbound ? await runTurn(await withUser(ctx, inbound)) : null;
      const replies = turn?.replies ?? [];
      const shownTo = buttonsOwner(ctx.activity);
      if (turn?.flowHeldBy && isSharedConversation(ctx.activity)) {
        // The card stays as it is; the presser alone reads whose request this is.
        message = flowHeldText(ctx.activity.from?.name ?? '', turn.flowHeldBy, turn.heldLiveChat === true);
      } else {
        card = replies.length > 0 ? renderCombinedCard(replies, shownTo ? { shownTo } : {}) : null;
      }
    }
    await ctx.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 200,
        body: card
          ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card }
          : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message },
      },
    });
  }

  /**
   * Whom the cards of a message sent outside a turn are for: its addressee, in a channel or
   * group chat (as a turn's cards there are the sender's); none in a personal chat, or when
   * the addressee is not known in the conversation's tenant.
   */
  async function addresseeOwner(
    reference: TeamsReference,
    target: DeliveryTarget,
  ): Promise<ButtonsOwner | undefined> {
    if (!target.addressee || !isSharedConversation({ conversation: reference.conversation }))
      return undefined;
    return (await deps.identities.ownerOf(target.workspace, target.addressee)) ?? undefined;
  }

  async function onTurn(ctx: TurnContext): Promise<void> {
    const activity = ctx.activity;
    deps.agents?.observe(activity);
    try {
      switch (activity.type) {
        case ActivityTypes.Message:
          return await onMessage(ctx);
        case ActivityTypes.Invoke:
          if (activity.name === ADAPTIVE_CARD_ACTION_INVOKE) return await onExecute(ctx);
          return;
        case ActivityTypes.ConversationUpdate:
          return await installs.onConversationUpdate(ctx);
        case ActivityTypes.InstallationUpdate:
          // Teams sends this beside conversationUpdate; the welcome goes with the latter.
          if (String(activity.action ?? '').startsWith('add')) await installs.record(ctx);
          return;
        default:
          return;
      }
    } catch (error) {
      // Logged here with context; CloudAdapter would only print it to the console.
      deps.logger.error({ err: error, activityType: activity.type }, 'teams activity failed');
      throw error;
    }
  }

  return {
    name: 'teams',
    start: async () => undefined,
    stop: async () => undefined,

    async handle(req, res) {
      if (deps.auth.mode === 'refused') {
        req.resume();
        throw new BotError(
          'unauthorized',
          'The Teams endpoint is off: MICROSOFT_APP_ID is not set and the server is reachable from other ' +
            'machines. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or listen on 127.0.0.1 for local clients.',
          { status: 403 },
        );
      }
      const request = await toBotRequest(req);
      await deps.adapter.process(request, toBotResponse(res), onTurn);
    },

    async deliver(target: DeliveryTarget, replies: readonly Reply[]) {
      const reference = asTeamsReference(target.reference);
      if (!reference) {
        throw new BotError(
          'channel_delivery_failed',
          `No Teams conversation reference for ${target.conversationId}`,
        );
      }
      const shownTo = await addresseeOwner(reference, target);
      // One message at a time: when the connector fails after the first, the outbox tries
      // only the messages that did not go out.
      const groups = teamsMessageGroups(replies);
      for (let i = 0; i < groups.length; i++) {
        try {
          await deps.poster.send(
            reference,
            renderTeamsActivities(groups[i]!, shownTo) as Partial<Activity>[],
          );
        } catch (error) {
          if (i === 0) throw error;
          throw new PartlyDeliveredError(
            `Teams took ${i} of ${groups.length} messages: ${String((error as Error)?.message ?? error)}`,
            groups.slice(i).flat(),
            { cause: error },
          );
        }
      }
    },
  };
}
