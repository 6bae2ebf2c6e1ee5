import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { httpRequest, postChat } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';

describe.each(testProviders())('web chat API on %s', (provider) => {
  let bot: TestBot;
  let port: number;

  beforeAll(async () => {
    bot = await startTestBot(provider, { http: true, matcher: keywordMatcher(basicRules), modules: [] });
    port = bot.app.port;
  });
  afterAll(() => bot.close());

  it('answers GET /healthz with 200 once ready, and serves the chat page', async () => {
    expect((await httpRequest(port, { path: '/healthz' })).status).toBe(200);
    const page = await httpRequest(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('/static/chat.js');
    expect((await httpRequest(port, { path: '/static/chat.js' })).status).toBe(200);
    expect((await httpRequest(port, { path: '/static/../../../etc/passwd' })).status).toBe(404);
  });

  it('holds a conversation: greeting, help, an out-of-scope message answered helpfully', async () => {
    const hello = await postChat(port, { user: 'alice', text: 'hello' });
    expect(hello.status).toBe(200);
    const first = hello.json<{
      conversation: string;
      replies: Array<{ type: string; text?: string }>;
      intent: { name: string };
    }>();
    expect(first.intent.name).toBe('smalltalk.greeting');
    expect(first.replies[0]?.text).toMatch(/Alice/);

    const help = (
      await postChat(port, { user: 'alice', text: 'help', conversation: first.conversation })
    ).json<{
      conversation: string;
      replies: Array<{ type: string; title?: string }>;
    }>();
    expect(help.conversation).toBe(first.conversation);
    expect(help.replies[0]?.type).toBe('card');

    const odd = (
      await postChat(port, { user: 'alice', text: 'zxqv blorp', conversation: first.conversation })
    ).json<{
      replies: Array<{ type: string; choices?: Array<{ label: string }> }>;
      intent: unknown;
    }>();
    const choices = odd.replies.find((r) => r.type === 'choices');
    expect(choices?.choices?.map((c) => c.label)).toContain('Talk to a person');
  });

  it('gives newcomers a requester profile in the demo brand account', async () => {
    const r = await postChat(port, { user: 'newcomer-1', text: 'hi' });
    expect(r.status).toBe(200);
    const user = await bot.database.prisma.channelIdentity.findFirst({
      where: { externalId: 'newcomer-1' },
      include: { user: true },
    });
    expect(user?.user).toMatchObject({ role: 'requester', kind: 'brand', accountId: 'acc_demo_brand' });
  });

  it('stores every message of the turn', async () => {
    const r = (await postChat(port, { user: 'bob', text: 'thanks' })).json<{ conversation: string }>();
    const conversation = await bot.database.prisma.conversation.findFirst({
      where: { externalId: r.conversation },
    });
    const messages = await bot.database.prisma.message.findMany({
      where: { conversationId: conversation!.id },
      orderBy: { id: 'asc' },
    });
    expect(messages.map((m) => [m.direction, m.author])).toEqual([
      ['in', 'user'],
      ['out', 'bot'],
    ]);
    expect(messages[0]).toMatchObject({ text: 'thanks', intent: 'smalltalk.thanks' });
  });

  it('refuses bad requests with a clear 4xx and stores nothing', async () => {
    const before = await bot.database.prisma.message.count();
    const cases: Array<[Parameters<typeof httpRequest>[1], number, RegExp]> = [
      [
        {
          method: 'POST',
          path: '/api/chat',
          headers: { 'content-type': 'application/json' },
          body: '{"user":',
        },
        400,
        /not valid JSON/,
      ],
      [
        { method: 'POST', path: '/api/chat', headers: { 'content-type': 'text/plain' }, body: 'hi' },
        415,
        /application\/json/,
      ],
      [
        {
          method: 'POST',
          path: '/api/chat',
          headers: { 'content-type': 'application/json' },
          body: '{"user":"a","text":""}',
        },
        400,
        /non-empty/,
      ],
      [
        {
          method: 'POST',
          path: '/api/chat',
          headers: { 'content-type': 'application/json' },
          body: '{"text":"hi"}',
        },
        400,
        /user/,
      ],
      [
        {
          method: 'POST',
          path: '/api/chat',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'a', text: 'x'.repeat(8001) }),
        },
        400,
        /text/,
      ],
      [
        {
          method: 'POST',
          path: '/api/chat',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'a', text: 'x', conversation: 'web-nope' }),
        },
        404,
        /Unknown conversation/,
      ],
      [
        {
          method: 'POST',
          path: '/api/chat',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        },
        400,
        /UTF-8/,
      ],
      [
        {
          method: 'POST',
          path: '/api/chat',
          headers: { 'content-type': 'application/json' },
          body: 'x'.repeat(4 * 1024 * 1024),
        },
        413,
        /larger than/,
      ],
      [{ method: 'GET', path: '/api/chat' }, 405, /not allowed/],
      [{ method: 'GET', path: '/nope' }, 404, /No such endpoint/],
    ];
    for (const [req, status, message] of cases) {
      const r = await httpRequest(port, req);
      expect(r.status, `${req.method} ${String(req.body).slice(0, 40)}`).toBe(status);
      expect(r.json<{ message: string }>().message).toMatch(message);
    }
    expect(await bot.database.prisma.message.count()).toBe(before);
  });

  it("never lets one user continue another user's conversation", async () => {
    const r = (await postChat(port, { user: 'alice', text: 'hi' })).json<{ conversation: string }>();
    const other = await postChat(port, { user: 'bob', text: 'hi', conversation: r.conversation });
    expect(other.status).toBe(404);
  });

  it('handles a retried message id once', async () => {
    const a = await postChat(port, { user: 'alice', text: 'hello', id: 'msg-1' });
    const b = await postChat(port, {
      user: 'alice',
      text: 'hello',
      id: 'msg-1',
      conversation: a.json<{ conversation: string }>().conversation,
    });
    expect(b.status).toBe(200);
    // Not handled again: answered with the replies its first attempt got.
    expect(b.json()).toMatchObject({ duplicate: true, replies: a.json<{ replies: unknown[] }>().replies });
  });

  it('exposes Prometheus metrics', async () => {
    const r = await httpRequest(port, { path: '/metrics' });
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/helpdesk_messages_total\{channel="web"\} \d+/);
    expect(r.text).toMatch(/helpdesk_turn_duration_seconds_bucket/);
    expect(r.text).toMatch(/helpdesk_intents_total\{intent="smalltalk.greeting"\}/);
  });
});

describe('web chat API with a bearer token', () => {
  it('requires the token when configured', async () => {
    const bot = await startTestBot('sqlite', {
      http: true,
      matcher: keywordMatcher(basicRules),
      modules: [],
      env: { WEB_AUTH_TOKEN: 'tok-123' },
    });
    try {
      expect((await postChat(bot.app.port, { user: 'alice', text: 'hi' })).status).toBe(401);
      expect(
        (await postChat(bot.app.port, { user: 'alice', text: 'hi' }, { authorization: 'Bearer wrong' }))
          .status,
      ).toBe(401);
      expect(
        (await postChat(bot.app.port, { user: 'alice', text: 'hi' }, { authorization: 'Bearer tok-123' }))
          .status,
      ).toBe(200);
    } finally {
      await bot.close();
    }
  });
});
