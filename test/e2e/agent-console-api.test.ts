import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../src/skills/handoff/agent-desk.js';
import { type HandoffKit, startHandoffKit } from '../skills/handoff/handoff-kit.js';
import { httpRequest } from '../support/http-client.js';
import { testProviders } from '../support/test-database.js';

const TOKEN = 'console-test-token';
const CHAT_TOKEN = 'chat-test-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const chatAuth = { authorization: `Bearer ${CHAT_TOKEN}` };

/** Reads a Server-Sent Events stream into a list of parsed events. */
async function openEvents(port: number, path: string) {
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: controller.signal });
  const events: Array<{ type: string; data: DeskEvent & Record<string, unknown> }> = [];
  const done = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (type && data) events.push({ type, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    events,
    async next(type: string, match: (e: Record<string, unknown>) => boolean = () => true) {
      const deadline = Date.now() + 5000;
      for (;;) {
        const found = events.find((e) => e.type === type && match(e.data));
        if (found) return found.data;
        if (Date.now() > deadline)
          throw new Error(`no ${type} event; got ${events.map((e) => e.type).join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

describe.each(testProviders())('the agent console API on %s', (provider) => {
  let kit: HandoffKit;
  let port: number;
  beforeAll(async () => {
    kit = await startHandoffKit(provider, {
      http: true,
      env: { WEB_AUTH_TOKEN: CHAT_TOKEN, AGENT_CONSOLE_TOKEN: TOKEN },
    });
    port = kit.bot.app.port;
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const call = (method: string, path: string, body?: unknown) =>
    httpRequest(port, {
      method,
      path,
      headers: {
        ...(path.startsWith('/agent/') ? auth : chatAuth),
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
  const chatAs = (user: string, text: string, conversation?: string) =>
    call('POST', '/api/chat', { user, text, ...(conversation ? { conversation } : {}) });

  it('serves the page and checks the token and that the caller is an agent', async () => {
    const page = await httpRequest(port, { path: '/agent?agent=sam' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Agent console');
    const script = await httpRequest(port, { path: '/agent/static/agent.js' });
    expect(script.headers['content-type']).toMatch(/javascript/);
    // Solution Offered picked from the status menu shows the solution form; it sends the text along.
    expect(page.text).toMatch(
      /<form class="solution"[^>]*hidden>[\s\S]*<textarea class="solution-text"[^>]*required/,
    );
    expect(script.text).toMatch(/body: \{ status: 'solution_offered', solution \}/);
    expect((await httpRequest(port, { path: '/agent/static/../../agent-console.ts' })).status).toBe(404);

    expect((await httpRequest(port, { path: '/agent/api/me?agent=sam' })).status).toBe(401);
    expect((await call('GET', '/agent/api/me')).status).toBe(401);
    expect((await call('GET', '/agent/api/me?agent=alice')).status).toBe(403);
    expect((await call('GET', '/agent/api/me?agent=nobody')).status).toBe(403);
    const me = await call('GET', '/agent/api/me?agent=sam');
    expect(me.json()).toMatchObject({ agent: { name: 'Sam Agent', availability: 'offline', maxChats: 3 } });
    expect((await httpRequest(port, { path: '/agent/api/events?agent=sam' })).status).toBe(401);
  });

  it('streams the queue live; an agent claims, answers and closes, and the web chat shows the answers', async () => {
    const events = await openEvents(port, `/agent/api/events?agent=sam&token=${TOKEN}`);
    expect(events.status).toBe(200);
    await events.next('hello');

    const online = await call('POST', '/agent/api/availability?agent=sam', { availability: 'online' });
    expect(online.json()).toMatchObject({ agent: { availability: 'online' } });
    await events.next('availability');

    const asked = (await chatAs('alice', 'I want to talk to an agent')).json<{ conversation: string }>();
    const queued = await events.next('queued');
    const handoffId = (queued.chat as { handoffId: string }).handoffId;
    const queue = (await call('GET', '/agent/api/queue?agent=riley')).json<{
      chats: Array<{ handoffId: string }>;
    }>();
    expect(queue.chats.map((c) => c.handoffId)).toEqual([handoffId]);

    expect((await call('POST', `/agent/api/chats/${handoffId}/claim?agent=sam`)).json()).toMatchObject({
      ok: true,
    });
    const second = await call('POST', `/agent/api/chats/${handoffId}/claim?agent=riley`);
    expect(second.status).toBe(409);
    expect(second.json()).toEqual({ ok: false, reason: 'taken' });
    await events.next('claimed');

    await chatAs('alice', 'the payout for March is missing', asked.conversation);
    const relayed = await events.next('user-message', (e) =>
      (e.entry as { text: string }).text.includes('March'),
    );
    expect(relayed.entry).toMatchObject({ author: 'user', authorName: 'Alice Brand' });

    const canned = (await call('GET', '/agent/api/canned?agent=sam')).json<{
      replies: Array<{ name: string; text: string }>;
    }>();
    expect(canned.replies.map((r) => r.name)).toContain('greeting');
    expect(
      (
        await call('POST', `/agent/api/chats/${handoffId}/reply?agent=sam`, {
          text: 'Hi {userName}, checking your payout now.',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('POST', `/agent/api/chats/${handoffId}/note?agent=sam`, {
          text: 'March batch was delayed',
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('POST', `/agent/api/chats/${handoffId}/status?agent=sam`, { status: 'nonsense' })).status,
    ).toBe(400);
    expect(
      (await call('POST', `/agent/api/chats/${handoffId}/status?agent=sam`, { status: 'in_progress' }))
        .status,
    ).toBe(200);
    await events.next('agent-message', (e) => (e.entry as { author: string }).author === 'note');

    // Solution Offered needs the solution: without it nothing changes and the answer says why.
    const status = (body: unknown) => call('POST', `/agent/api/chats/${handoffId}/status?agent=sam`, body);
    const unsolved = await status({ status: 'solution_offered', solution: ' ' });
    expect(unsolved.status).toBe(400);
    expect(unsolved.json()).toMatchObject({ message: expect.stringMatching(/needs the solution/) });
    expect((await status({ status: 'solution_offered' })).status).toBe(400);
    expect(kit.tickets.log.statuses.map((s) => s.status)).not.toContain('solution_offered');
    expect(
      (await status({ status: 'solution_offered', solution: 'The March batch pays out Friday.' })).status,
    ).toBe(200);
    expect(kit.tickets.log.statuses.at(-1)).toMatchObject({
      status: 'solution_offered',
      note: 'The March batch pays out Friday.',
    });

    const detail = (await call('GET', `/agent/api/chats/${handoffId}?agent=riley`)).json<{
      transcript: Array<{ author: string; text: string }>;
    }>();
    expect(detail.transcript.map((e) => `${e.author}: ${e.text}`)).toEqual(
      expect.arrayContaining([
        'user: the payout for March is missing',
        'agent: Hi Alice, checking your payout now.',
        'note: March batch was delayed',
      ]),
    );

    await kit.settle();
    const updates = await call('GET', `/api/chat/${asked.conversation}/updates?user=alice&after=0`);
    const shown = updates.json<{
      updates: Array<{ author: string; reply: { text?: string; prompt?: string } }>;
    }>().updates;
    expect(shown.map((u) => `${u.author}: ${u.reply.text ?? u.reply.prompt}`)).toEqual([
      "system: **Sam Agent** has joined the chat. Type **end chat** when you're done.",
      'agent: Hi Alice, checking your payout now.',
    ]);

    const directory = (await call('GET', '/agent/api/directory?agent=sam')).json<{
      teams: Array<{ id: string }>;
    }>();
    expect(directory.teams.map((t) => t.id)).toContain('team_finance');
    expect(
      (await call('POST', `/agent/api/chats/${handoffId}/transfer?agent=sam`, { note: 'x' })).status,
    ).toBe(400);
    expect((await call('POST', `/agent/api/chats/${handoffId}/close?agent=riley`)).status).toBe(409);
    expect((await call('POST', `/agent/api/chats/${handoffId}/close?agent=sam`)).status).toBe(200);
    expect(await events.next('closed')).toMatchObject({ by: 'agent' });
    await events.close();
  });
});
