import type { Logger } from 'pino';
import type { DatabaseProvider } from '../store/prisma-client.js';
import type { LiveBus } from './live-bus.js';
import { createMemoryLiveBus } from './memory-live-bus.js';
import { createPostgresLiveBus } from './postgres-live-bus.js';

/**
 * The live bus that matches the database: LISTEN/NOTIFY when instances share
 * PostgreSQL, an in-process fan-out on SQLite (one process owns the file).
 */
export function createLiveBus<T>(input: {
  provider: DatabaseProvider;
  databaseUrl: string;
  channel: string;
  logger: Logger;
  onReconnect?: () => void;
}): LiveBus<T> {
  if (input.provider === 'postgresql') {
    return createPostgresLiveBus<T>({
      url: input.databaseUrl,
      channel: input.channel,
      logger: input.logger,
      onReconnect: input.onReconnect,
    });
  }
  return createMemoryLiveBus<T>((error) => input.logger.error({ err: error }, 'live listener failed'));
}
