import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../src/app-modules.js';
import { type Chat, startTestBot, type TestBot } from '../support/conversation.js';
import { httpRequest } from '../support/http-client.js';
import { testProviders } from '../support/test-database.js';

const TOKEN = 'console-test-token';

/** The whole bot with its HTTP server: the agent console on the real ticket module. */
describe.each(testProviders())('a solution submitted twice from the agent console on %s', (provider) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(provider, {
      modules: appModules,
      http: true,
      env: { AGENT_CONSOLE_TOKEN: TOKEN },
    });
  }, 120_000);
  afterAll(() => bot.close());

  const call = (path: string, body: unknown) =>
    httpRequest(bot.app.port, {
      method: 'POST',
      path,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  /** What the requester's chat shows from others (agent, help desk), once the outbox has delivered it. */
  async function shownTo(chat: Chat): Promise<string[]> {
    const db = bot.app.services.db;
    const deadline = Date.now() + 10_000;
    while ((await db.outboundMessage.count({ where: { status: 'pending' } })) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const conversation = await db.conversation.findFirstOrThrow({
      where: { externalId: chat.conversationKey },
    });
    const rows = await db.message.findMany({
      where: { conversationId: conversation.id, author: { in: ['agent', 'system'] } },
      orderBy: { id: 'asc' },
    });
    return rows.map((r) => r.payload ?? '');
  }

  it('reaches the requester once, is on the ticket once, and the second answer says it was offered already', async () => {
    const desk = bot.app.services.shared.agentDesk!;
    await desk.setAvailability((await bot.app.services.users.byId('usr_sam'))!, 'online');
    const alice = bot.chat('alice');
    await alice.say('can I talk to a human please');
    const [chat] = await desk.queue();
    const handoffId = chat!.handoffId;
    expect((await call(`/agent/api/chats/${handoffId}/claim?agent=sam`, {})).status).toBe(200);

    const solution = 'The March batch pays out on Friday.';
    const status = { status: 'solution_offered', solution };
    const first = await call(`/agent/api/chats/${handoffId}/status?agent=sam`, status);
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({ ok: true });
    // The same form sent again (a double click, a retried request): fine, but nothing goes out twice.
    const again = await call(`/agent/api/chats/${handoffId}/status?agent=sam`, {
      ...status,
      solution: ` ${solution}\n`,
    });
    expect(again.status).toBe(200);
    expect(again.json()).toEqual({
      ok: true,
      notice: "That solution was already offered on this ticket, so the user didn't get it again.",
    });

    expect((await shownTo(alice)).filter((shown) => shown.includes(solution))).toHaveLength(1);
    const onTicket = await bot.app.services.db.ticketComment.findMany({
      where: { ticketId: chat!.ticketId, internal: false },
    });
    expect(onTicket.map((c) => c.body)).toEqual([solution]);
  });
});
