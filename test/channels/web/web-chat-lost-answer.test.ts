import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { postChat } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';

interface Answer {
  conversation: string;
  replies: Array<{ type: string; text?: string; title?: string }>;
  duplicate?: boolean;
}

// README: a client sends a message again with the same id when its answer did not come back. The
// message is not handled twice, and the retry is answered with what its first attempt answered.
describe.each(testProviders())('a web chat message whose answer was lost, on %s', (provider) => {
  let bot: TestBot;
  let port: number;
  beforeAll(async () => {
    bot = await startTestBot(provider, { http: true, matcher: keywordMatcher(basicRules), modules: [] });
    port = bot.app.port;
  });
  afterAll(() => bot.close());

  it('gets the answer its first attempt got when sent again, and the turn is stored once', async () => {
    const opened = (await postChat(port, { user: 'lena', text: 'hello', id: 'l-1' })).json<Answer>();
    const help = { user: 'lena', text: 'help', conversation: opened.conversation, id: 'l-2' };
    const first = (await postChat(port, help)).json<Answer>();
    expect(first.replies[0]?.type).toBe('card');

    // ...the answer never reached the browser: it sends the message again.
    const again = (await postChat(port, help)).json<Answer>();
    expect(again).toMatchObject({ conversation: opened.conversation, duplicate: true });
    expect(again.replies).toEqual(first.replies);

    // The same words said again later are a new message, and a retry of the older one still gets its own answer.
    const thanks = { user: 'lena', text: 'thanks', conversation: opened.conversation, id: 'l-3' };
    const thanked = (await postChat(port, thanks)).json<Answer>();
    expect((await postChat(port, thanks)).json<Answer>().replies).toEqual(thanked.replies);
    expect((await postChat(port, help)).json<Answer>().replies).toEqual(first.replies);

    const inbound = await bot.database.prisma.message.findMany({
      where: { conversation: { externalId: opened.conversation }, direction: 'in' },
      orderBy: { id: 'asc' },
    });
    expect(inbound.map((m) => m.text)).toEqual(['hello', 'help', 'thanks']);
  });

  it('gets the answer to a first message sent again, in the conversation it started', async () => {
    const hello = { user: 'milo', text: 'hello', id: 'm-1' };
    const first = (await postChat(port, hello)).json<Answer>();
    const again = (await postChat(port, hello)).json<Answer>();
    expect(again).toMatchObject({
      conversation: first.conversation,
      duplicate: true,
      replies: first.replies,
    });
    expect(first.replies[0]?.text).toMatch(/milo/i);
  });
});
