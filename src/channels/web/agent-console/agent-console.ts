import type { Logger } from 'pino';
import type { HostRules } from '../../../http/browser-request-guard.js';
import type { HttpServer } from '../../../http/http-server.js';
import type { AgentDesk } from '../../../skills/handoff/agent-desk.js';
import type { AgentDirectory } from '../../../store/agent-directory.js';
import { mountAgentConsoleApi } from './agent-console-api.js';
import { consoleOffMessage } from './agent-console-auth.js';
import { mountAgentConsoleEvents } from './agent-console-events.js';
import { mountAgentConsolePage } from './agent-console-static.js';

export interface AgentConsoleOptions {
  readonly desk: AgentDesk;
  readonly agents: AgentDirectory;
  /** AGENT_CONSOLE_TOKEN: the console's own bearer token. */
  readonly authToken?: string;
  /** True when HOST is reachable from other machines: without a token the console then refuses every call. */
  readonly tokenRequired: boolean;
  /** The host names browsers may use (DNS rebinding and cross-site requests are refused). */
  readonly hostRules: HostRules;
  readonly logger: Logger;
}

/**
 * The local web agent console on the shared HTTP server: the page at /agent, its
 * JSON API under /agent/api and live events at /agent/api/events.
 */
export function mountAgentConsole(http: HttpServer, options: AgentConsoleOptions): { close(): void } {
  if (options.tokenRequired && !options.authToken) options.logger.warn(consoleOffMessage);
  // The event stream is registered before the API, whose routes it must not shadow (and vice versa).
  const events = mountAgentConsoleEvents(http, options);
  mountAgentConsoleApi(http, options);
  mountAgentConsolePage(http);
  return events;
}
