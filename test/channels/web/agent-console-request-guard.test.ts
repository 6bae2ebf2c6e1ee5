import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HandoffKit, startHandoffKit } from '../../skills/handoff/handoff-kit.js';
import { httpRequest } from '../../support/http-client.js';

/**
 * Without a token (the loopback default) the agent console is protected by what a browser
 * reveals: the host name it used (DNS rebinding), the page that sent a request (cross-site
 * forms) and the body type (a page on another site cannot send JSON without CORS).
 */
describe('the agent console API refuses requests a page on another site could make', () => {
  let kit: HandoffKit;
  let port: number;
  let self: string;
  beforeAll(async () => {
    kit = await startHandoffKit('sqlite', { http: true, env: { ALLOWED_HOSTS: 'Help.Example.com' } });
    port = kit.bot.app.port;
    self = `127.0.0.1:${port}`;
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    httpRequest(port, {
      method,
      path,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function queuedChat(): Promise<string> {
    await json('POST', '/agent/api/availability?agent=sam', { availability: 'online' });
    await json('POST', '/api/chat', { user: 'alice', text: 'I want to talk to an agent' });
    await kit.settle();
    const queue = (await httpRequest(port, { path: '/agent/api/queue?agent=sam' })).json<{
      chats: Array<{ handoffId: string }>;
    }>();
    return queue.chats.at(-1)!.handoffId;
  }

  it('answers only to its own host names: loopback, IP addresses, HOST and ALLOWED_HOSTS', async () => {
    for (const host of ['attacker.example', `attacker.example:${port}`, 'localhost.attacker.example']) {
      for (const path of [
        '/agent/api/queue?agent=sam',
        '/agent/api/events?agent=sam',
        '/agent/api/me?agent=sam',
      ]) {
        const answer = await httpRequest(port, { path, headers: { host } });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.json()).toMatchObject({
          error: 'unauthorized',
          message: expect.stringContaining('ALLOWED_HOSTS'),
        });
      }
    }
    for (const host of [
      self,
      `localhost:${port}`,
      `[::1]:${port}`,
      `192.168.1.20:${port}`,
      'help.example.com',
    ]) {
      expect(
        (await httpRequest(port, { path: '/agent/api/me?agent=sam', headers: { host } })).status,
        host,
      ).toBe(200);
    }
    // The web chat API without a token: the same rule for host names.
    const rebound = await json(
      'POST',
      '/api/chat',
      { user: 'alice', text: 'hi' },
      { host: 'attacker.example' },
    );
    expect(rebound.status).toBe(403);
    expect(
      (
        await httpRequest(port, {
          path: '/api/chat/x/updates?user=alice',
          headers: { host: 'attacker.example' },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a cross-site claim or close, and any POST that is not JSON', async () => {
    const handoffId = await queuedChat();
    const claim = `/agent/api/chats/${handoffId}/claim?agent=sam`;
    const formClaim = await httpRequest(port, {
      method: 'POST',
      path: claim,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://attacker.example' },
      body: 'x=1',
    });
    expect(formClaim.status).toBe(403);
    expect(formClaim.json()).toMatchObject({
      message: 'Requests from https://attacker.example are not accepted here',
    });
    expect((await json('POST', claim, {}, { origin: 'https://attacker.example' })).status).toBe(403);
    expect((await json('POST', claim, {}, { origin: 'null' })).status).toBe(403);
    expect((await json('POST', claim, {}, { origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    const plain = await httpRequest(port, {
      method: 'POST',
      path: claim,
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(plain.status).toBe(415);
    expect(plain.json()).toMatchObject({ message: 'Send JSON with Content-Type: application/json' });
    expect((await httpRequest(port, { method: 'POST', path: claim })).status).toBe(415);
    expect(await kit.desk.chat(handoffId)).toMatchObject({ status: 'pending' });

    expect((await json('POST', claim, {}, { origin: `http://${self}` })).status).toBe(200);
    const close = `/agent/api/chats/${handoffId}/close?agent=sam`;
    const formClose = await httpRequest(port, {
      method: 'POST',
      path: close,
      headers: { 'content-type': 'text/plain', origin: 'https://attacker.example' },
      body: 'x',
    });
    expect(formClose.status).toBe(403);
    expect(
      (
        await httpRequest(port, {
          method: 'POST',
          path: close,
          headers: { 'content-type': 'text/plain' },
          body: 'x',
        })
      ).status,
    ).toBe(415);
    expect(await kit.desk.chat(handoffId)).toMatchObject({ status: 'assigned' });
    // A page on the proxy's public name, reaching the bot under another Host.
    expect((await json('POST', close, {}, { origin: 'https://help.example.com' })).status).toBe(200);
  });
});
