import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { BotError } from '../core/errors.js';
import { LOOPBACK_HOSTS } from './loopback-hosts.js';

/** The host names a browser may use to reach the bot: HOST, loopback names, IP addresses and ALLOWED_HOSTS. */
export interface HostRules {
  /** The address the server listens on (HOST). */
  readonly host: string;
  /** Further names the operator allows (ALLOWED_HOSTS), e.g. a reverse proxy's public name. */
  readonly allowedHosts: readonly string[];
}

/** The lower-case host name of a Host header or URL host (no port, no IPv6 brackets, no trailing dot). */
function hostName(hostAndPort: string): string | null {
  try {
    const name = new URL(`http://${hostAndPort}`).hostname.toLowerCase();
    return name.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

function namedByOperator(name: string, rules: HostRules): boolean {
  return name === rules.host.toLowerCase() || rules.allowedHosts.includes(name);
}

/**
 * A page on another site can point its own host name at this machine (DNS rebinding) and
 * then talk to the bot as if it were the same site. Such a request carries that foreign
 * name in its Host header; an IP address cannot be rebound, so IP addresses pass.
 */
export function checkHost(req: IncomingMessage, rules: HostRules): void {
  const given = String(req.headers.host ?? '');
  const name = hostName(given);
  if (name && (isIP(name) !== 0 || LOOPBACK_HOSTS.has(name) || namedByOperator(name, rules))) return;
  throw new BotError(
    'unauthorized',
    `This server does not answer to the host name "${given}"; add it to ALLOWED_HOSTS to allow it`,
    { status: 403 },
  );
}

/**
 * A browser names the page that sent a request in its Origin header. A state-changing
 * request must come from this server's own pages (same host and port as the request),
 * or from a host name the operator allows (a proxy that rewrites the Host header).
 * Clients that are not browsers send no Origin and pass.
 */
export function checkOrigin(req: IncomingMessage, rules: HostRules): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let sameSite = false;
  try {
    const url = new URL(origin);
    const name = hostName(url.host);
    sameSite =
      url.host.toLowerCase() === String(req.headers.host ?? '').toLowerCase() ||
      (name !== null && isIP(name) === 0 && namedByOperator(name, rules));
  } catch {
    sameSite = false;
  }
  if (!sameSite) {
    throw new BotError('unauthorized', `Requests from ${origin} are not accepted here`, { status: 403 });
  }
}

/** A POST must say it sends JSON: a page on another site cannot send that without asking first (CORS). */
export function checkJsonContentType(req: IncomingMessage): void {
  if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
    throw new BotError('bad_request', 'Send JSON with Content-Type: application/json', { status: 415 });
  }
}

/** The checks for an API that browsers call from the bot's own pages. */
export function guardBrowserApi(req: IncomingMessage, rules: HostRules): void {
  checkHost(req, rules);
  if (req.method === 'GET' || req.method === 'HEAD') return;
  checkOrigin(req, rules);
  checkJsonContentType(req);
}
