import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { postSigned, slackSignature } from './fakes/signed-request.js';
import {
  appHomeOpened,
  appMention,
  directMessage,
  eventCallback,
  fileShare,
  threadReply,
} from './fakes/slack-payloads.js';
import { postedText, SIGNING_SECRET, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

describe.each(testProviders())('Slack events over signed HTTP (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider);
  });
  afterAll(() => slack.close());

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({
      token: 'x',
      challenge: 'a-challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    const answer = await postSigned(slack.port, body, {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('a-challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
  });

  it('refuses a bad signature and a stale timestamp with 401, and does nothing', async () => {
    const mark = slack.mark();
    const body = JSON.stringify(eventCallback(directMessage(USERS.alice.id, 'hello')));
    const forged = await postSigned(slack.port, body, {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
      signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), body),
    });
    expect(forged.status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const old = await postSigned(slack.port, body, {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
      timestamp: stale,
    });
    expect(old.status).toBe(401);
    await slack.settle();
    expect(slack.fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('answers a direct message in the DM, acked before the reply', async () => {
    const mark = slack.mark();
    const started = performance.now();
    const answer = await slack.sendEvent(directMessage(USERS.alice.id, 'hello there'));
    const ackMs = performance.now() - started;
    expect(answer.status).toBe(200);
    const post = await slack.nextPost(mark, 'D0ALICE');
    // Linked to the seeded Alice by her Slack e-mail, so the bot greets her by name.
    expect(postedText(post)).toMatch(/Alice/);
    expect(post.args.thread_ts).toBeUndefined();
    expect(post.token).toBe('xoxb-test-token');
    expect(ackMs).toBeLessThan(1000);
  });

  it('handles a retried event once (X-Slack-Retry-Num)', async () => {
    await slack.settle();
    const mark = slack.mark();
    const event = directMessage(USERS.alice.id, 'thanks!');
    const id = 'Ev0RETRY0001';
    expect((await slack.sendEvent(event, { id })).status).toBe(200);
    await slack.nextPost(mark, 'D0ALICE');
    expect((await slack.sendEvent(event, { id, retryNum: 1 })).status).toBe(200);
    expect((await slack.sendEvent(event, { id, retryNum: 2 })).status).toBe(200);
    await slack.settle();
    const posts = slack.fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    const stored = await slack.database.prisma.message.count({ where: { text: 'thanks!' } });
    expect(stored).toBe(1);
  });

  it('answers a mention in its thread and follows up there without a new mention', async () => {
    const mark = slack.mark();
    const mention = appMention(USERS.alice.id, 'C0GENERAL', 'hi');
    await slack.sendEvent(mention);
    const first = await slack.nextPost(mark, 'C0GENERAL', mention.ts);
    expect(postedText(first)).toMatch(/Alice/);

    const mark2 = slack.mark();
    await slack.sendEvent(threadReply(USERS.alice.id, 'C0GENERAL', mention.ts, 'what can you do?'));
    const second = await slack.nextPost(mark2, 'C0GENERAL', mention.ts);
    expect(postedText(second)).toMatch(/Here's what I can do/);

    // Someone else chatting in that thread is not talking to the bot (unless they mention it).
    const markOther = slack.mark();
    await slack.sendEvent(
      threadReply(USERS.pat.id, 'C0GENERAL', mention.ts, 'thanks Alice, I will look too'),
    );
    await slack.settle();
    expect(slack.fake.calls.slice(markOther).filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);

    // A thread the bot is not part of is not its business.
    const mark3 = slack.mark();
    await slack.sendEvent(threadReply(USERS.alice.id, 'C0GENERAL', '1700000000.000100', 'hello'));
    await slack.settle();
    expect(slack.fake.calls.slice(mark3).filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('escapes user text so nobody can ping the channel or hide a link through the bot', async () => {
    // New Slack users: the bot greets them by the name in their Slack profile.
    for (const [id, name] of [
      ['U0MALLORY', '<!channel>'],
      ['U0EVE', '<https://evil.example|Reset-your-password>'],
    ] as const) {
      await slack.settle();
      const mark = slack.mark();
      slack.fake.users.set(id, { name: id.toLowerCase(), realName: name });
      await slack.sendEvent(directMessage(id, 'hello'));
      const post = await slack.nextPost(mark, `D${id.slice(1)}`);
      const text = `${postedText(post)}\n${String(post.args.text)}`;
      expect(text).toContain(name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      expect(text).not.toContain(name);
    }
  });

  it('turns files shared in a DM into attachments of the message', async () => {
    await slack.settle();
    const mark = slack.mark();
    await slack.sendEvent(
      fileShare(USERS.alice.id, 'D0ALICE', 'hello, here is a screenshot', {
        name: 'pixel.png',
        mimetype: 'image/png',
        size: 92582,
      }),
    );
    await slack.nextPost(mark, 'D0ALICE');
    const seen = slack.inbound.find((m) => m.text === 'hello, here is a screenshot');
    expect(seen?.workspace).toBe('T0HELPDESK');
    expect(seen?.conversationKey).toBe('D0ALICE');
    expect(seen?.attachments).toEqual([
      {
        name: 'pixel.png',
        mimeType: 'image/png',
        size: 92582,
        url: expect.stringMatching(/^https:\/\/files\.slack\.com\/files-pri\/T0HELPDESK-F0\d+\/pixel\.png$/),
      },
    ]);
  });

  it('publishes the App Home with the main buttons', async () => {
    const mark = slack.mark();
    await slack.sendEvent(appHomeOpened(USERS.alice.id));
    const publish = await slack.fake.waitFor('views.publish', (c) => slack.fake.calls.indexOf(c) >= mark);
    expect(publish.args.user_id).toBe(USERS.alice.id);
    const text = postedText(publish);
    expect(text).toContain('New ticket');
    expect(text).toContain('Search docs');
    expect(text).toContain('Talk to an agent');
  });
});
