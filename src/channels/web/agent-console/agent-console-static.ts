import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BotError } from '../../../core/errors.js';
import type { HttpServer } from '../../../http/http-server.js';

const folder = normalize(fileURLToPath(new URL('./public/', import.meta.url)));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The console page at /agent and its assets at /agent/static/* (apart from the chat page's /static/*). */
export function mountAgentConsolePage(http: HttpServer): void {
  const serve = async (file: string, res: import('node:http').ServerResponse) => {
    const path = normalize(join(folder, file));
    if (!path.startsWith(folder) || !types[extname(path)]) throw new BotError('not_found', 'No such file');
    const body = await readFile(path).catch(() => {
      throw new BotError('not_found', 'No such file');
    });
    res.writeHead(200, {
      'content-type': types[extname(path)]!,
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };
  http.route('GET', '/agent', (_req, res) => serve('agent.html', res));
  http.route('GET', '/agent/static/*', (_req, res, params) => serve(params['*'] ?? '', res));
}
