import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../../src/app-modules.js';
import { loadIntentMatcher } from '../../../src/nlu-matcher.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import { blockActions, directMessage, messageShortcut, slackTs } from './fakes/slack-payloads.js';
import { buttonIn, postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

/** "Create ticket from message": what the ticket says, and where its questions are asked. */
describe('Slack: "Create ticket from message"', () => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    const matcher = await loadIntentMatcher({
      intentsDir: resolve('intents'),
      cacheDir: resolve('data/cache'),
    });
    slack = await startSlackTestBot('sqlite', { modules: appModules, matcher });
  });
  afterAll(() => slack.close());

  const FEED = 'The nightly product feed import fails with a timeout after 10 minutes';

  function click(user: string, post: RecordedCall, label: string | RegExp) {
    const button = buttonIn(post, label);
    return slack.sendInteractive(
      blockActions({
        user,
        channel: String(post.args.channel),
        message: { ts: String(post.result?.ts), blocks: post.args.blocks },
        button: {
          action_id: button.action_id,
          text: button.text,
          ...(button.value !== undefined ? { value: button.value } : {}),
        },
        responseUrl: slack.fake.responseUrl('click'),
      }),
    );
  }

  /** Slack's answers in a channel the bot was never invited to. */
  function botNotIn(channel: string) {
    const there = (a: Record<string, unknown>) => a.channel === channel;
    slack.fake.failNext('conversations.replies', { status: 200, error: 'not_in_channel' }, there);
    slack.fake.failNext('chat.postMessage', { status: 200, error: 'not_in_channel' }, there);
  }

  it('Alice, in a channel without the bot: shortcut → asked in her DM → "Yes, that\'s it" goes on there', async () => {
    botNotIn('C0NOBOT');
    let mark = slack.mark();
    const source = { ts: slackTs(), user: USERS.pat.id, text: FEED };
    await slack.sendInteractive(
      messageShortcut(USERS.alice.id, 'C0NOBOT', source, slack.fake.responseUrl('sc')),
    );
    const question = await slack.nextPost(mark, 'D0ALICE');
    expect(postedText(question)).toMatch(/Is that the right issue type\?/);
    expect(slack.inbound.at(-1)?.conversationKey).toBe('D0ALICE');

    mark = slack.mark();
    await click(USERS.alice.id, question, "Yes, that's it");
    const next = await slack.nextPost(mark, 'D0ALICE');
    expect(postedText(next)).not.toMatch(/already finished/);
    expect(postedText(next)).toMatch(/campaign/i);
  });

  it('Bob, in a channel without the bot: shortcut → asked in his DM → typed "yes" answers it', async () => {
    botNotIn('C0NOBOT');
    let mark = slack.mark();
    const source = { ts: slackTs(), user: USERS.pat.id, text: FEED };
    await slack.sendInteractive(
      messageShortcut(USERS.bob.id, 'C0NOBOT', source, slack.fake.responseUrl('sc2')),
    );
    const question = await slack.nextPost(mark, 'D0BOB');
    expect(postedText(question)).toMatch(/Is that the right issue type\?/);

    mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.bob.id, 'yes'));
    expect(postedText(await slack.nextPost(mark, 'D0BOB'))).toMatch(/campaign/i);
  });

  it('a message mentioning Bob → the ticket text names him, not his Slack id', async () => {
    const source = {
      ts: slackTs(),
      user: USERS.pat.id,
      text: `<@${USERS.bob.id}> the payout report is empty since Monday`,
    };
    const mark = slack.mark();
    await slack.sendInteractive(
      messageShortcut(USERS.alice.id, 'C0GENERAL', source, slack.fake.responseUrl('m')),
    );
    await slack.nextPost(mark, 'C0GENERAL', source.ts);
    expect(slack.inbound.at(-1)?.text).toBe('@Bob Brand the payout report is empty since Monday');
  });

  it("an integration's alert (words only in attachments and blocks) → filed with its words", async () => {
    const alert = 'Conversion pixel on checkout stopped firing for campaign 48213';
    const source = { ts: slackTs(), user: USERS.pat.id, text: '' };
    const payload = messageShortcut(USERS.alice.id, 'C0ALERTS', source, slack.fake.responseUrl('a')) as {
      message: Record<string, unknown>;
    };
    payload.message.bot_id = 'B0MONITOR';
    payload.message.attachments = [
      { id: 1, color: 'danger', fallback: alert, title: 'Pixel monitor', text: alert },
    ];
    payload.message.blocks = [{ type: 'section', block_id: 'a1', text: { type: 'mrkdwn', text: alert } }];
    const mark = slack.mark();
    await slack.sendInteractive(payload);
    const first = await slack.nextPost(mark, 'C0ALERTS', source.ts);
    expect(slack.inbound.at(-1)?.text).toBe(`${alert}\nPixel monitor`);
    expect(postedText(first)).not.toMatch(/What's the problem, in one line\?/);
  });
});
