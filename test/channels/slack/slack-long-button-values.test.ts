import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../../src/app-modules.js';
import { type AppMatcher, loadIntentMatcher } from '../../../src/nlu-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { FAKE_TEAM, type RecordedCall } from './fakes/fake-slack-api.js';
import { blockActions, directMessage } from './fakes/slack-payloads.js';
import { buttonIn, postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

/** Slack keeps at most this many characters in a button's value. */
const SLACK_BUTTON_VALUE_MAX = 2000;

/**
 * Buttons that carry what the user wrote, on Slack: the bot's real modules and intent engine
 * behind the Slack channel, over signed HTTP to a fake Web API. The posted buttons fit Slack's
 * value, and a press still hands the skills the whole text.
 */
let matcher: AppMatcher;
beforeAll(async () => {
  matcher = await loadIntentMatcher({ intentsDir: resolve('intents'), cacheDir: resolve('data/cache') });
});

describe.each(testProviders())('Slack buttons that carry a long text (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider, { modules: appModules, matcher });
  });
  afterAll(() => slack.close());

  const dmChannel = (user: string) => `D${user.slice(1)}`;

  /** A DM from a user; resolves with the bot's answer in the DM. */
  async function dm(user: string, text: string): Promise<RecordedCall> {
    const mark = slack.mark();
    await slack.sendEvent(directMessage(user, text));
    return slack.nextPost(mark, dmChannel(user));
  }

  /** Presses a button of a bot message as Slack sends it; resolves with the next post in the DM. */
  async function press(user: string, post: RecordedCall, button: ReturnType<typeof buttonIn>) {
    const mark = slack.mark();
    await slack.sendInteractive(
      blockActions({
        user,
        channel: String(post.args.channel),
        message: { ts: String(post.result?.ts), blocks: post.args.blocks },
        button: {
          action_id: button.action_id,
          text: button.text,
          ...(button.value !== undefined ? { value: button.value } : {}),
          ...(button.block_id ? { block_id: button.block_id } : {}),
        },
        responseUrl: slack.fake.responseUrl('click'),
      }),
    );
    return slack.nextPost(mark, dmChannel(user));
  }

  /** Every button value of a posted message. */
  function buttonValues(post: RecordedCall): string[] {
    const blocks = (post.args.blocks ?? []) as Array<{ elements?: Array<{ type?: string; value?: string }> }>;
    return blocks.flatMap((b) =>
      (b.elements ?? []).filter((e) => e.type === 'button').map((e) => e.value ?? ''),
    );
  }

  it('Reopen on a 3,000-character complaint fits Slack and reopens the ticket with the whole complaint', async () => {
    const alice = USERS.alice.id;
    await dm(alice, 'hello');
    const requester = await slack.app.services.users.resolve('slack', FAKE_TEAM, { externalId: alice });
    const desk = slack.app.services.shared.tickets!;
    const { id } = await desk.create({
      requester,
      subject: 'Coupon codes rejected at checkout',
      issueType: 'other',
      description: 'Every coupon code of the spring campaign is rejected at checkout.',
      channel: 'slack',
      conversationId: null,
      idempotencyKey: 'slack-alice-coupons',
    });
    await desk.setStatus(requester, id, 'closed');
    let complaint = `${id} still doesn't work.`;
    for (let n = 1; complaint.length < 3000; n++) {
      complaint += ` Order ${n} was rejected at checkout with the spring coupon code again.`;
    }
    complaint = complaint.slice(0, 3000);

    const prompt = await dm(alice, complaint);
    expect(postedText(prompt)).toContain(`*#${id}* is closed.`);
    for (const value of buttonValues(prompt)) expect(value.length).toBeLessThan(SLACK_BUTTON_VALUE_MAX);
    const reopen = buttonIn(prompt, 'Reopen');

    const answer = await press(alice, prompt, reopen);
    expect(postedText(answer)).toContain(`*#${id}* is reopened`);
    await slack.settle();
    const comments = await slack.database.prisma.ticketComment.findMany({ where: { ticketId: id } });
    expect(comments.map((c) => c.body)).toEqual([complaint]);
    expect((await desk.get(requester, id))?.status).toBe('open');
  });

  it('"Also: …?" for a long second request fits Slack and runs the whole request', async () => {
    const bob = USERS.bob.id;
    const second =
      `how do I invite a partner ${'from another company, step by step for a new team member '.repeat(40)}`.trim();
    expect(second.length).toBeGreaterThan(SLACK_BUTTON_VALUE_MAX);
    const first = await dm(bob, `show my tickets and ${second}`);
    const also = buttonIn(first, /^Also:/);
    expect(also.value?.length).toBeLessThan(SLACK_BUTTON_VALUE_MAX);

    await press(bob, first, also);
    // The pipeline saw the second request whole, as if Bob had typed it.
    expect(slack.inbound.at(-1)?.value).toEqual({ typed: second });
  });
});
