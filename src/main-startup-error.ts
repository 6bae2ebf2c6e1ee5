import { resolve } from 'node:path';
import type { Config } from './config.js';
import { BotError } from './core/errors.js';
import { redactUrl } from './store/prisma-client.js';

type SystemError = Error & {
  code?: string;
  address?: string;
  hostname?: string;
  port?: number;
  path?: string;
};

/** Network codes that mean a server could not be reached at all. */
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

function systemErrors(error: unknown, codes: ReadonlySet<string>): SystemError[] {
  return [...errorChain(error)].filter((e) => e.code !== undefined && codes.has(e.code));
}

function systemError(error: unknown, codes: ReadonlySet<string>): SystemError | undefined {
  return systemErrors(error, codes)[0];
}

interface Endpoint {
  readonly host: string;
  readonly port: number | null;
}

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
const isIpAddress = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

/** Where a network error was going: its own fields, else "host:port" or "ENOTFOUND host" in its message. */
function failingEndpoint(error: SystemError): Endpoint | null {
  const fromMessage = /(\S+):(\d+)\s*$/.exec(error.message);
  const lookedUp = /(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(error.message);
  const host = error.hostname ?? error.address ?? fromMessage?.[1] ?? lookedUp?.[1];
  if (!host) return null;
  const port = error.port ?? (fromMessage ? Number(fromMessage[2]) : null);
  return { host: unbracket(host), port };
}

/** The PostgreSQL server DATABASE_URL names (SQLite files have none). */
function databaseEndpoint(databaseUrl: string): Endpoint | null {
  if (databaseUrl.startsWith('file:')) return null;
  try {
    const url = new URL(databaseUrl);
    return { host: unbracket(url.hostname || 'localhost'), port: Number(url.port || '5432') };
  } catch {
    return null;
  }
}

/**
 * True when the error was on the way to the database. A connection error gives the
 * address the host name resolved to, so for a URL naming a host, an IP address on
 * the database's port counts as the database.
 */
function isDatabase(failing: Endpoint, database: Endpoint): boolean {
  if (failing.port !== null && failing.port !== database.port) return false;
  if (failing.host === database.host) return true;
  return failing.port !== null && isIpAddress(failing.host) && !isIpAddress(database.host);
}

const endpointText = (e: Endpoint) =>
  `${e.host.includes(':') ? `[${e.host}]` : e.host}${e.port !== null ? `:${e.port}` : ''}`;

/**
 * What `npm start` prints when it cannot start: one line saying what is wrong
 * and which setting to change. The stack trace is only for LOG_LEVEL=debug or trace.
 */
export function startupErrorMessage(error: unknown, config: Config | null, logLevel?: string): string {
  const base = error instanceof Error ? error.message : String(error);
  const debug = logLevel === 'debug' || logLevel === 'trace';
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof BotError) return `${base}${stack}`;

  const unreachable = systemErrors(error, UNREACHABLE);
  const database = config ? databaseEndpoint(config.databaseUrl) : null;
  for (const failed of unreachable) {
    const failing = failingEndpoint(failed);
    if (config && database && failing && isDatabase(failing, database)) {
      return (
        `cannot reach the database at ${endpointText(database)} (${redactUrl(config.databaseUrl)}): ` +
        `${failed.message}. Is the server running, and is DATABASE_URL right?${stack}`
      );
    }
  }
  const elsewhere = unreachable.find((e) => failingEndpoint(e) !== null);
  if (elsewhere) {
    return `cannot reach ${endpointText(failingEndpoint(elsewhere)!)}: ${elsewhere.message}${stack}`;
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
