/**
 * What the Slack stories about whom the bot's buttons belong to share: a bot with tickets, the
 * help center's suggestions and live agents, pressing a button of a posted message as Slack
 * sends it, a press the bot refuses, and an agent going online with `/helpdesk online`.
 */
import type { AppModule } from '../../../src/app-module.js';
import { slackModule } from '../../../src/channels/slack/slack-module.js';
import { handoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { fakeDocs, ticketRules } from '../../skills/tickets/ticket-test-bot.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { FAKE_TEAM, type RecordedCall } from './fakes/fake-slack-api.js';
import { blockActions } from './fakes/slack-payloads.js';
import { AGENTS_CHANNEL, buttonIn, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

/**
 * The bot with tickets, the help center's suggestions and live agents; `extra` adds modules
 * (before the Slack channel) and routing rules (before the ticket rules).
 */
export function startOwnerTestBot(
  provider: 'sqlite' | 'postgresql',
  extra: { modules?: readonly AppModule[]; rules?: ReadonlyArray<[RegExp, string, string]> } = {},
): Promise<SlackTestBot> {
  return startSlackTestBot(provider, {
    modules: [fakeDocs().module, ticketsModule, handoffModule, ...(extra.modules ?? []), slackModule],
    matcher: keywordMatcher([
      [/^\/helpdesk\b/i, 'agent.availability', 'handoff'],
      [/\b(agent|human|person)\b/i, 'agent.handoff', 'handoff'],
      ...(extra.rules ?? []),
      ...ticketRules,
    ]),
  });
}

/** `user` presses the button `label` of the bot's message `post`, as Slack sends it. */
export function press(slack: SlackTestBot, user: string, post: RecordedCall, label: string | RegExp) {
  const button = buttonIn(post, label);
  return slack.sendInteractive(
    blockActions({
      user,
      channel: String(post.args.channel),
      message: {
        ts: String(post.result?.ts),
        ...(post.args.thread_ts ? { thread_ts: String(post.args.thread_ts) } : {}),
        blocks: post.args.blocks,
      },
      button: {
        action_id: button.action_id,
        text: button.text,
        ...(button.value !== undefined ? { value: button.value } : {}),
        ...(button.block_id ? { block_id: button.block_id } : {}),
      },
      responseUrl: slack.fake.responseUrl('press'),
    }),
  );
}

/** `user` presses: resolves with the bot's next post in the same place (thread or DM). */
export async function pressForNextPost(
  slack: SlackTestBot,
  user: string,
  post: RecordedCall,
  label: string | RegExp,
): Promise<RecordedCall> {
  const mark = slack.mark();
  await press(slack, user, post, label);
  return slack.nextPost(mark, String(post.args.channel), post.args.thread_ts as string | undefined);
}

/**
 * `user` presses a button the bot will refuse them: resolves, once the bot is idle again, with
 * the private answer they got, the mark before the press and how many inbound messages were seen.
 */
export async function pressRefused(
  slack: SlackTestBot,
  user: string,
  post: RecordedCall,
  label: string | RegExp,
): Promise<{ told: RecordedCall; mark: number; seen: number }> {
  const seen = slack.inbound.length;
  const mark = slack.mark();
  await press(slack, user, post, label);
  const told = await slack.fake.waitFor('chat.postEphemeral', (c) => slack.fake.calls.indexOf(c) >= mark);
  await slack.settle();
  return { told, mark, seen };
}

/** Riley, an agent, types `/helpdesk online` in the agents' channel. */
export function rileyGoesOnline(slack: SlackTestBot, triggerId: string) {
  return slack.sendCommand({
    token: 't',
    team_id: FAKE_TEAM,
    channel_id: AGENTS_CHANNEL,
    user_id: USERS.riley.id,
    command: '/helpdesk',
    text: 'online',
    response_url: slack.fake.responseUrl('riley-online'),
    trigger_id: triggerId,
  });
}
