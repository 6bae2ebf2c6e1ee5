import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { appMention, directMessage } from './fakes/slack-payloads.js';
import { postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

async function waitForRows<T>(read: () => Promise<T[]>, timeoutMs = 10_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await read();
    if (rows.length > 0 || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(testProviders())('Slack Web API delivery (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider);
  });
  afterAll(() => slack.close());

  const postsSince = (mark: number) =>
    slack.fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage');

  it('waits for Retry-After when Slack answers 429, then posts once', async () => {
    const mark = slack.mark();
    slack.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await slack.sendEvent(directMessage(USERS.alice.id, 'hi'));
    const post = await slack.nextPost(mark, 'D0ALICE');
    const attempts = postsSince(mark);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(post.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(postedText(post)).toMatch(/Alice/);
  });

  it('keeps the reply through a Slack outage and delivers it once Slack is back', async () => {
    await slack.settle();
    const mark = slack.mark();
    slack.fake.outage = true;
    onTestFinished(() => {
      slack.fake.outage = false;
    });
    await slack.sendEvent(directMessage(USERS.alice.id, 'hello during the outage'));
    // The client's bounded retries fail, so the reply waits in the outbox instead of being lost.
    const queued = await waitForRows(() =>
      slack.database.prisma.outboundMessage.findMany({ where: { channel: 'slack', status: 'pending' } }),
    );
    expect(queued).toHaveLength(1);
    expect(postsSince(mark).length).toBeGreaterThan(0);
    expect(postsSince(mark).every((c) => c.status === 503)).toBe(true);

    slack.fake.outage = false;
    const post = await slack.nextPost(mark, 'D0ALICE', undefined, 15_000);
    expect(postedText(post)).toMatch(/Alice/);
    await slack.settle();
    expect(postsSince(mark).filter((c) => c.status === 200)).toHaveLength(1);
    const sent = await slack.database.prisma.outboundMessage.findUniqueOrThrow({
      where: { id: queued[0]!.id },
    });
    expect(sent.status).toBe('sent');
    // The answer is in the transcript once, as the bot's, though it was delivered later.
    const asked = await slack.database.prisma.message.findFirstOrThrow({
      where: { conversationId: queued[0]!.conversationId, text: 'hello during the outage' },
    });
    const answers = await slack.database.prisma.message.findMany({
      where: { conversationId: asked.conversationId, id: { gt: asked.id } },
      orderBy: { id: 'asc' },
    });
    expect(answers.map((m) => m.author)).toEqual(['bot']);
  });

  it('delivers notifications into the stored conversation: the DM, or the thread of a mention', async () => {
    await slack.settle();
    const mention = appMention(USERS.alice.id, 'C0GENERAL', 'hi');
    const mark = slack.mark();
    await slack.sendEvent(mention);
    await slack.nextPost(mark, 'C0GENERAL', mention.ts);
    const thread = await slack.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'slack', externalId: `C0GENERAL:${mention.ts}` },
    });
    const dm = await slack.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'slack', externalId: 'D0ALICE' },
    });

    const mark2 = slack.mark();
    await slack.app.services.notifier.send(thread.id, [
      { type: 'notice', level: 'info', text: 'Ticket **#1042** is now In Progress.' },
    ]);
    await slack.app.services.notifier.send(dm.id, [{ type: 'text', text: 'Sam (agent): hello Alice' }]);
    const inThread = await slack.nextPost(mark2, 'C0GENERAL', mention.ts);
    expect(postedText(inThread)).toContain('Ticket *#1042* is now In Progress.');
    const inDm = await slack.nextPost(mark2, 'D0ALICE');
    expect(inDm.args.thread_ts).toBeUndefined();
  });

  it('posts a message of more than 50 blocks as several, and retries only the part Slack refused', async () => {
    await slack.sendEvent(directMessage(USERS.alice.id, 'hi'));
    await slack.settle();
    const dm = await slack.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'slack', externalId: 'D0ALICE' },
    });
    const mark = slack.mark();
    // Slack takes the first message and refuses the second (a platform error, not retried by the client).
    let posts = 0;
    slack.fake.onCall = (call) => {
      if (call.method === 'chat.postMessage' && ++posts === 1)
        slack.fake.failNext('chat.postMessage', { status: 200, error: 'internal_error' });
    };
    onTestFinished(() => {
      slack.fake.onCall = null;
    });
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`);
    await slack.app.services.notifier.send(
      dm.id,
      lines.map((line) => ({ type: 'card', title: line, fields: [], actions: [] })),
    );
    const [queued] = await waitForRows(() =>
      slack.database.prisma.outboundMessage.findMany({
        where: { conversationId: dm.id },
        orderBy: { id: 'desc' },
      }),
    );
    await expect
      .poll(
        async () =>
          (await slack.database.prisma.outboundMessage.findUniqueOrThrow({ where: { id: queued!.id } }))
            .status,
        { timeout: 15_000, interval: 100 },
      )
      .toBe('sent');
    await slack.settle();

    const attempts = postsSince(mark).filter((c) => c.args.channel === 'D0ALICE');
    expect(attempts.map((c) => c.status)).toEqual([200, 400, 200]);
    const delivered = attempts.filter((c) => c.status === 200);
    for (const post of delivered) expect((post.args.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    // Every line once, in order: the retry posted only the second part.
    const posted = delivered.flatMap((post) => postedText(post).match(/line \d+/g) ?? []);
    expect(posted).toEqual(lines);
    expect(postedText(attempts[1])).toBe(postedText(delivered[1]));
  });

  it("falls back to the user's DM when the bot was removed from the channel", async () => {
    await slack.settle();
    const mention = appMention(USERS.alice.id, 'C0PRIVATE', 'hi');
    const mark = slack.mark();
    slack.fake.failNext('chat.postMessage', { status: 200, error: 'not_in_channel' });
    await slack.sendEvent(mention);
    const post = await slack.nextPost(mark, 'D0ALICE');
    expect(postedText(post)).toMatch(/Alice/);
  });
});
