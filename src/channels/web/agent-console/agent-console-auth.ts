import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BotError } from '../../../core/errors.js';
import type { UserProfile } from '../../../domain/user.js';
import type { AgentDirectory } from '../../../store/agent-directory.js';

/**
 * The web chat's rule: when WEB_AUTH_TOKEN is set, every request carries it as a
 * bearer token. EventSource cannot send headers, so the event stream may pass it
 * as `?token=` instead.
 */
export function checkConsoleToken(req: IncomingMessage, token: string | undefined): void {
  if (!token) return;
  const header = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
  const given = Buffer.from(header || query);
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new BotError('unauthorized', 'A valid bearer token is required');
  }
}

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
