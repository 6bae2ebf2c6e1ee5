import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TEAM, type RecordedCall } from './fakes/fake-slack-api.js';
import { appMention, messageShortcut, slackTs } from './fakes/slack-payloads.js';
import { pressForNextPost, startOwnerTestBot } from './slack-owner-fixture.js';
import { postedText, type SlackTestBot, USERS } from './slack-test-bot.js';

/** "Create ticket from message" in the thread of someone else's open request: told privately, as a mention is. */
describe("Slack: Bob's message shortcut in the thread of Alice's request", () => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startOwnerTestBot('sqlite');
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;

  async function flowIn(channel: string, thread: string) {
    const row = await slack.database.prisma.conversation.findUniqueOrThrow({
      where: {
        channel_workspace_externalId: {
          channel: 'slack',
          workspace: FAKE_TEAM,
          externalId: `${channel}:${thread}`,
        },
      },
      select: { state: true },
    });
    const { flow, pendingInterrupt } = JSON.parse(row.state);
    return { flow, pendingInterrupt };
  }

  it('Alice: open a ticket … / Bob runs the shortcut on her reply → Bob alone is told whose request it is', async () => {
    const channel = 'C0SHORTCUT';
    let mark = slack.mark();
    const mention = appMention(USERS.alice.id, channel, 'open a ticket: the tracking pixel stopped firing');
    await slack.sendEvent(mention);
    const issueType = await slack.nextPost(mark, channel, mention.ts);
    const campaign = await pressForNextPost(slack, USERS.alice.id, issueType, "Yes, that's it");
    const describeIt = await pressForNextPost(slack, USERS.alice.id, campaign, 'No, not campaign-specific');
    expect(postedText(describeIt)).toMatch(/describe the problem/i);
    const before = await flowIn(channel, mention.ts);

    mark = slack.mark();
    const reply = {
      ts: slackTs(),
      thread_ts: mention.ts,
      user: USERS.alice.id,
      text: 'the pixel is gone from checkout',
    };
    await slack.sendInteractive(
      messageShortcut(USERS.bob.id, channel, reply, slack.fake.responseUrl('bob-sc')),
    );
    const told = await slack.fake.waitFor('chat.postEphemeral', since(mark), 3000);
    await slack.settle();
    expect(slack.fake.callsTo('chat.postMessage').filter(since(mark))).toEqual([]);
    expect(told.args).toMatchObject({ channel, thread_ts: mention.ts, user: USERS.bob.id });
    expect(String(told.args.text)).toContain(`<@${USERS.alice.id}> is in the middle of a request`);
    expect(await flowIn(channel, mention.ts)).toEqual(before);
  });
});
