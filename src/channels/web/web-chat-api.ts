import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bot } from '../../core/bot.js';
import { BotError } from '../../core/errors.js';
import type { InboundMessage } from '../../core/inbound-message.js';
import type { Reply } from '../../core/reply.js';
import { checkHost, type HostRules } from '../../http/browser-request-guard.js';
import type { HttpServer } from '../../http/http-server.js';
import { publicErrorMessage, readJson, sendJson } from '../../http/http-server.js';
import { type ChatRateLimitSettings, createChatRateLimit, rateLimitedMessage } from './chat-rate-limit.js';
import { chatRequestSchema } from './chat-request.js';
import { newConversationKey } from './conversation-key.js';

/** What the web channel needs to know about stored conversations (passed in by main). */
export interface WebConversations {
  /** The owner's external user id of a web conversation, or null if there is none with that key. */
  ownerOf(channel: 'web', key: string): Promise<string | null>;
  /** Proactive messages (agent replies, notifications) after a message id. */
  updates(
    channel: 'web',
    key: string,
    afterId: number,
  ): Promise<Array<{ id: number; reply: Reply; author: string }>>;
}

export interface WebChatOptions {
  readonly bot: Bot;
  readonly conversations: WebConversations;
  readonly maxTextChars: number;
  readonly authToken?: string;
  /** Without a token, the host names browsers may use (a DNS-rebinding page is refused). */
  readonly hostRules: HostRules;
  readonly rateLimit: ChatRateLimitSettings;
}

const BODY_LIMIT = 3 * 1024 * 1024;
/** When a client should send a message again whose earlier attempt is still being handled. */
const IN_PROGRESS_RETRY_SECONDS = 5;

/** The JSON chat API: POST /api/chat and GET /api/chat/:conversation/updates. */
export function mountWebChatApi(http: HttpServer, options: WebChatOptions): void {
  const schema = chatRequestSchema(options.maxTextChars);
  const limit = createChatRateLimit(options.rateLimit);

  http.route('POST', '/api/chat', async (req, res) => {
    const addressWait = limit.address(req);
    if (addressWait > 0) return tooManyMessages(req, res, addressWait);
    checkAuth(req, options);
    const parsed = schema.safeParse(await readJson(req, BODY_LIMIT));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BotError('bad_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
    }
    const body = parsed.data;
    const userWait = limit.user(body.user);
    if (userWait > 0) return tooManyMessages(req, res, userWait);
    let key = body.conversation;
    if (key) {
      const owner = await options.conversations.ownerOf('web', key);
      if (owner !== body.user) throw new BotError('not_found', `Unknown conversation: ${key}`);
    } else {
      key = newConversationKey(body.user, body.id);
    }
    const message: InboundMessage = {
      eventId: body.id ? `${body.user}:${body.id}` : undefined,
      channel: 'web',
      workspace: '',
      conversationKey: key,
      user: { externalId: body.user, displayName: body.displayName },
      text: body.text,
      value: body.value,
      attachments: (body.attachments ?? []).map((a) => {
        const content = Buffer.from(a.contentBase64, 'base64');
        return { name: a.name, mimeType: a.mimeType, size: content.length, content };
      }),
    };
    const result = await options.bot.handle(message);
    if (result.inProgress) {
      // Not stored yet: another attempt of it is running, or failed where its claim outlived it.
      res.setHeader('retry-after', String(IN_PROGRESS_RETRY_SECONDS));
      sendJson(res, 503, { error: 'in_progress', message: publicErrorMessage(503) });
      return;
    }
    sendJson(res, 200, {
      conversation: key,
      replies: result.replies,
      intent: result.intent
        ? { name: result.intent.name, confidence: round(result.intent.confidence) }
        : null,
      ...(result.duplicate ? { duplicate: true } : {}),
    });
  });

  http.route('GET', '/api/chat/:conversation/updates', async (req, res, params) => {
    checkAuth(req, options);
    const url = new URL(req.url ?? '/', 'http://x');
    const user = url.searchParams.get('user') ?? '';
    const after = Number(url.searchParams.get('after') ?? '0');
    const key = params.conversation ?? '';
    if (!Number.isSafeInteger(after) || after < 0)
      throw new BotError('bad_request', 'after: must be a message id');
    const owner = await options.conversations.ownerOf('web', key);
    if (!owner || owner !== user) throw new BotError('not_found', `Unknown conversation: ${key}`);
    sendJson(res, 200, {
      conversation: key,
      updates: await options.conversations.updates('web', key, after),
    });
  });
}

function tooManyMessages(req: IncomingMessage, res: ServerResponse, seconds: number): void {
  req.resume();
  res.setHeader('retry-after', String(seconds));
  sendJson(res, 429, { error: 'rate_limited', message: rateLimitedMessage, retryAfterSeconds: seconds });
}

/**
 * With a token, a request must carry it (a page on another site cannot). Without one (the
 * loopback default), a request must at least name an allowed host.
 */
function checkAuth(req: IncomingMessage, options: WebChatOptions): void {
  const token = options.authToken;
  if (!token) {
    checkHost(req, options.hostRules);
    return;
  }
  const given = Buffer.from(String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new BotError('unauthorized', 'A valid bearer token is required');
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
