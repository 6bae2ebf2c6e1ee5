import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { FAKE_TEAM, type RecordedCall } from './fakes/fake-slack-api.js';
import { appMention, directMessage } from './fakes/slack-payloads.js';
import { pressForNextPost, pressRefused, rileyGoesOnline, startOwnerTestBot } from './slack-owner-fixture.js';
import { buttonIn, postedText, type SlackTestBot, USERS } from './slack-test-bot.js';

/**
 * The buttons of a message the bot posts into someone's channel thread outside the turn are
 * still that person's: a turn's replies Slack refused at first and the outbox posts later, and
 * proactive messages such as "an agent is available now". In a DM nothing changes.
 */
describe.each(testProviders())('Slack buttons posted outside the turn keep their owner (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startOwnerTestBot(provider);
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;

  /** `user` presses: resolves with the bot's next post in the same place. */
  const presses = (user: string, post: RecordedCall, label: string | RegExp) =>
    pressForNextPost(slack, user, post, label);

  /** Bob presses `label` on a post in Alice's thread: he alone is told whose it is; nothing runs. */
  async function bobIsRefused(post: RecordedCall, label: string | RegExp) {
    const { told, mark, seen } = await pressRefused(slack, USERS.bob.id, post, label);
    expect(told.args).toMatchObject({ channel: post.args.channel, user: USERS.bob.id });
    expect(String(told.args.text)).toContain(`These buttons are for <@${USERS.alice.id}>`);
    expect(slack.inbound).toHaveLength(seen);
    expect(slack.fake.callsTo('chat.postMessage').filter(since(mark))).toEqual([]);
  }

  /** Live chats asked for by this Slack user. */
  async function handoffsOf(slackUser: string) {
    const identity = await slack.database.prisma.channelIdentity.findUnique({
      where: {
        channel_workspace_externalId: { channel: 'slack', workspace: FAKE_TEAM, externalId: slackUser },
      },
    });
    // Someone the bot never ran a turn for has asked for nothing.
    return identity ? slack.database.prisma.handoff.count({ where: { userId: identity.userId } }) : 0;
  }

  /** Slack refuses the next post (to `channel`): the turn's replies go to the outbox. */
  function refuseNextPostTo(channel: string) {
    slack.fake.failNext(
      'chat.postMessage',
      { status: 200, error: 'internal_error' },
      (args) => args.channel === channel,
    );
  }

  it("a reply to Alice's mention that Slack took only on the outbox's retry is still hers", async () => {
    const mark = slack.mark();
    refuseNextPostTo('C0GENERAL');
    const mention = appMention(
      USERS.alice.id,
      'C0GENERAL',
      'open a ticket: password reset link expired immediately',
    );
    await slack.sendEvent(mention);
    const retried = await slack.nextPost(mark, 'C0GENERAL', mention.ts, 15_000);
    expect(
      slack.fake.calls.filter((c) => since(mark)(c) && c.method === 'chat.postMessage' && c.status !== 200),
    ).toHaveLength(1);
    expect(postedText(retried)).toMatch(/sounds like a \*[^*]+\* issue/);

    await bobIsRefused(retried, "Yes, that's it");
    const next = await presses(USERS.alice.id, retried, "Yes, that's it");
    expect(postedText(next)).toMatch(/campaign/i);
  });

  it('a reply in a DM that Slack took only on the retry has no owner: the user presses it as before', async () => {
    const mark = slack.mark();
    refuseNextPostTo('D0BOB');
    await slack.sendEvent(directMessage(USERS.bob.id, 'open a ticket: the export is slow'));
    const retried = await slack.nextPost(mark, 'D0BOB', undefined, 15_000);
    expect(buttonIn(retried, "Yes, that's it").value).not.toContain(USERS.bob.id);
    const next = await presses(USERS.bob.id, retried, "Yes, that's it");
    expect(postedText(next)).toMatch(/campaign/i);
  });

  it('"Talk to a person" sent to Alice\'s thread when an agent comes online is hers; in a DM anyone\'s', async () => {
    // Nobody is online: Alice (in a channel thread) and Nora (in her DM) ask to be told.
    let mark = slack.mark();
    const mention = appMention(USERS.alice.id, 'C0SUPPORT', 'I want to talk to a human');
    await slack.sendEvent(mention);
    const offer = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && c.args.thread_ts === mention.ts && postedText(c).includes('Notify me'),
    );
    await presses(USERS.alice.id, offer, 'Notify me');

    mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.nora.id, 'I want to talk to a human'));
    const noraOffer = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && c.args.channel === 'D0NORA' && postedText(c).includes('Notify me'),
    );
    await presses(USERS.nora.id, noraOffer, 'Notify me');
    await slack.settle();

    // Riley comes online: both are told, outside any turn of theirs.
    mark = slack.mark();
    await rileyGoesOnline(slack, '1.2.riley-online');
    const available = (c: RecordedCall) => postedText(c).includes('an agent is available for live chat now');
    const inThread = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && c.args.thread_ts === mention.ts && available(c),
      15_000,
    );
    const inDm = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && c.args.channel === 'D0NORA' && available(c),
      15_000,
    );
    await slack.settle();

    await bobIsRefused(inThread, 'Talk to a person');
    expect(await handoffsOf(USERS.bob.id)).toBe(0);
    const started = await presses(USERS.alice.id, inThread, 'Talk to a person');
    expect(postedText(started)).toMatch(/in line|connect|agent/i);
    await slack.settle();
    expect(await handoffsOf(USERS.alice.id)).toBe(1);

    expect(buttonIn(inDm, 'Talk to a person').value).not.toContain(USERS.nora.id);
    const noraStarted = await presses(USERS.nora.id, inDm, 'Talk to a person');
    expect(postedText(noraStarted)).toMatch(/in line|connect|agent/i);
  });
});
