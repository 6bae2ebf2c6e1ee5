import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * Bolt's and the Web API client's logs into the bot's pino logger. Bolt's own
 * info lines (connection chatter) go to debug so they don't drown the bot's logs.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : safeString(p))).join(' ');
  return {
    debug: (...msg: unknown[]) => logger.debug({ source: 'bolt' }, text(msg)),
    info: (...msg: unknown[]) => logger.debug({ source: 'bolt' }, text(msg)),
    warn: (...msg: unknown[]) => logger.warn({ source: 'bolt' }, text(msg)),
    error: (...msg: unknown[]) => logger.error({ source: 'bolt' }, text(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function safeString(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
