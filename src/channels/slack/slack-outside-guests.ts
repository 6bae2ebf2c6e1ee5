import type { AckFn, AnyMiddlewareArgs, Middleware, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { renderGuestHome, renderGuestModal } from './render-guest-notice.js';
import { toMrkdwn } from './slack-mrkdwn.js';
import { actorOf, type PayloadActor } from './slack-payload-actor.js';
import type { WorkspaceMembers } from './slack-workspace-members.js';

/**
 * The help desk serves the workspace the bot is installed in. In a Slack Connect channel or DM,
 * people of other companies can mention the bot, DM it, press its buttons, run its shortcut and
 * submit its modals; they get no turn (nothing is stored for them, they are never linked to the
 * workspace's account or directory, so they see none of its partners or tickets). They are told,
 * addressed to them alone where Slack allows it, that the desk serves the workspace's members
 * and that their own company's help desk is the place to ask.
 */
export interface OutsideGuests {
  /** Global Bolt middleware: stops an outsider's event, click, shortcut or modal before any listener. */
  readonly middleware: Middleware<AnyMiddlewareArgs>;
  /**
   * For the slash command, after its acknowledgement: its payload does not name the user's team,
   * so users.info decides, which may take longer than Slack waits for the acknowledgement.
   * True when the user is the workspace's; otherwise they were answered.
   */
  admitCommand(command: SlashCommand, respond: RespondFn): Promise<boolean>;
}

/** What the gate needs from the request: its acknowledgement (unless already sent) and response_url. */
interface RequestIo {
  readonly ack?: AckFn<unknown>;
  readonly respond?: RespondFn;
}

export function createOutsideGuests(deps: {
  members: WorkspaceMembers;
  client: webApi.WebClient;
  /** The reaction name that files a ticket (without colons). */
  ticketReaction: string;
  texts: {
    /** The notice, in the bot's markdown (slack.outside_guest with the workspace's name). */
    guest: () => string;
    /** When whose workspace it is could not be found out (core.unavailable). */
    unavailable: () => string;
    /** The modal's title and close button. */
    modalTitle: () => string;
    modalClose: () => string;
  };
  logger: Logger;
}): OutsideGuests {
  /** True when the actor is the workspace's; otherwise answers them and returns false. */
  async function admit(actor: PayloadActor, io: RequestIo): Promise<boolean> {
    const standing = await deps.members.standing(actor.user, actor.team);
    if (standing === 'member') return true;
    if (standing === 'outsider')
      deps.logger.info({ slackUser: actor.user, team: actor.team }, 'slack: not a member of the workspace');
    const text = toMrkdwn(standing === 'outsider' ? deps.texts.guest() : deps.texts.unavailable());
    try {
      await answer(actor, io, text);
    } catch (error) {
      deps.logger.warn(
        { err: error, slackUser: actor.user },
        'slack: answer to an outside guest not delivered',
      );
    }
    return false;
  }

  async function answer(actor: PayloadActor, io: RequestIo, text: string): Promise<void> {
    const { reach } = actor;
    if (reach.via === 'modal') {
      const view = renderGuestModal(deps.texts.modalTitle(), text, deps.texts.modalClose());
      await io.ack?.({ response_action: 'update', view });
      return;
    }
    await io.ack?.();
    switch (reach.via) {
      case 'dm':
        await deps.client.chat.postMessage({ channel: reach.channel, text });
        return;
      case 'ephemeral':
        await deps.client.chat.postEphemeral({
          channel: reach.channel,
          user: actor.user,
          text,
          ...(reach.threadTs ? { thread_ts: reach.threadTs } : {}),
        });
        return;
      case 'respond':
        await io.respond?.({ response_type: 'ephemeral', replace_original: false, text });
        return;
      case 'home':
        await deps.client.views.publish({ user_id: actor.user, view: renderGuestHome(text) });
        return;
      case 'none':
        return;
    }
  }

  return {
    async middleware(args) {
      // The slash command is checked by its listener, once acknowledged.
      const actor = 'command' in args ? null : actorOf(args.body, deps.ticketReaction);
      if (!actor) return args.next();
      const io = args as unknown as RequestIo;
      if (await admit(actor, io)) await args.next();
    },
    admitCommand(command, respond) {
      return admit({ user: command.user_id, team: undefined, reach: { via: 'respond' } }, { respond });
    },
  };
}
