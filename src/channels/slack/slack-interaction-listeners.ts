import type { App, BlockAction, ButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { FormReply } from '../../core/reply.js';
import { modalErrors, readFormValues, renderFormModal } from './render-block-kit.js';
import {
  ACTION_AVAILABILITY,
  ACTION_LINK,
  ACTION_OPEN_FORM,
  ACTION_POSTBACK,
  COMMAND,
  decodeOpenForm,
  decodePostback,
  VIEW_FORM,
} from './slack-action-ids.js';
import type { SlackAppHome } from './slack-app-home.js';
import { tellNotYours } from './slack-button-owner.js';
import { slashCommandText } from './slack-command-text.js';
import { decodeFormMetadata, encodeFormMetadata } from './slack-form-metadata.js';
import { slackInbound } from './slack-inbound.js';
import type { SlackListenerDeps } from './slack-listener-deps.js';
import { registerMessageShortcut } from './slack-message-shortcut.js';
import { conversationKeyOf, isDirectMessageChannel, type SlackReference } from './slack-reference.js';
import { slackTextToPlain } from './slack-text.js';

// Slack closes a modal submission after 3 s; the bot's answer must come before that.
const VIEW_ANSWER_BUDGET_MS = 2500;

/**
 * The slash command, button clicks, form modals, the message shortcut and the
 * App Home. Each acknowledges first and works after, except a modal submission,
 * whose answer (close, show errors, next form) is the acknowledgement itself.
 */
export function registerInteractionListeners(app: App, deps: SlackListenerDeps, home: SlackAppHome): void {
  /** Where a click's answer goes: the thread or DM of the message; the user's DM for App Home and private messages. */
  async function refOfClick(b: BlockAction): Promise<{ ref: SlackReference; ephemeral: boolean }> {
    const team = b.team?.id ?? b.user.team_id ?? '';
    const user = b.user.id;
    const container = (b.container ?? {}) as {
      type?: string;
      channel_id?: string;
      message_ts?: string;
      thread_ts?: string;
      is_ephemeral?: boolean;
    };
    const channel = container.channel_id ?? b.channel?.id;
    if (container.type !== 'message' || !channel || container.is_ephemeral) {
      return {
        ref: { team, channel: await deps.dms.of(team, user), user },
        ephemeral: Boolean(container.is_ephemeral),
      };
    }
    if (isDirectMessageChannel(channel)) return { ref: { team, channel, user }, ephemeral: false };
    const threadTs =
      container.thread_ts ?? (b.message?.thread_ts as string | undefined) ?? container.message_ts;
    return { ref: { team, channel, ...(threadTs ? { threadTs } : {}), user }, ephemeral: false };
  }

  /**
   * False, after telling the presser privately whose they are, when the button was shown to
   * someone else (a channel thread's buttons are the person's the bot talks with there).
   */
  async function pressAllowed(b: BlockAction, ref: SlackReference, shownTo: string | undefined) {
    if (!shownTo || shownTo === b.user.id) return true;
    const text = deps.services.responses.t('slack.buttons_not_yours');
    await tellNotYours(deps, ref, b.user.id, shownTo, text);
    return false;
  }

  app.command(COMMAND, async ({ ack, command, respond }) => {
    await ack();
    if (!(await deps.guests.admitCommand(command, respond))) return;
    const team = command.team_id;
    const typed = slackTextToPlain(command.text, deps.botUserId());
    // "/helpdesk online" is the agents' availability command in every channel; the handoff skill owns it.
    const asked = /^(online|away|offline)$/i.test(typed)
      ? { text: `${COMMAND} ${typed.toLowerCase()}` }
      : slashCommandText(typed, (t) => deps.services.matcher.match(t));
    const text = 'text' in asked ? asked.text : '';
    const dm = await deps.dms.of(team, command.user_id).catch(() => null);
    // The slash command's conversation is the user's DM with the bot: follow-ups and notifications land there.
    const ref: SlackReference = { team, channel: dm ?? command.channel_id, user: command.user_id };
    const user = await deps.identities.inboundUser(team, command.user_id);
    const message = slackInbound({
      eventId: `command:${command.trigger_id}`,
      ref,
      user,
      text,
      ...(text ? {} : { value: { skill: 'core', intent: 'bot.help' } }),
      raw: command,
    });
    const inDm = dm === command.channel_id;
    await deps.turns.run(message, { ref, triggerId: command.trigger_id, ...(inDm ? {} : { respond }) });
  });

  app.action<BlockAction<ButtonAction>>(ACTION_POSTBACK, async ({ ack, body, action, respond }) => {
    await ack();
    const decoded = decodePostback(action.value, action.text.text);
    if (!decoded) return;
    const { ref, ephemeral } = await refOfClick(body);
    if (!(await pressAllowed(body, ref, decoded.shownTo))) return;
    const user = await deps.identities.inboundUser(ref.team, body.user.id);
    const message = slackInbound({
      eventId: `action:${body.trigger_id}`,
      ref,
      user,
      text: decoded.value ? '' : decoded.label,
      ...(decoded.value ? { value: decoded.value } : {}),
      raw: body,
    });
    await deps.turns.run(message, {
      ref,
      triggerId: body.trigger_id,
      ...(ephemeral && respond ? { respond: respond as RespondFn } : {}),
    });
  });

  // Link buttons open in the browser; Slack still tells the app about the click.
  app.action(ACTION_LINK, async ({ ack }) => {
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(ACTION_OPEN_FORM, async ({ ack, body, action }) => {
    await ack();
    const pressed = decodeOpenForm(action.value);
    if (!pressed) return;
    const { ref } = await refOfClick(body);
    if (!(await pressAllowed(body, ref, pressed.shownTo))) return;
    const form = await deps.lookup.latestForm(ref.team, conversationKeyOf(ref), pressed.form);
    if (form) await deps.turns.openForm(body.trigger_id, ref, form);
  });

  app.view<ViewSubmitAction>(
    { callback_id: VIEW_FORM, type: 'view_submission' },
    async ({ ack, body, view }) => {
      const meta = decodeFormMetadata(view.private_metadata);
      const team = body.team?.id ?? body.user.team_id ?? '';
      if (!meta || meta.ref.team !== team) {
        await ack();
        return;
      }
      const user = await deps.identities.inboundUser(team, body.user.id);
      const message = slackInbound({
        eventId: `view:${view.id}:${body.trigger_id}`,
        ref: meta.ref,
        user,
        text: '',
        value: { ...(meta.submit ?? {}), form: readFormValues(view.state) },
        raw: body,
      });
      const pending = deps.turns.handle(message, meta.ref);
      const answer = await Promise.race([pending, delay(VIEW_ANSWER_BUDGET_MS)]);
      if (answer === 'late') {
        await ack();
        const late = await pending;
        if (late && !late.duplicate) await deps.turns.deliver(late, { ref: meta.ref });
        return;
      }
      if (!answer || answer.duplicate) {
        await ack();
        return;
      }
      const form = answer.replies.find((r): r is FormReply => r.type === 'form');
      const rest = answer.replies.filter((r) => r !== form);
      if (form && form.id === meta.formId && Object.keys(form.errors ?? {}).length > 0) {
        // The modal stays open with the errors next to the inputs; a "please fix" message
        // in the conversation would only repeat them.
        await ack({ response_action: 'errors', errors: modalErrors(form) });
        return;
      }
      if (form) {
        await ack({
          response_action: 'update',
          view: renderFormModal(form, encodeFormMetadata(meta.ref, form), deps.texts),
        });
      } else {
        await ack();
      }
      if (rest.length > 0) await deps.turns.deliver(answer, { ref: meta.ref }, rest);
    },
  );

  app.view({ callback_id: VIEW_FORM, type: 'view_closed' }, async ({ ack, body, view }) => {
    await ack();
    const meta = decodeFormMetadata(view.private_metadata);
    const team = body.team?.id ?? body.user.team_id ?? '';
    if (!meta?.cancel || meta.ref.team !== team) return;
    const user = await deps.identities.inboundUser(team, body.user.id);
    const message = slackInbound({
      eventId: `view_closed:${view.id}`,
      ref: meta.ref,
      user,
      text: '',
      value: meta.cancel,
      raw: body,
    });
    await deps.turns.run(message, { ref: meta.ref });
  });

  registerMessageShortcut(app, deps);

  app.event('app_home_opened', async ({ event, body, context }) => {
    if (event.tab !== 'home') return;
    await home.publish(context.teamId ?? body.team_id ?? '', event.user);
  });

  app.action<BlockAction<ButtonAction>>(ACTION_AVAILABILITY, async ({ ack, body, action }) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const value = action.value as 'online' | 'away' | 'offline';
    if (await home.setAvailability(team, body.user.id, value)) await home.publish(team, body.user.id);
  });
}

function delay(ms: number): Promise<'late'> {
  return new Promise((resolve) => setTimeout(() => resolve('late'), ms).unref());
}
