import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { BotError } from '../../../core/errors.js';
import { isTicketStatus } from '../../../domain/ticket-statuses.js';
import type { UserProfile } from '../../../domain/user.js';
import { guardBrowserApi, type HostRules } from '../../../http/browser-request-guard.js';
import { type HttpServer, readJson, sendJson } from '../../../http/http-server.js';
import type { AgentDesk } from '../../../skills/handoff/agent-desk.js';
import type { AgentDirectory } from '../../../store/agent-directory.js';
import { checkConsoleToken, consoleAgent } from './agent-console-auth.js';

const BODY_LIMIT = 64 * 1024;

const textBody = z.object({ text: z.string().max(8000) });
const availabilityBody = z.object({ availability: z.enum(['online', 'away', 'offline']) });
/** `solution`: the solution for the requester, which Solution Offered needs. */
const statusBody = z.object({
  status: z.string().refine(isTicketStatus, 'must be a ticket status'),
  solution: z.string().max(8000).optional(),
});
const transferBody = z
  .object({
    agentId: z.string().min(1).optional(),
    teamId: z.string().min(1).optional(),
    note: z.string().max(4000).default(''),
  })
  .refine((b) => b.agentId || b.teamId, { message: 'name an agent or a team', path: ['agentId'] });

export interface AgentConsoleApiOptions {
  readonly desk: AgentDesk;
  readonly agents: AgentDirectory;
  readonly authToken?: string;
  readonly tokenRequired: boolean;
  readonly hostRules: HostRules;
}

async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(req, BODY_LIMIT));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BotError('bad_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The agent console's JSON API under /agent/api; every call acts as the signed-in agent. */
export function mountAgentConsoleApi(http: HttpServer, options: AgentConsoleApiOptions): void {
  const { desk } = options;

  const route = (
    method: 'GET' | 'POST',
    path: string,
    handler: (
      agent: UserProfile,
      req: IncomingMessage,
      params: Readonly<Record<string, string>>,
    ) => Promise<unknown>,
  ) =>
    http.route(method, path, async (req, res, params) => {
      guardBrowserApi(req, options.hostRules);
      checkConsoleToken(req, options);
      const agent = await consoleAgent(req, options.agents);
      sendJson(res, 200, await handler(agent, req, params));
    });

  route('GET', '/agent/api/me', async (agent) => ({ agent: await desk.me(agent) }));
  route('POST', '/agent/api/availability', async (agent, req) => {
    const { availability } = await body(req, availabilityBody);
    await desk.setAvailability(agent, availability);
    return { agent: await desk.me(agent) };
  });
  route('GET', '/agent/api/queue', async () => ({ chats: await desk.queue() }));
  route('GET', '/agent/api/chats', async (agent) => ({ chats: await desk.chatsOf(agent) }));
  route('GET', '/agent/api/chats/:id', async (_agent, _req, params) => {
    const chat = await desk.chat(params.id ?? '');
    if (!chat) throw new BotError('not_found', `No live chat ${params.id}`);
    return { chat, transcript: await desk.transcript(chat.handoffId) };
  });
  http.route('POST', '/agent/api/chats/:id/claim', async (req, res, params) => {
    guardBrowserApi(req, options.hostRules);
    checkConsoleToken(req, options);
    const agent = await consoleAgent(req, options.agents);
    const result = await desk.claim(agent, params.id ?? '');
    sendJson(res, result.ok ? 200 : result.reason === 'not-found' ? 404 : 409, result);
  });
  route('POST', '/agent/api/chats/:id/reply', async (agent, req, params) => {
    const { text } = await body(req, textBody);
    await desk.reply(agent, params.id ?? '', text);
    return { ok: true };
  });
  route('POST', '/agent/api/chats/:id/note', async (agent, req, params) => {
    const { text } = await body(req, textBody);
    await desk.note(agent, params.id ?? '', text);
    return { ok: true };
  });
  route('POST', '/agent/api/chats/:id/status', async (agent, req, params) => {
    const { status, solution } = await body(req, statusBody);
    if (!isTicketStatus(status)) throw new BotError('bad_request', 'status: must be a ticket status');
    const { notice } = await desk.setTicketStatus(agent, params.id ?? '', status, solution);
    return notice ? { ok: true, notice } : { ok: true };
  });
  route('POST', '/agent/api/chats/:id/transfer', async (agent, req, params) => {
    const to = await body(req, transferBody);
    await desk.transfer(agent, params.id ?? '', { agentId: to.agentId, teamId: to.teamId }, to.note);
    return { ok: true };
  });
  route('POST', '/agent/api/chats/:id/close', async (agent, _req, params) => {
    await desk.close(agent, params.id ?? '');
    return { ok: true };
  });
  route('GET', '/agent/api/canned', async () => ({ replies: await desk.cannedReplies() }));
  route('GET', '/agent/api/directory', async () => desk.directory());
}
