import type { Logger } from 'pino';
import type { HttpServer } from '../../../http/http-server.js';
import type { AgentDesk } from '../../../skills/handoff/agent-desk.js';
import type { AgentDirectory } from '../../../store/agent-directory.js';
import { mountAgentConsoleApi } from './agent-console-api.js';
import { mountAgentConsoleEvents } from './agent-console-events.js';
import { mountAgentConsolePage } from './agent-console-static.js';

/**
 * The local web agent console on the shared HTTP server: the page at /agent, its
 * JSON API under /agent/api and live events at /agent/api/events.
 */
export function mountAgentConsole(
  http: HttpServer,
  options: { desk: AgentDesk; agents: AgentDirectory; authToken?: string; logger: Logger },
): { close(): void } {
  // The event stream is registered before the API, whose routes it must not shadow (and vice versa).
  const events = mountAgentConsoleEvents(http, options);
  mountAgentConsoleApi(http, options);
  mountAgentConsolePage(http);
  return events;
}
