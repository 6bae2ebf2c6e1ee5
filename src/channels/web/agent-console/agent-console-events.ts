import type { ServerResponse } from 'node:http';
import { guardBrowserApi } from '../../../http/browser-request-guard.js';
import type { HttpServer } from '../../../http/http-server.js';
import type { AgentConsoleOptions } from './agent-console.js';
import { checkConsoleToken, consoleAgent } from './agent-console-auth.js';

const HEARTBEAT_MS = 15_000;
/** How often open streams check that the server is still accepting (it ends them on shutdown). */
const SHUTDOWN_CHECK_MS = 200;

/**
 * GET /agent/api/events: the desk's live events as Server-Sent Events. Events
 * come from every bot instance (see AgentDesk.subscribe), so a console connected
 * to any instance behind a load balancer sees every chat. SSE rather than
 * WebSocket: one-way pushes are all the console needs, it reconnects by itself,
 * and it passes through proxies as plain HTTP.
 */
export function mountAgentConsoleEvents(http: HttpServer, options: AgentConsoleOptions): { close(): void } {
  const streams = new Set<ServerResponse>();
  let watcher: NodeJS.Timeout | null = null;

  function endAll(): void {
    // Closing the socket too: a kept-alive connection would carry the browser's reconnect.
    for (const res of streams) res.end(() => res.socket?.destroy());
    streams.clear();
    if (watcher) clearInterval(watcher);
    watcher = null;
  }

  function watchShutdown(): void {
    if (watcher) return;
    // The shared server's close() waits for open connections; streams must end for it to finish.
    watcher = setInterval(() => {
      if (!http.server.listening) endAll();
    }, SHUTDOWN_CHECK_MS);
    watcher.unref();
  }

  http.route('GET', '/agent/api/events', async (req, res) => {
    guardBrowserApi(req, options.hostRules);
    checkConsoleToken(req, options);
    const agent = await consoleAgent(req, options.agents);
    if (!http.server.listening) {
      res.writeHead(503, { connection: 'close', 'retry-after': '2' }).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ agentId: agent.id })}\n\n`);
    streams.add(res);
    watchShutdown();
    const unsubscribe = options.desk.subscribe((event) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const cleanup = () => {
      unsubscribe();
      clearInterval(heartbeat);
      streams.delete(res);
      if (streams.size === 0 && watcher) {
        clearInterval(watcher);
        watcher = null;
      }
    };
    res.on('close', cleanup);
    res.on('error', (error) => options.logger.debug({ err: error }, 'agent event stream failed'));
  });

  return { close: endAll };
}
