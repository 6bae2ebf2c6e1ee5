import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../../src/app-modules.js';
import type { Reply } from '../../../src/core/reply.js';
import type { AgentDesk } from '../../../src/skills/handoff/agent-desk.js';
import { type Chat, startTestBot, type TestBot } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { webChannelModule } from './handoff-kit.js';

/** The whole bot as shipped: every module, the real intent engine and ticket module. */
describe.each(testProviders())('live chat in the whole bot on %s', (provider) => {
  let bot: TestBot;
  let desk: AgentDesk;
  beforeAll(async () => {
    // The web chat delivers proactive messages through the transcript; no HTTP server here.
    bot = await startTestBot(provider, { modules: [...appModules, webChannelModule] });
    desk = bot.app.services.shared.agentDesk!;
  }, 120_000);
  afterAll(() => bot.close());

  /** Proactive messages of the chat's conversation, once the outbox has delivered them. */
  async function received(chat: Chat, after: number): Promise<{ text: string; last: number }> {
    const db = bot.app.services.db;
    const deadline = Date.now() + 10_000;
    while ((await db.outboundMessage.count({ where: { status: 'pending' } })) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const conversation = await db.conversation.findFirstOrThrow({
      where: { externalId: chat.conversationKey },
    });
    const rows = await db.message.findMany({
      where: { conversationId: conversation.id, author: { in: ['agent', 'system'] }, id: { gt: after } },
      orderBy: { id: 'asc' },
    });
    chat.replies = rows.map((r) => JSON.parse(r.payload!) as Reply);
    return { text: chat.text(), last: rows.at(-1)?.id ?? after };
  }

  it('files the ticket with the ticket module, queues, relays both ways and hands back to the bot', async () => {
    const sam = (await bot.app.services.users.byId('usr_sam'))!;
    await desk.setAvailability(sam, 'online');
    const nora = bot.chat('nora');
    await nora.say('can I talk to a human please');
    expect(nora.intent()).toBe('agent.handoff');
    expect(nora.text()).toMatch(/number 1\*\* in line/);

    const [chat] = await desk.queue();
    expect(chat!.ticketNumber).toMatch(/^#\d{4,}$/);
    const tickets = bot.app.services.shared.tickets!;
    const ticket = await tickets.get(sam, chat!.ticketId);
    expect(ticket).toMatchObject({ creatorId: 'usr_nora', status: 'open' });

    expect((await desk.claim(sam, chat!.handoffId)).ok).toBe(true);
    expect((await tickets.get(sam, chat!.ticketId))?.assigneeId).toBe('usr_sam');
    let seen = await received(nora, 0);
    expect(seen.text).toMatch(/Sam Agent\*\* has joined/);

    await nora.say('our conversions stopped showing since Monday');
    expect(nora.replies).toEqual([]);
    const transcript = await desk.transcript(chat!.handoffId);
    expect(transcript.at(-1)).toMatchObject({
      author: 'user',
      text: 'our conversions stopped showing since Monday',
    });

    await desk.reply(sam, chat!.handoffId, 'Thanks {userName}, looking at {ticketNumber}.');
    seen = await received(nora, seen.last);
    expect(seen.text).toContain(`Thanks Nora, looking at ${chat!.ticketNumber}.`);

    await desk.close(sam, chat!.handoffId);
    seen = await received(nora, seen.last);
    expect(seen.text).toMatch(/has closed the chat/);
    await nora.click('3');
    expect(nora.text()).toMatch(/Thanks for rating/);
    await nora.click('Skip');
    await nora.say('hello');
    expect(nora.intent()).toBe('smalltalk.greeting');
  });

  it('offers a solution from the desk only with its text, which the requester reads on the ticket', async () => {
    const sam = (await bot.app.services.users.byId('usr_sam'))!;
    await desk.setAvailability(sam, 'online');
    const alice = bot.chat('alice');
    await alice.say('can I talk to a human please');
    const [chat] = await desk.queue();
    expect((await desk.claim(sam, chat!.handoffId)).ok).toBe(true);
    let seen = await received(alice, 0);
    const tickets = bot.app.services.shared.tickets!;
    const db = bot.app.services.db;

    // Without the solution nothing changes, and the agent is told why.
    for (const solution of [undefined, '   ']) {
      await expect(
        desk.setTicketStatus(sam, chat!.handoffId, 'solution_offered', solution),
      ).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/needs the solution/) });
    }
    expect((await tickets.get(sam, chat!.ticketId))?.status).toBe('in_progress');

    // With it, the status changes and the solution is a public reply Alice is told about.
    await desk.setTicketStatus(sam, chat!.handoffId, 'solution_offered', '  Clear the pixel cache.  ');
    expect((await tickets.get(sam, chat!.ticketId))?.status).toBe('solution_offered');
    const replies = await db.ticketComment.findMany({ where: { ticketId: chat!.ticketId, internal: false } });
    expect(replies.map((c) => c.body)).toContain('Clear the pixel cache.');
    seen = await received(alice, seen.last);
    expect(seen.text).toMatch(/Solution Offered[\s\S]*Sam Agent\*\* wrote: Clear the pixel cache\./);

    // Another solution while one is offered is one more reply for the requester.
    await desk.setTicketStatus(sam, chat!.handoffId, 'solution_offered', 'Or re-add the domain.');
    const after = await db.ticketComment.findMany({ where: { ticketId: chat!.ticketId, internal: false } });
    expect(after.map((c) => c.body)).toContain('Or re-add the domain.');
    seen = await received(alice, seen.last);
    expect(seen.text).toContain('Or re-add the domain.');
    await desk.close(sam, chat!.handoffId);
  });
});
