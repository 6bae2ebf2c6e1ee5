import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bot } from '../../core/bot.js';
import { cleanInboundText } from '../../core/bot-inbound-text.js';
import { BotError } from '../../core/errors.js';
import type { InboundMessage } from '../../core/inbound-message.js';
import type { Reply } from '../../core/reply.js';
import type { Responses } from '../../core/responses.js';
import { checkHost, type HostRules } from '../../http/browser-request-guard.js';
import type { HttpServer } from '../../http/http-server.js';
import { publicErrorMessage, readJson, sendJson } from '../../http/http-server.js';
import { chatPageSetup } from './chat-page-setup.js';
import { type ChatRateLimitSettings, createChatRateLimit, rateLimitedMessage } from './chat-rate-limit.js';
import { chatRequestSchema } from './chat-request.js';
import { newConversationKey } from './conversation-key.js';
import { storedAnswer } from './stored-answer.js';

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
  /**
   * What the chat page shows again after a reload: the conversation's latest `limit` messages after
   * a message id, oldest first: the user's (as text), the bot's, agents' and system messages (never
   * an agent's internal note).
   */
  messages(channel: 'web', key: string, afterId: number, limit: number): Promise<WebChatMessage[]>;
}

/** A stored message of a web conversation as the page shows it (a user's message as a text reply). */
export interface WebChatMessage {
  readonly id: number;
  readonly author: 'user' | 'bot' | 'agent' | 'system';
  readonly reply: Reply;
}

export interface WebChatOptions {
  readonly bot: Bot;
  readonly conversations: WebConversations;
  readonly maxTextChars: number;
  readonly authToken?: string;
  /** Without a token, the host names browsers may use (a DNS-rebinding page is refused). */
  readonly hostRules: HostRules;
  readonly rateLimit: ChatRateLimitSettings;
  /** The page's own sentences (content/responses/web.yml). */
  readonly responses: Responses;
}

const BODY_LIMIT = 3 * 1024 * 1024;
/** When a client should send a message again whose earlier attempt is still being handled. */
const IN_PROGRESS_RETRY_SECONDS = 5;
/** How many messages the page gets back to show a conversation again (after a reload). */
const SHOWN_AGAIN_MESSAGES = 200;
/** Where the answer to a message sent again is looked for: a client sends again within minutes. */
const RECENT_MESSAGES = 100;

/**
 * The JSON chat API: POST /api/chat, GET /api/chat/:conversation/updates and /messages, and
 * GET /api/chat/page-setup (the page's sentences and limits).
 */
export function mountWebChatApi(http: HttpServer, options: WebChatOptions): void {
  const schema = chatRequestSchema(options.maxTextChars);
  const limit = createChatRateLimit(options.rateLimit);
  const pageSetup = chatPageSetup(options.responses, options.maxTextChars, BODY_LIMIT);

  // Public sentences and limits, read before the page has a conversation (or a token) to show.
  http.route('GET', '/api/chat/page-setup', async (_req, res) => sendJson(res, 200, pageSetup));

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
    // A message sent again after its answer was lost gets that answer again (the turn is not run twice).
    const replies =
      result.duplicate && result.replies.length === 0
        ? storedAnswer(
            await options.conversations.messages('web', key, 0, RECENT_MESSAGES),
            cleanInboundText(body.text, options.maxTextChars).text,
          )
        : result.replies;
    sendJson(res, 200, {
      conversation: key,
      replies,
      intent: result.intent
        ? { name: result.intent.name, confidence: round(result.intent.confidence) }
        : null,
      ...(result.duplicate ? { duplicate: true } : {}),
    });
  });

  http.route('GET', '/api/chat/:conversation/updates', async (req, res, params) => {
    const { key, after } = await ownConversationRead(req, params.conversation, options);
    sendJson(res, 200, {
      conversation: key,
      updates: await options.conversations.updates('web', key, after),
    });
  });

  http.route('GET', '/api/chat/:conversation/messages', async (req, res, params) => {
    const { key, after } = await ownConversationRead(req, params.conversation, options);
    sendJson(res, 200, {
      conversation: key,
      messages: await options.conversations.messages('web', key, after, SHOWN_AGAIN_MESSAGES),
    });
  });
}

/** A read of the caller's own conversation: `?user=` must own it; `?after=` is a message id. */
async function ownConversationRead(
  req: IncomingMessage,
  conversation: string | undefined,
  options: WebChatOptions,
): Promise<{ key: string; after: number }> {
  checkAuth(req, options);
  const url = new URL(req.url ?? '/', 'http://x');
  const user = url.searchParams.get('user') ?? '';
  const after = Number(url.searchParams.get('after') ?? '0');
  const key = conversation ?? '';
  if (!Number.isSafeInteger(after) || after < 0)
    throw new BotError('bad_request', 'after: must be a message id');
  const owner = await options.conversations.ownerOf('web', key);
  if (!owner || owner !== user) throw new BotError('not_found', `Unknown conversation: ${key}`);
  return { key, after };
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
