import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BotError } from '../../core/errors.js';
import type { HttpServer } from '../../http/http-server.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves the chat page (/) and its assets (/static/*) from a folder. */
export function mountStaticFiles(
  http: HttpServer,
  folder: string,
  pages: Readonly<Record<string, string>>,
): void {
  const root = normalize(folder);
  const serve = async (file: string, res: import('node:http').ServerResponse) => {
    const path = normalize(join(root, file));
    if (!path.startsWith(root)) throw new BotError('not_found', 'No such file');
    const body = await readFile(path).catch(() => {
      throw new BotError('not_found', 'No such file');
    });
    res.writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };
  for (const [route, file] of Object.entries(pages))
    http.route('GET', route, (_req, res) => serve(file, res));
  http.route('GET', '/static/*', (_req, res, params) => serve(params['*'] ?? '', res));
}

export const webPublicFolder = fileURLToPath(new URL('./public/', import.meta.url));
