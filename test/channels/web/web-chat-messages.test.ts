import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { httpRequest, postChat } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';

interface Shown {
  conversation: string;
  messages: Array<{ id: number; author: string; reply: { type: string; text?: string } }>;
}

// The chat page shows its conversation again after a reload from GET /api/chat/:conversation/messages.
describe.each(testProviders())('a web conversation read back, on %s', (provider) => {
  let bot: TestBot;
  let port: number;
  beforeAll(async () => {
    bot = await startTestBot(provider, { http: true, matcher: keywordMatcher(basicRules), modules: [] });
    port = bot.app.port;
  });
  afterAll(() => bot.close());

  it('gives its owner what was said both ways, oldest first, after a message id; to anyone else it is unknown', async () => {
    const hello = (await postChat(port, { user: 'nina', text: 'hello' })).json<{ conversation: string }>();
    const key = hello.conversation;
    await postChat(port, { user: 'nina', text: 'help', conversation: key });

    const read = await httpRequest(port, { path: `/api/chat/${key}/messages?user=nina` });
    expect(read.status).toBe(200);
    const shown = read.json<Shown>();
    expect(shown.messages.map((m) => [m.author, m.reply.type])).toEqual([
      ['user', 'text'],
      ['bot', 'text'],
      ['user', 'text'],
      ['bot', 'card'],
    ]);
    expect(shown.messages[0]?.reply.text).toBe('hello');
    expect(shown.messages[1]?.reply.text).toMatch(/nina/i);

    const after = shown.messages[1]!.id;
    const later = (
      await httpRequest(port, { path: `/api/chat/${key}/messages?user=nina&after=${after}` })
    ).json<Shown>();
    expect(later.messages.map((m) => m.reply.text ?? m.reply.type)).toEqual(['help', 'card']);

    expect((await httpRequest(port, { path: `/api/chat/${key}/messages?user=omar` })).status).toBe(404);
    expect((await httpRequest(port, { path: '/api/chat/web-nope/messages?user=nina' })).status).toBe(404);
    expect((await httpRequest(port, { path: `/api/chat/${key}/messages?user=nina&after=-1` })).status).toBe(
      400,
    );
  });

  it("gives the page its own sentences and the API's limits", async () => {
    const setup = await httpRequest(port, { path: '/api/chat/page-setup' });
    expect(setup.status).toBe(200);
    const body = setup.json<{ texts: Record<string, string>; limits: Record<string, number> }>();
    expect(body.texts.typing).toMatch(/answering/);
    expect(body.texts['not_sent.retrying']).toContain('{seconds}');
    expect(body.limits).toEqual({
      maxTextChars: 8000,
      maxAttachments: 5,
      maxFileBytes: 1_500_000,
      maxTotalFileBytes: expect.any(Number),
    });
    // What the page may send at most fits in the API's 3 MB body, with a text of the longest.
    expect(Math.ceil(body.limits.maxTotalFileBytes! / 3) * 4 + 8000 * 6).toBeLessThan(3 * 1024 * 1024);
  });
});

describe('a web conversation read back with WEB_AUTH_TOKEN', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot('sqlite', {
      http: true,
      matcher: keywordMatcher(basicRules),
      modules: [],
      env: { WEB_AUTH_TOKEN: 'secret-token' },
    });
  });
  afterAll(() => bot.close());

  it('needs the token for the messages; the page setup (sentences and limits) is public', async () => {
    const port = bot.app.port;
    const auth = { authorization: 'Bearer secret-token' };
    const key = (await postChat(port, { user: 'pia', text: 'hello' }, auth)).json<{ conversation: string }>()
      .conversation;
    expect((await httpRequest(port, { path: `/api/chat/${key}/messages?user=pia` })).status).toBe(401);
    const read = await httpRequest(port, { path: `/api/chat/${key}/messages?user=pia`, headers: auth });
    expect(read.status).toBe(200);
    expect((await httpRequest(port, { path: '/api/chat/page-setup' })).status).toBe(200);
  });
});
