import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BotError } from '../../../core/errors.js';
import type { UserProfile } from '../../../domain/user.js';
import type { AgentDirectory } from '../../../store/agent-directory.js';

/** Who may use the console: its own token (AGENT_CONSOLE_TOKEN), never the web chat's. */
export interface ConsoleTokenRule {
  readonly authToken?: string;
  /** True when HOST is reachable from other machines: the console then needs a token. */
  readonly tokenRequired: boolean;
}

/**
 * With AGENT_CONSOLE_TOKEN set, every request carries it as a bearer token. EventSource
 * cannot send headers, so the event stream may pass it as `?token=` instead. Without it,
 * the console is open only on a loopback HOST.
 */
export function checkConsoleToken(req: IncomingMessage, rule: ConsoleTokenRule): void {
  const token = rule.authToken;
  if (!token) {
    if (!rule.tokenRequired) return;
    throw new BotError('unauthorized', consoleOffMessage, { status: 403 });
  }
  const header = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
  const given = Buffer.from(header || query);
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new BotError('unauthorized', 'A valid agent console token is required');
  }
}

export const consoleOffMessage =
  'The agent console is off: HOST is reachable from other machines and AGENT_CONSOLE_TOKEN is not set';

/**
 * The agent a console request acts for: the web identity in `?agent=` (or the
 * X-Agent header). Local sign-in by web id, like the web chat's `user`; the
 * bearer token is what protects a console reachable from other machines.
 */
export async function consoleAgent(req: IncomingMessage, agents: AgentDirectory): Promise<UserProfile> {
  const webId =
    new URL(req.url ?? '/', 'http://x').searchParams.get('agent') ?? String(req.headers['x-agent'] ?? '');
  if (!webId.trim()) throw new BotError('unauthorized', 'Sign in with ?agent=<your web id>');
  const user = await agents.userByWebId(webId.trim());
  if (!user || (user.role !== 'agent' && user.role !== 'admin') || !(await agents.agent(user.id))) {
    throw new BotError('unauthorized', `${webId} is not a support agent`, { status: 403 });
  }
  return user;
}
