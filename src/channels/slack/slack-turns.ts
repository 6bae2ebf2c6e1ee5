import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Bot, TurnResult } from '../../core/bot.js';
import type { InboundMessage } from '../../core/inbound-message.js';
import type { Notifier } from '../../core/notifier.js';
import type { FormReply, Reply } from '../../core/reply.js';
import { type BlockKitTexts, fallbackText, renderBlocks, renderFormModal } from './render-block-kit.js';
import { buttonsOwner } from './slack-button-owner.js';
import { encodeFormMetadata } from './slack-form-metadata.js';
import { SlackPostError, type SlackPoster } from './slack-poster.js';
import type { SlackReference } from './slack-reference.js';

/** Where a turn's replies go. */
export interface TurnDelivery {
  readonly ref: SlackReference;
  /** From a click, command or shortcut: a form reply opens as a modal right away. */
  readonly triggerId?: string;
  /** Answers only the user sees (the slash command outside the bot's DM). */
  readonly respond?: RespondFn;
}

/** Runs a turn through the bot and delivers its replies in Slack. */
export interface SlackTurns {
  /** The bot's answer; null when the bot could not take the message (the user was told). */
  handle(message: InboundMessage, ref: SlackReference): Promise<TurnResult | null>;
  /** Posts a turn's replies; what Slack can't take now goes to the outbox and is retried. */
  deliver(result: TurnResult, delivery: TurnDelivery, replies?: readonly Reply[]): Promise<void>;
  run(message: InboundMessage, delivery: TurnDelivery): Promise<TurnResult | null>;
  /** Tells the user the help desk is temporarily unavailable (a failed turn, or the database down). */
  apologize(ref: SlackReference): Promise<void>;
  /** Opens a form as a modal; false when Slack refused (expired trigger). */
  openForm(triggerId: string, ref: SlackReference, form: FormReply): Promise<boolean>;
}

export function createSlackTurns(deps: {
  bot: () => Bot;
  client: webApi.WebClient;
  poster: SlackPoster;
  notifier: Notifier;
  texts: BlockKitTexts;
  unavailableText: () => string;
  logger: Logger;
}): SlackTurns {
  async function openForm(triggerId: string, ref: SlackReference, form: FormReply): Promise<boolean> {
    try {
      await deps.client.views.open({
        trigger_id: triggerId,
        view: renderFormModal(form, encodeFormMetadata(ref, form), deps.texts),
      });
      return true;
    } catch (error) {
      deps.logger.warn(
        { err: error, form: form.id },
        'slack views.open failed; sending the form as a message',
      );
      return false;
    }
  }

  async function respondWith(respond: RespondFn, replies: readonly Reply[]): Promise<void> {
    const response = await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: fallbackText(replies),
      blocks: renderBlocks(replies, deps.texts),
    });
    if (response && 'ok' in response && !response.ok)
      throw new Error(`response_url answered ${response.status}`);
  }

  const turns: SlackTurns = {
    openForm,
    async handle(message, ref) {
      try {
        return await deps.bot().handle(message);
      } catch (error) {
        deps.logger.error({ err: error, eventId: message.eventId }, 'slack turn failed');
        await turns.apologize(ref);
        return null;
      }
    },
    async deliver(result, delivery, replies = result.replies) {
      let rest = [...replies];
      const form = rest.find((r): r is FormReply => r.type === 'form');
      if (form && delivery.triggerId && (await openForm(delivery.triggerId, delivery.ref, form))) {
        rest = rest.filter((r) => r !== form);
      }
      if (rest.length === 0) return;
      if (delivery.respond) {
        try {
          await respondWith(delivery.respond, rest);
          return;
        } catch (error) {
          deps.logger.warn({ err: error }, 'slack response_url failed; posting instead');
        }
      }
      try {
        // The turn's buttons are its user's: in a channel thread anyone else's press is refused.
        await deps.poster.post(delivery.ref, rest, buttonsOwner(delivery.ref));
      } catch (error) {
        // Slack is down or limiting us: the outbox keeps the replies and retries until delivered.
        deps.logger.warn(
          { err: error, conversationId: result.conversationId },
          'slack reply queued for retry',
        );
        // Only what did not go out (an earlier batch may have); the turn already stored
        // these replies, so the outbox only delivers them, still for the turn's user.
        const unsent = error instanceof SlackPostError ? error.unsent : rest;
        await deps.notifier.send(
          result.conversationId,
          unsent,
          { author: 'bot', inTranscript: true },
          result.user.id,
        );
      }
    },
    async apologize(ref) {
      await deps.poster
        .post(ref, [{ type: 'text', text: deps.unavailableText() }])
        .catch((e: unknown) => deps.logger.warn({ err: e }, 'slack apology not delivered'));
    },
    async run(message, delivery) {
      const result = await turns.handle(message, delivery.ref);
      if (!result || result.duplicate) return result;
      await turns.deliver(result, delivery);
      return result;
    },
  };
  return turns;
}
