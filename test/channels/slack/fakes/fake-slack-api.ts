import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call (or response_url post) the fake received. */
export interface RecordedCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly token: string | null;
  readonly status: number;
  /** What the fake answered (ts of a posted message, view id...). */
  readonly result: Record<string, unknown> | null;
  /** When it arrived (ms since the epoch). */
  readonly at: number;
}

export interface FakeUser {
  readonly name: string;
  readonly realName: string;
  readonly email?: string;
}

export interface FakeMessage {
  readonly ts: string;
  readonly user: string;
  readonly text: string;
  readonly thread_ts?: string;
  readonly files?: readonly Record<string, unknown>[];
}

/** A failure to answer instead of the normal response. */
export interface FakeFailure {
  readonly status: number;
  readonly retryAfter?: number;
  /** Answer 200 with `{ ok: false, error }` instead (a platform error). */
  readonly error?: string;
}

export const FAKE_TEAM = 'T0HELPDESK';
export const FAKE_BOT_USER = 'U0HDBOT';
export const FAKE_BOT_ID = 'B0HDBOT';

/**
 * A local Slack Web API: records every call, answers `ok: true` with the shapes
 * Slack answers (ts, channel, view ids...), and can answer 429 + Retry-After, 5xx
 * or platform errors on demand. Response URLs (`respond()`) are served too.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, FakeUser>();
  /** conversations.history / replies content, by channel. */
  readonly history = new Map<string, FakeMessage[]>();
  /** Socket Mode: the WebSocket URL apps.connections.open returns. */
  socketUrl = '';
  /** Every call answers 503 while true (a Slack outage). */
  outage = false;
  /** Called with every call as it arrives (benchmarks measure reply times with it). */
  onCall: ((call: RecordedCall) => void) | null = null;
  /** Keep calls in `calls` (off for long benchmark runs). */
  keepCalls = true;
  /** Milliseconds a method takes before it is recorded and answered (a slow Slack). */
  readonly delays = new Map<string, number>();
  /**
   * Called with each call as it arrives: a promise holds the call (not recorded, not answered)
   * until it settles, as a call Slack is slow to answer; null lets it through.
   */
  hold: ((method: string, args: Record<string, unknown>) => Promise<void> | null) | null = null;
  private readonly failures: Array<{
    method: string;
    failure: FakeFailure;
    when: (args: Record<string, unknown>) => boolean;
  }> = [];
  private readonly waiters = new Set<() => void>();
  private server: Server | null = null;
  private port = 0;
  private seq = 0;
  private readonly clockBase = Math.floor(Date.now() / 1000);

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Like Slack's edge, connections stay open between calls. (fetch keeps a connection only
    // when the server's keep-alive hint exceeds its own 2 s margin: at 1 s every call reconnects.)
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** The base URL for SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url Slack would put in a command or interaction payload. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next call to `method` (matching `when`, if given) fails this way (calls queue up). */
  failNext(
    method: string,
    failure: FakeFailure,
    when: (args: Record<string, unknown>) => boolean = () => true,
  ): void {
    this.failures.push({ method, failure, when });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Waits for a successful call to `method` matching `predicate` (earlier calls count). */
  async waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.callsTo(method).find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.calls.map((c) => `${c.method}(${c.status})`).join(', ');
        throw new Error(`no ${method} call matched within ${timeoutMs} ms; calls: ${seen || 'none'}`);
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 200));
        this.waiters.add(done);
      });
    }
  }

  /** Resolves once no call arrived for `quietMs` (the bot finished what it was doing). */
  async settle(quietMs = 150, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let count = -1;
    while (count !== this.calls.length && Date.now() < deadline) {
      count = this.calls.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  private nextTs(): string {
    this.seq += 1;
    return `${this.clockBase}.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const isResponseUrl = url.pathname.startsWith('/response/');
    const method = isResponseUrl ? 'response_url' : url.pathname.replace(/^\/api\//, '');
    const args = parseBody(raw, String(req.headers['content-type'] ?? ''));
    if (isResponseUrl) args.response_id = url.pathname.slice('/response/'.length);
    const token = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || null;
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const held = this.hold?.(method, args);
    if (held) await held;

    const failure = this.outage ? { status: 503 } : this.takeFailure(method, args);
    const status = failure && !failure.error ? failure.status : 200;
    const result = failure
      ? failure.error
        ? { ok: false, error: failure.error }
        : null
      : isResponseUrl
        ? { ok: true }
        : this.answer(method, args);
    const call: RecordedCall = {
      method,
      args,
      token,
      status: failure?.error ? 400 : status,
      result,
      at: Date.now(),
    };
    if (this.keepCalls) this.calls.push(call);
    this.onCall?.(call);
    for (const wake of [...this.waiters]) wake();

    if (failure?.error) return send(res, 200, result);
    if (failure) {
      res.writeHead(failure.status, {
        'content-type': 'application/json',
        ...(failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}),
      });
      res.end(
        JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'service_unavailable' }),
      );
      return;
    }
    if (isResponseUrl) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    send(res, 200, result);
  }

  private takeFailure(method: string, args: Record<string, unknown>): FakeFailure | undefined {
    const i = this.failures.findIndex((f) => f.method === method && f.when(args));
    if (i < 0) return undefined;
    return this.failures.splice(i, 1)[0]?.failure;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://acme-support.slack.com/',
          team: 'Acme Support',
          user: 'helpdesk',
          team_id: FAKE_TEAM,
          user_id: FAKE_BOT_USER,
          bot_id: FAKE_BOT_ID,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: {
            type: 'message',
            subtype: 'bot_message',
            text: args.text,
            user: FAKE_BOT_USER,
            bot_id: FAKE_BOT_ID,
            ts,
            ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
            ...(args.blocks ? { blocks: args.blocks } : {}),
          },
        };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish': {
        const view = (args.view ?? {}) as Record<string, unknown>;
        return {
          ok: true,
          view: {
            id: `V${String(++this.seq).padStart(8, '0')}`,
            team_id: FAKE_TEAM,
            hash: `${this.clockBase}.abc`,
            ...view,
          },
        };
      }
      case 'users.info': {
        const id = String(args.user ?? '');
        const user = this.users.get(id);
        return {
          ok: true,
          user: {
            id,
            team_id: FAKE_TEAM,
            name: user?.name ?? id.toLowerCase(),
            real_name: user?.realName ?? id,
            deleted: false,
            is_bot: false,
            tz: 'America/New_York',
            profile: {
              real_name: user?.realName ?? id,
              display_name: user?.realName ?? '',
              ...(user?.email ? { email: user.email } : {}),
            },
          },
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users ?? '').replace(/^U/, '')}` } };
      case 'conversations.history': {
        const messages = (this.history.get(String(args.channel)) ?? []).filter(
          (m) => !m.thread_ts || m.thread_ts === m.ts,
        );
        const latest = String(args.latest ?? '');
        return {
          ok: true,
          has_more: false,
          messages: messages
            .filter((m) => !latest || m.ts <= latest)
            .reverse()
            .slice(0, 1),
        };
      }
      case 'conversations.replies': {
        const messages = (this.history.get(String(args.channel)) ?? []).filter(
          (m) => m.ts === args.ts || m.thread_ts === args.ts,
        );
        return { ok: true, has_more: false, messages };
      }
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client JSON-encodes nested arguments (blocks, view) in form bodies.
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
