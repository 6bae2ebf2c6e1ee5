import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { FAKE_TEAM, type RecordedCall } from './fakes/fake-slack-api.js';
import { appMention, reactionAdded, slackTs, threadReply } from './fakes/slack-payloads.js';
import { pressForNextPost, startOwnerTestBot } from './slack-owner-fixture.js';
import { buttonIn, postedText, type SlackTestBot, USERS } from './slack-test-bot.js';

/**
 * In a channel thread the bot asks Alice the questions of her ticket; Bob, in the same thread,
 * mentions the bot. His words are no answer to her questions and no cancel, and his "confirm"
 * files nothing: he alone is told, privately, that Alice is in the middle of a request there and
 * where to start his own. Alice goes on as before. With no question open, Bob's mention is his
 * own request, as ever.
 */
describe.each(testProviders())("Slack: someone else's request in a channel thread (%s)", (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startOwnerTestBot(provider);
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;

  async function conversationIn(key: string) {
    return slack.database.prisma.conversation.findUniqueOrThrow({
      where: { channel_workspace_externalId: { channel: 'slack', workspace: FAKE_TEAM, externalId: key } },
      select: { state: true },
    });
  }

  /** The thread's open flow and pending switch, as stored (the marks of handled events aside). */
  async function flowIn(channel: string, thread: string) {
    const { flow, pendingInterrupt } = JSON.parse((await conversationIn(`${channel}:${thread}`)).state);
    return { flow, pendingInterrupt };
  }

  /** Alice's ticket in a new thread of `channel`, up to the question asking her to describe the problem. */
  async function aliceDescribing(channel: string): Promise<string> {
    const mark = slack.mark();
    const mention = appMention(USERS.alice.id, channel, 'open a ticket: the tracking pixel stopped firing');
    await slack.sendEvent(mention);
    const issueType = await slack.nextPost(mark, channel, mention.ts);
    const campaign = await pressForNextPost(slack, USERS.alice.id, issueType, "Yes, that's it");
    const describeIt = await pressForNextPost(slack, USERS.alice.id, campaign, 'No, not campaign-specific');
    expect(postedText(describeIt)).toMatch(/describe the problem/i);
    return mention.ts;
  }

  /**
   * `event`, sent by Bob in Alice's thread, is answered to Bob alone: whose request it is and
   * where to start his own. Nothing is posted in the thread and Alice's flow is as it was.
   */
  async function bobIsToldPrivately(channel: string, thread: string, event: Record<string, unknown>) {
    const before = await flowIn(channel, thread);
    expect(before.flow.owner).toMatchObject({ externalId: USERS.alice.id });
    const mark = slack.mark();
    await slack.sendEvent(event);
    const told = await slack.fake.waitFor('chat.postEphemeral', since(mark));
    await slack.settle();
    expect(told.args).toMatchObject({ channel, thread_ts: thread, user: USERS.bob.id });
    expect(String(told.args.text)).toBe(
      `<@${USERS.alice.id}> is in the middle of a request in this thread, so I left it as it is. ` +
        'To start one of your own, mention me in a new thread or send me a direct message.',
    );
    expect(slack.fake.callsTo('chat.postMessage').filter(since(mark))).toEqual([]);
    expect(await flowIn(channel, thread)).toEqual(before);
  }

  it("Bob's mentions neither answer, cancel nor file Alice's ticket; she goes on with her own words", async () => {
    const thread = await aliceDescribing('C0TRACKING');
    for (const words of [
      'fwiw the pixel fires fine on our staging site, so I do not think anything is broken',
      'cancel',
      'no, only me',
      'confirm',
    ]) {
      await bobIsToldPrivately('C0TRACKING', thread, appMention(USERS.bob.id, 'C0TRACKING', words, thread));
    }
    expect(await slack.database.prisma.ticket.count({ where: { creatorId: 'usr_bob' } })).toBe(0);

    const mark = slack.mark();
    await slack.sendEvent(
      threadReply(
        USERS.alice.id,
        'C0TRACKING',
        thread,
        'The pixel on our checkout page stopped firing yesterday; conversions dropped to zero.',
      ),
    );
    const access = await slack.nextPost(mark, 'C0TRACKING', thread);
    expect(postedText(access)).toMatch(/Should everyone in your account see this ticket/);
    expect(buttonIn(access, /only me/i).value).toContain(USERS.alice.id);
  });

  it("Bob's ticket reaction on a message of Alice's thread starts nothing there while she is asked", async () => {
    const thread = await aliceDescribing('C0REACT');
    const ts = slackTs();
    slack.fake.history.set('C0REACT', [
      { ts, thread_ts: thread, user: USERS.alice.id, text: 'the pixel is gone from checkout' },
    ]);
    await bobIsToldPrivately(
      'C0REACT',
      thread,
      reactionAdded(USERS.bob.id, 'ticket', 'C0REACT', ts, USERS.alice.id),
    );
  });

  it("with no question open in the thread, Bob's mention is his own request", async () => {
    const mark = slack.mark();
    const mention = appMention(USERS.alice.id, 'C0OPEN', 'open a ticket: the export is slow');
    await slack.sendEvent(mention);
    await slack.nextPost(mark, 'C0OPEN', mention.ts);
    const cancel = slack.mark();
    await slack.sendEvent(appMention(USERS.alice.id, 'C0OPEN', 'cancel', mention.ts));
    expect(postedText(await slack.nextPost(cancel, 'C0OPEN', mention.ts))).toMatch(/cancelled/i);

    const own = slack.mark();
    await slack.sendEvent(
      appMention(
        USERS.bob.id,
        'C0OPEN',
        'open a ticket: the tracking pixel is gone from checkout',
        mention.ts,
      ),
    );
    const issueType = await slack.nextPost(own, 'C0OPEN', mention.ts);
    expect(postedText(issueType)).toMatch(/sounds like a \*[^*]+\* issue/);
    expect(buttonIn(issueType, "Yes, that's it").value).toContain(USERS.bob.id);
    expect(slack.fake.callsTo('chat.postEphemeral').filter(since(own))).toEqual([]);
  });
});
