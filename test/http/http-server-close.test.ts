import { Agent, get } from 'node:http';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, sendJson } from '../../src/http/http-server.js';

const agents: Agent[] = [];
afterEach(() => {
  for (const agent of agents.splice(0)) agent.destroy();
});

/** A GET on a keep-alive connection, as load balancers and Slack's and Teams' clients keep them. */
function keepAliveGet(
  port: number,
  path: string,
): Promise<{ status: number; connection: string | undefined }> {
  const agent = new Agent({ keepAlive: true });
  agents.push(agent);
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    }).on('error', reject);
  });
}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

describe('HTTP server shutdown', () => {
  it('finishes a request in flight on a keep-alive connection, closes it after the answer, and stops', async () => {
    const server = createHttpServer(pino({ level: 'silent' }));
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    server.route('GET', '/slow', async (_req, res) => {
      await released;
      sendJson(res, 200, { ok: true });
    });
    const port = await server.listen('127.0.0.1', 0);
    const answer = keepAliveGet(port, '/slow');
    await new Promise((r) => setTimeout(r, 100));
    const closed = server.close();
    release();
    expect(await answer).toEqual({ status: 200, connection: 'close' });
    // Without closing the connection once idle, close() waits for the 65 s keep-alive timeout.
    expect(await within(3000, closed)).toBeUndefined();
  });

  it('closes a connection that answered before shutdown and went idle after', async () => {
    const server = createHttpServer(pino({ level: 'silent' }));
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    server.route('GET', '/slow', async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial ');
      await released;
      res.end('done');
    });
    const port = await server.listen('127.0.0.1', 0);
    const answer = keepAliveGet(port, '/slow');
    await new Promise((r) => setTimeout(r, 100));
    const closed = server.close();
    release();
    expect((await answer).status).toBe(200);
    expect(await within(3000, closed)).toBeUndefined();
  });

  it('cuts what is still running after the grace period', async () => {
    const server = createHttpServer(pino({ level: 'silent' }), { closeGraceMs: 300 });
    server.route('GET', '/stuck', () => new Promise<void>(() => {}));
    const port = await server.listen('127.0.0.1', 0);
    const answer = keepAliveGet(port, '/stuck').catch((error: Error) => error);
    await new Promise((r) => setTimeout(r, 100));
    expect(await within(3000, server.close())).toBeUndefined();
    expect(await answer).toBeInstanceOf(Error);
  });
});
