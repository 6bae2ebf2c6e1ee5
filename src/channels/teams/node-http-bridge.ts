import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import { BotError } from '../../core/errors.js';
import { readJson } from '../../http/http-server.js';

/** Activities are small; files travel as links, never inline. */
const ACTIVITY_BODY_LIMIT = 1024 * 1024;

/**
 * Reads a Bot Framework request from node's request: CloudAdapter.process wants
 * the body already parsed (it was written for Express/Restify middleware).
 */
export async function toBotRequest(req: IncomingMessage): Promise<BotRequest> {
  const body = await readJson(req, ACTIVITY_BODY_LIMIT);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BotError('bad_request', 'The request body must be a Bot Framework activity (a JSON object)');
  }
  return { body: body as Record<string, unknown>, headers: req.headers, method: req.method };
}

/**
 * The Express-like response CloudAdapter writes to (status, send, end), on top of
 * node's response. Objects are sent as JSON (invoke responses), text as text.
 */
export function toBotResponse(res: ServerResponse): BotResponse {
  let status = 200;
  let body: unknown;
  const headers: Record<string, string> = {};
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    send(value: unknown) {
      body = value;
    },
    end() {
      if (res.headersSent) return;
      if (body === undefined || body === null) {
        res.writeHead(status, { ...headers, 'content-length': 0 });
        res.end();
        return;
      }
      const isText = typeof body === 'string';
      const text = isText ? (body as string) : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        ...headers,
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    },
  };
}
