import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import { BotError } from '../../core/errors.js';
import { publicErrorMessage, readJson } from '../../http/http-server.js';

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
  const problem = activityProblem(body as Record<string, unknown>);
  if (problem) throw new BotError('bad_request', `Not a Bot Framework activity: ${problem}`);
  return { body: body as Record<string, unknown>, headers: req.headers, method: req.method };
}

/** What makes a body unusable as an activity (every activity the bot answers has these), or null. */
function activityProblem(activity: Record<string, unknown>): string | null {
  if (typeof activity.type !== 'string' || activity.type === '') return '`type` must be a non-empty string';
  if (typeof activity.serviceUrl !== 'string') return '`serviceUrl` must be a string';
  const conversation = activity.conversation as { id?: unknown } | null | undefined;
  if (typeof conversation !== 'object' || conversation === null || typeof conversation.id !== 'string') {
    return '`conversation.id` must be a string';
  }
  return null;
}

/**
 * The Express-like response CloudAdapter writes to (status, send, end), on top of
 * node's response. Objects are sent as JSON (invoke responses), text as text.
 * CloudAdapter answers a failed turn with the error's own text (a host name, a
 * stack detail): an error status gets the server's public answer instead.
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
      if (status >= 400 && typeof body === 'string') body = publicError(status);
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

function publicError(status: number): { error: string; message: string } {
  if (status === 401 || status === 403) return { error: 'unauthorized', message: 'Unauthorized' };
  if (status < 500) return { error: 'bad_request', message: 'The request was not accepted' };
  return { error: 'internal', message: publicErrorMessage(status) };
}
