import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { postChat } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';

describe.each(testProviders())('a retried first web chat message on %s', (provider) => {
  let bot: TestBot;
  let port: number;

  beforeAll(async () => {
    bot = await startTestBot(provider, { http: true, matcher: keywordMatcher(basicRules), modules: [] });
    port = bot.app.port;
  });
  afterAll(() => bot.close());

  it('answers with the conversation the first attempt created, and the chat goes on', async () => {
    const first = await postChat(port, { user: 'rita', text: 'hello', id: 'm-1' });
    expect(first.status).toBe(200);
    const key = first.json<{ conversation: string }>().conversation;

    // The answer was lost on its way back: the client sends the same request again.
    const retry = await postChat(port, { user: 'rita', text: 'hello', id: 'm-1' });
    expect(retry.status).toBe(200);
    expect(retry.json()).toMatchObject({
      conversation: key,
      duplicate: true,
      replies: first.json<{ replies: unknown[] }>().replies,
    });

    const next = await postChat(port, { user: 'rita', text: 'thanks', id: 'm-2', conversation: key });
    expect(next.status).toBe(200);
    expect(next.json<{ conversation: string }>().conversation).toBe(key);

    // One turn per message: neither lost nor stored twice.
    const conversation = await bot.database.prisma.conversation.findFirst({ where: { externalId: key } });
    const inbound = await bot.database.prisma.message.findMany({
      where: { conversationId: conversation!.id, direction: 'in' },
      orderBy: { id: 'asc' },
    });
    expect(inbound.map((m) => m.text)).toEqual(['hello', 'thanks']);
    expect(
      await bot.database.prisma.conversation.count({ where: { externalId: { startsWith: 'web-' } } }),
    ).toBe(1);
  });

  it("gives different users' first messages with the same id different conversations", async () => {
    const a = (await postChat(port, { user: 'sam', text: 'hi', id: 'same-id' })).json<{
      conversation: string;
    }>();
    const b = (await postChat(port, { user: 'tess', text: 'hi', id: 'same-id' })).json<{
      conversation: string;
      duplicate?: boolean;
    }>();
    expect(b.duplicate).toBeUndefined();
    expect(b.conversation).not.toBe(a.conversation);
    expect(
      (await postChat(port, { user: 'tess', text: 'thanks', conversation: a.conversation })).status,
    ).toBe(404);
  });

  it('still starts a fresh conversation for each first message without an id', async () => {
    const a = (await postChat(port, { user: 'uma', text: 'hi' })).json<{ conversation: string }>();
    const b = (await postChat(port, { user: 'uma', text: 'hi' })).json<{ conversation: string }>();
    expect(a.conversation).not.toBe(b.conversation);
  });
});
