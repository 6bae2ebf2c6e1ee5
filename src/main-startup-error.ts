import { resolve } from 'node:path';
import type { Config } from './config.js';
import { BotError } from './core/errors.js';
import { redactUrl } from './store/prisma-client.js';

type SystemError = Error & { code?: string; address?: string; port?: number; path?: string };

/** Network codes that mean the database server could not be reached at all. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** The error itself, its causes, and the errors of an AggregateError (a host with several addresses). */
function* errorChain(error: unknown, depth = 0): Generator<SystemError> {
  if (!(error instanceof Error) || depth > 5) return;
  yield error as SystemError;
  if (error instanceof AggregateError) for (const inner of error.errors) yield* errorChain(inner, depth + 1);
  yield* errorChain(error.cause, depth + 1);
}

function systemError(error: unknown, codes: ReadonlySet<string>): SystemError | undefined {
  for (const e of errorChain(error)) if (e.code && codes.has(e.code)) return e;
  return undefined;
}

function databaseHost(databaseUrl: string, fallback: SystemError): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}`;
  } catch {
    return `${fallback.address ?? '?'}:${fallback.port ?? '?'}`;
  }
}

/**
 * What `npm start` prints when it cannot start: one line saying what is wrong
 * and which setting to change. The stack trace is only for LOG_LEVEL=debug or trace.
 */
export function startupErrorMessage(error: unknown, config: Config | null, logLevel?: string): string {
  const base = error instanceof Error ? error.message : String(error);
  const debug = logLevel === 'debug' || logLevel === 'trace';
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof BotError) return `${base}${stack}`;

  const unreachable = systemError(error, UNREACHABLE);
  if (unreachable && config && !config.databaseUrl.startsWith('file:')) {
    return (
      `cannot reach the database at ${databaseHost(config.databaseUrl, unreachable)} ` +
      `(${redactUrl(config.databaseUrl)}): ${unreachable.message}. Is the server running, and is DATABASE_URL right?${stack}`
    );
  }
  const inUse = systemError(error, new Set(['EADDRINUSE']));
  if (inUse) {
    const port = inUse.port ?? config?.PORT;
    return `port ${port} is in use; set PORT to a free port (PORT=0 picks any free one)${stack}`;
  }
  const fileError = systemError(error, new Set(['ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT']));
  if (fileError && config) {
    const dataDir = resolve(config.DATA_DIR);
    if (fileError.path && resolve(fileError.path).startsWith(dataDir)) {
      return `DATA_DIR ${config.DATA_DIR} cannot be used: ${fileError.message}; set DATA_DIR to a folder the bot can create and write${stack}`;
    }
  }
  return `${base}${stack}`;
}
