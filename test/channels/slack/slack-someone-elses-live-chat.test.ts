import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { FAKE_TEAM, type RecordedCall } from './fakes/fake-slack-api.js';
import { appMention, threadReply } from './fakes/slack-payloads.js';
import { rileyGoesOnline, startOwnerTestBot } from './slack-owner-fixture.js';
import { AGENTS_CHANNEL, postedText, type SlackTestBot, USERS } from './slack-test-bot.js';

/**
 * In a channel thread Alice waits for an agent. Bob, in the same thread, mentions the bot: his words are not added to her request for the agent, and his "cancel" does not
 * take her out of the queue. He alone is told, privately, that Alice has a request going in the
 * thread and where to start his own; nothing is posted in the thread or the agents' channel.
 * Alice's own "cancel" still leaves the queue.
 */
describe.each(testProviders())("Slack: someone else's live chat in a channel thread (%s)", (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startOwnerTestBot(provider);
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;

  async function aliceChat() {
    const identity = await slack.database.prisma.channelIdentity.findUniqueOrThrow({
      where: {
        channel_workspace_externalId: { channel: 'slack', workspace: FAKE_TEAM, externalId: USERS.alice.id },
      },
    });
    return slack.database.prisma.handoff.findFirstOrThrow({ where: { userId: identity.userId } });
  }

  /** What the conversation stored as said in Alice's chat. */
  async function inAliceChat(): Promise<string[]> {
    const chat = await aliceChat();
    const rows = await slack.database.prisma.message.findMany({
      where: { handoffId: chat.id, direction: 'in' },
      orderBy: { id: 'asc' },
    });
    return rows.map((r) => r.text);
  }

  /** Bob's `event` in Alice's thread: told privately whose live chat it is; nothing posted anywhere. */
  async function bobIsToldPrivately(channel: string, thread: string, event: Record<string, unknown>) {
    const mark = slack.mark();
    await slack.sendEvent(event);
    const told = await slack.fake.waitFor('chat.postEphemeral', since(mark));
    await slack.settle();
    expect(told.args).toMatchObject({ channel, thread_ts: thread, user: USERS.bob.id });
    expect(String(told.args.text)).toContain(
      `<@${USERS.alice.id}> is talking with the help desk in this thread, so I did not pass your message on`,
    );
    expect(String(told.args.text)).toContain('mention me in a new thread or send me a direct message');
    expect(slack.fake.callsTo('chat.postMessage').filter(since(mark))).toEqual([]);
    expect(slack.fake.callsTo('chat.update').filter(since(mark))).toEqual([]);
  }

  it("Bob's words in the thread neither join Alice's request nor take her out of the queue", async () => {
    await rileyGoesOnline(slack, '1.2.riley-online');
    await slack.settle();

    let mark = slack.mark();
    const mention = appMention(USERS.alice.id, 'C0LIVE', 'I want to talk to a human about the pixel');
    await slack.sendEvent(mention);
    expect(postedText(await slack.nextPost(mark, 'C0LIVE', mention.ts))).toMatch(/number 1\*? in line/);
    await slack.nextPost(mark, AGENTS_CHANNEL);
    await slack.settle();
    expect((await aliceChat()).status).toBe('pending');

    await bobIsToldPrivately(
      'C0LIVE',
      mention.ts,
      appMention(USERS.bob.id, 'C0LIVE', 'our pixel fires fine on staging', mention.ts),
    );
    await bobIsToldPrivately('C0LIVE', mention.ts, appMention(USERS.bob.id, 'C0LIVE', 'cancel', mention.ts));
    await bobIsToldPrivately(
      'C0LIVE',
      mention.ts,
      appMention(USERS.bob.id, 'C0LIVE', 'stop waiting', mention.ts),
    );
    expect((await aliceChat()).status).toBe('pending');
    expect(await inAliceChat()).toEqual([]);

    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.alice.id, 'C0LIVE', mention.ts, 'cancel'));
    expect(postedText(await slack.nextPost(mark, 'C0LIVE', mention.ts))).toMatch(/You've left the queue/);
    expect(slack.fake.callsTo('chat.postEphemeral').filter(since(mark))).toEqual([]);
    expect((await aliceChat()).status).toBe('abandoned');
  });
});
