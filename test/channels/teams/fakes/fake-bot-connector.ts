import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector: a posted, replied or updated activity, or a new thread. */
export interface ConnectorCall {
  readonly kind: 'send' | 'reply' | 'update' | 'create';
  readonly conversationId: string;
  /** For `reply`, the activity replied to; for `update`, the activity updated. */
  readonly activityId?: string;
  /** The id the connector gave the new activity (send, reply, create). */
  readonly newId?: string;
  // biome-ignore lint/suspicious/noExplicitAny: activities are free-form JSON; tests read what they assert on.
  readonly body: any;
  readonly authorization?: string;
  /** When the connector received it (performance.now()), for latency figures. */
  readonly receivedAt?: number;
}

export interface FakeMember {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
}

/**
 * A local Bot Connector (the service behind an activity's `serviceUrl`): captures
 * what the bot posts and answers like Teams does — activity ids on send and reply,
 * `<channel>;messageid=<id>` for a new channel thread, members for the member API.
 * `down = true` makes it answer 503, like an outage.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  readonly members = new Map<string, FakeMember>();
  /** Requests made to the member API (GET …/members/<id>), answered or not. */
  memberLookups = 0;
  down = false;
  /**
   * Requests refused with 403 BotNotInConversationRoster, as Teams answers while the
   * bot is not installed where it posts (not retried by botbuilder, unlike a 503).
   */
  // biome-ignore lint/suspicious/noExplicitAny: the request's JSON body, free-form like `ConnectorCall.body`.
  refuse: ((method: string, path: string, body: any) => boolean) | null = null;
  /**
   * Requests answered 404 NotFound, as Teams answers for an activity that is no longer
   * there (a card deleted from the channel): no retry makes it come back.
   */
  gone: ((method: string, path: string) => boolean) | null = null;
  /**
   * Posted or updated activities larger than this many bytes (the JSON counted in UTF-16, as
   * Teams counts a message) are refused with 413 MessageSizeTooBig, as Teams does; null: no limit.
   */
  maxActivityBytes: number | null = null;
  /**
   * Requests held until the promise returned for them settles, then answered (and recorded)
   * as usual: a slow connector, for the request it picks; null (or no promise): at once.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the request's JSON body, free-form like `ConnectorCall.body`.
  hold: ((method: string, path: string, body: any) => Promise<void> | null) | null = null;
  /** The member API answers this late (longer than the bot waits: a lookup that times out). */
  memberDelayMs = 0;
  /** Called for every call as it arrives (benchmarks match replies to activities with it). */
  onCall: ((call: ConnectorCall) => void) | null = null;
  /** Keep calls in `calls` (off for long benchmark runs). */
  keepCalls = true;
  private server: Server | null = null;
  private nextId = 1_700_000_000_000;
  private waiters: Array<() => void> = [];
  port = 0;

  /** The service URL to put in activities (with the trailing slash Teams sends). */
  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const held = this.hold?.(req.method ?? '', path, text ? JSON.parse(text) : undefined);
        if (held) void held.then(() => this.respond(req, res, text));
        else this.respond(req, res, text);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
  }

  /** Messages (not typing indicators) posted into a conversation, oldest first. */
  messagesIn(conversationId: string): ConnectorCall[] {
    return this.calls.filter(
      (c) =>
        (c.kind === 'send' || c.kind === 'reply') &&
        c.conversationId === conversationId &&
        c.body?.type === 'message',
    );
  }

  /** Resolves when a call matching `test` was made (already or within `timeoutMs`). */
  async waitFor(test: (call: ConnectorCall) => boolean, timeoutMs = 5000): Promise<ConnectorCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(test);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching connector call within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Answers one request (after `hold`, if it held it) and records what it did. */
  private respond(req: IncomingMessage, res: ServerResponse, text: string) {
    const answer = (status: number, body?: unknown) => {
      const json = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json);
    };
    if (this.down) return answer(503, { error: { code: 'ServiceUnavailable', message: 'down' } });
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = text ? JSON.parse(text) : undefined;
    if (this.refuse?.(req.method ?? '', path, body)) {
      return answer(403, {
        error: {
          code: 'BotNotInConversationRoster',
          message: 'The bot is not part of the conversation roster.',
        },
      });
    }
    if (this.gone?.(req.method ?? '', path)) {
      return answer(404, {
        error: { code: 'NotFound', message: `${req.method} ${path}: no such activity` },
      });
    }
    if (
      this.maxActivityBytes !== null &&
      (req.method === 'POST' || req.method === 'PUT') &&
      Buffer.byteLength(text, 'utf16le') > this.maxActivityBytes
    ) {
      return answer(413, {
        error: {
          code: 'MessageSizeTooBig',
          message: `The message is ${Buffer.byteLength(text, 'utf16le')} bytes, more than ${this.maxActivityBytes}.`,
        },
      });
    }
    const authorization = req.headers.authorization;
    const m = /^\/v3\/conversations(?:\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?)?$/.exec(path);
    if (!m) return answer(404, { error: { code: 'NotFound', message: path } });
    const [, conversationId, sub, itemId] = m;
    if (req.method === 'POST' && !conversationId) {
      const newId = String(this.nextId++);
      const channel = body?.channelData?.channel?.id ?? `19:new-${newId}@thread.tacv2`;
      this.record({ kind: 'create', conversationId: channel, newId, body, authorization });
      return answer(201, { id: `${channel};messageid=${newId}`, activityId: newId });
    }
    if (conversationId && sub === 'activities' && req.method === 'POST') {
      const newId = String(this.nextId++);
      this.record({
        kind: itemId ? 'reply' : 'send',
        conversationId,
        ...(itemId ? { activityId: itemId } : {}),
        newId,
        body,
        authorization,
      });
      return answer(200, { id: newId });
    }
    if (conversationId && sub === 'activities' && itemId && req.method === 'PUT') {
      this.record({ kind: 'update', conversationId, activityId: itemId, body, authorization });
      return answer(200, { id: itemId });
    }
    if (conversationId && sub === 'members' && itemId && req.method === 'GET') {
      this.memberLookups++;
      const member = this.members.get(itemId);
      if (member && this.memberDelayMs > 0) {
        setTimeout(() => answer(200, member), this.memberDelayMs).unref();
        return;
      }
      return member
        ? answer(200, member)
        : answer(404, { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } });
    }
    return answer(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
  }

  private record(call: ConnectorCall): void {
    const stamped = { ...call, receivedAt: performance.now() };
    if (this.keepCalls) this.calls.push(stamped);
    this.onCall?.(stamped);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
