import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { toBotResponse } from '../../../src/channels/teams/node-http-bridge.js';

/** What a client receives when CloudAdapter writes `status` and `body` to the bridge. */
async function answerOf(status: number, body?: unknown): Promise<{ status: number; text: string }> {
  const server = createServer((_req, res) => {
    const response = toBotResponse(res);
    response.status(status);
    if (body !== undefined) response.send(body);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, method: 'POST' }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      })
        .on('error', reject)
        .end();
    });
  } finally {
    server.close();
  }
}

describe('Teams response bridge', () => {
  it("never sends an error's own message: CloudAdapter writes it as the 500 body", async () => {
    const answer = await answerOf(500, 'getaddrinfo ENOTFOUND api.botframework.com');
    expect(answer.status).toBe(500);
    expect(answer.text).not.toMatch(/ENOTFOUND|botframework/);
    expect(JSON.parse(answer.text)).toEqual({
      error: 'internal',
      message: 'Something went wrong on our side. Please try again.',
    });
    const unauthorized = await answerOf(
      401,
      'Unauthorized Access. Request is not authorized: token from tenant x',
    );
    expect(unauthorized.text).not.toMatch(/tenant x/);
  });

  it('passes invoke responses through', async () => {
    const answer = await answerOf(200, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
    expect(JSON.parse(answer.text)).toMatchObject({ statusCode: 200 });
  });
});
