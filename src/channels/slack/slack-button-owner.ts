import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackIdentities } from './slack-identities.js';
import { toMrkdwn } from './slack-mrkdwn.js';
import { isDirectMessageChannel, type SlackReference } from './slack-reference.js';

/**
 * In a channel thread everyone in the channel sees the buttons the bot shows the person it
 * answers, and Slack lets anyone press them. So a turn's buttons carry that person's Slack id
 * in their value (`shownTo`), and a press by anyone else is told, privately, whose they are
 * and runs nothing. Replies sent later (retried by the outbox, notifications) carry the user
 * they are for the same way (`addressedDelivery`). In a DM only the user sees them: no owner
 * is written. The agents' desk buttons (Claim, Transfer, the status menu) have their own
 * action ids and stay every agent's.
 */

/** The Slack user a turn's buttons are for: the turn's user outside a DM; none in a DM. */
export function buttonsOwner(ref: SlackReference): string | undefined {
  return ref.user && !isDirectMessageChannel(ref.channel) ? ref.user : undefined;
}

/**
 * Where a message sent outside a turn goes, and whom its buttons are for: `addressee` (a bot
 * user) as the Slack user they are outside a DM, who is also whom the DM fallback reaches
 * (slack-poster.ts) rather than whoever spoke in the thread last. No owner when the addressee
 * has no Slack identity in the workspace.
 */
export async function addressedDelivery(
  identities: Pick<SlackIdentities, 'slackUserOf'>,
  ref: SlackReference,
  addressee: string | undefined,
): Promise<{ ref: SlackReference; shownTo?: string }> {
  if (!addressee || isDirectMessageChannel(ref.channel)) return { ref };
  const user = await identities.slackUserOf(ref.team, addressee);
  return user ? { ref: { ...ref, user }, shownTo: user } : { ref };
}

/**
 * Tells `presser`, privately where the button was, that the buttons are `shownTo`'s.
 * `text`: the response with `{user}` left for the mention (slack.buttons_not_yours).
 */
export async function tellNotYours(
  deps: { client: webApi.WebClient; logger: Logger },
  where: SlackReference,
  presser: string,
  shownTo: string,
  text: string,
): Promise<void> {
  // The mention goes in after the escaping, which would otherwise turn it into plain text.
  const mrkdwn = toMrkdwn(text).replace('{user}', `<@${shownTo}>`);
  await deps.client.chat
    .postEphemeral({
      channel: where.channel,
      user: presser,
      text: mrkdwn,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    })
    .catch((error: unknown) => deps.logger.warn({ err: error }, 'slack ephemeral not delivered'));
}
