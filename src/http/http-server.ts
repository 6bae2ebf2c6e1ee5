import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { BotError, isDatabaseUnavailable } from '../core/errors.js';

export type RouteParams = Readonly<Record<string, string>>;
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: RouteParams,
) => Promise<void> | void;

interface Route {
  readonly method: string;
  readonly parts: readonly string[];
  readonly handler: RouteHandler;
}

/** The bot's one HTTP server: web chat, agent console, Slack, Teams, health and metrics share it. */
export interface HttpServer {
  route(method: string, path: string, handler: RouteHandler): void;
  listen(host: string, port: number): Promise<number>;
  close(): Promise<void>;
  readonly server: Server;
}

export interface HttpServerOptions {
  /** How long close() lets requests in flight finish before it cuts their connections. */
  readonly closeGraceMs?: number;
}

export function createHttpServer(logger: Logger, options: HttpServerOptions = {}): HttpServer {
  const routes: Route[] = [];
  const closeGraceMs = options.closeGraceMs ?? 10_000;
  const open = new Set<ServerResponse>();
  let closing = false;
  const server = createServer((req, res) => {
    open.add(res);
    res.once('close', () => open.delete(res));
    if (closing) res.setHeader('connection', 'close');
    void dispatch(req, res).catch((error: unknown) => {
      const unavailable = !(error instanceof BotError) && isDatabaseUnavailable(error);
      const status = error instanceof BotError ? error.status : unavailable ? 503 : 500;
      if (status >= 500) logger.error({ err: error, url: req.url }, 'http request failed');
      if (!res.headersSent) {
        sendJson(res, status, {
          error: error instanceof BotError ? error.code : unavailable ? 'database_unavailable' : 'internal',
          message: error instanceof BotError && status < 500 ? error.message : publicErrorMessage(status),
        });
      } else {
        res.end();
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = safePath(req.url);
    const parts = path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of routes) {
      const params = matchParts(route.parts, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== req.method && !(route.method === 'GET' && req.method === 'HEAD')) continue;
      await route.handler(req, res, params);
      return;
    }
    if (pathMatched)
      throw new BotError('bad_request', `Method ${req.method} not allowed here`, { status: 405 });
    throw new BotError('not_found', `No such endpoint: ${path}`);
  }

  return {
    server,
    route(method, path, handler) {
      routes.push({ method, parts: path.split('/').filter(Boolean), handler });
    },
    listen(host, port) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      // A keep-alive connection with a request in flight would stay open until its
      // keep-alive timeout (65 s): its answer says `Connection: close`, connections are
      // closed as soon as they are idle, and whatever is still open after the grace is cut.
      closing = true;
      for (const res of open) {
        if (!res.headersSent) res.setHeader('connection', 'close');
        res.once('finish', () => setImmediate(() => server.closeIdleConnections()));
      }
      return new Promise((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), closeGraceMs);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

function safePath(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    throw new BotError('bad_request', 'Malformed URL');
  }
}

function matchParts(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  const last = pattern[pattern.length - 1];
  const wildcard = last === '*';
  if (wildcard ? parts.length < pattern.length - 1 : parts.length !== pattern.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p === '*') {
      params['*'] = parts.slice(i).join('/');
      return params;
    }
    const part = parts[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = part;
    else if (p !== part) return null;
  }
  return params;
}

/** What a client is told about a server-side failure: never the error's own message. */
export function publicErrorMessage(status: number): string {
  return status === 503
    ? 'The help desk is temporarily unavailable. Please try again in a minute.'
    : 'Something went wrong on our side. Please try again.';
}

/** Sends a JSON body with the right headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Reads a request body up to `limit` bytes; a larger one is refused with 413 before it is all read. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw new BotError('payload_too_large', `The request body is larger than ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new BotError('payload_too_large', `The request body is larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON body; invalid UTF-8 or JSON is a 400 with a clear message. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    throw new BotError('bad_request', 'Send JSON with Content-Type: application/json', { status: 415 });
  }
  const body = await readBody(req, limit);
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw new BotError('bad_request', 'The request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BotError('bad_request', 'The request body is not valid JSON');
  }
}
