import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandoffKit, startHandoffKit } from '../../skills/handoff/handoff-kit.js';
import { httpRequest } from '../../support/http-client.js';

const CHAT_TOKEN = 'chat-token-1';
const CONSOLE_TOKEN = 'console-token-1';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the agent console has its own token, apart from the web chat token', () => {
  let kit: HandoffKit;
  let port: number;
  beforeAll(async () => {
    kit = await startHandoffKit('sqlite', {
      http: true,
      env: { WEB_AUTH_TOKEN: CHAT_TOKEN, AGENT_CONSOLE_TOKEN: CONSOLE_TOKEN },
    });
    port = kit.bot.app.port;
  });
  afterAll(() => kit.close());

  it('gives no console access with the web chat token', async () => {
    const me = await httpRequest(port, { path: '/agent/api/me?agent=sam', headers: bearer(CHAT_TOKEN) });
    expect(me.status).toBe(401);
    expect(me.json()).toMatchObject({ message: 'A valid agent console token is required' });
    const events = await httpRequest(port, { path: `/agent/api/events?agent=sam&token=${CHAT_TOKEN}` });
    expect(events.status).toBe(401);
    const claim = await httpRequest(port, {
      method: 'POST',
      path: '/agent/api/chats/x/claim?agent=sam',
      headers: { ...bearer(CHAT_TOKEN), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(claim.status).toBe(401);
  });

  it('serves the console with its token, and the web chat only with the chat token', async () => {
    const me = await httpRequest(port, { path: '/agent/api/me?agent=sam', headers: bearer(CONSOLE_TOKEN) });
    expect(me.status).toBe(200);
    const chat = (token: string) =>
      httpRequest(port, {
        method: 'POST',
        path: '/api/chat',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'alice', text: 'hello' }),
      });
    expect((await chat(CONSOLE_TOKEN)).status).toBe(401);
    expect((await chat(CHAT_TOKEN)).status).toBe(200);
  });
});

describe('the agent console on an address other machines can reach, without its token', () => {
  let kit: HandoffKit;
  let port: number;
  beforeAll(async () => {
    kit = await startHandoffKit('sqlite', {
      http: true,
      env: { HOST: '0.0.0.0', WEB_AUTH_TOKEN: CHAT_TOKEN },
    });
    port = kit.bot.app.port;
  });
  afterAll(() => kit.close());

  it('refuses every console call with a clear message; the web chat still works', async () => {
    for (const headers of [{}, bearer(CHAT_TOKEN)]) {
      const me = await httpRequest(port, { path: '/agent/api/me?agent=sam', headers });
      expect(me.status).toBe(403);
      expect(me.json()).toMatchObject({ message: expect.stringContaining('AGENT_CONSOLE_TOKEN') });
    }
    expect((await httpRequest(port, { path: '/agent/api/events?agent=sam' })).status).toBe(403);
    const chat = await httpRequest(port, {
      method: 'POST',
      path: '/api/chat',
      headers: { ...bearer(CHAT_TOKEN), 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'alice', text: 'hello' }),
    });
    expect(chat.status).toBe(200);
  });
});
