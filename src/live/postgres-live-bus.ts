import pg from 'pg';
import type { Logger } from 'pino';
import type { LiveBus } from './live-bus.js';
import { fanOut } from './live-bus.js';

export interface PostgresLiveBusOptions {
  readonly url: string;
  /** The NOTIFY channel; an SQL identifier. */
  readonly channel: string;
  readonly logger: Logger;
  /** Called after the listening connection came back: signals may have been missed meanwhile. */
  readonly onReconnect?: () => void;
  readonly reconnectMs?: number;
}

/**
 * Live signals through PostgreSQL LISTEN/NOTIFY, on one dedicated connection
 * (a pooled connection cannot LISTEN: the pool hands it to other queries).
 * Chosen over Redis pub/sub because PostgreSQL is already the shared database
 * of a multi-instance deployment: no extra server to run, secure and back up.
 * NOTIFY is delivered to every listening session of the database, the sender's
 * own included, in commit order; payloads are ids only (well under the 8000-byte limit).
 */
export function createPostgresLiveBus<T>(options: PostgresLiveBusOptions): LiveBus<T> {
  const { logger } = options;
  const channel = options.channel;
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid NOTIFY channel name: ${channel}`);
  const reconnectMs = options.reconnectMs ?? 1000;
  const listeners = new Set<(signal: T) => void>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let stopped = true;
  let retry: NodeJS.Timeout | null = null;
  let publishing: Promise<void> = Promise.resolve();

  function onNotification(message: pg.Notification): void {
    if (message.channel !== channel || !message.payload) return;
    let signal: T;
    try {
      signal = JSON.parse(message.payload) as T;
    } catch {
      logger.warn({ payload: message.payload.slice(0, 200) }, 'ignored a malformed live signal');
      return;
    }
    fanOut(listeners, signal, (error) => logger.error({ err: error }, 'live listener failed'));
  }

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString: options.url, application_name: 'helpdesk-live' });
    next.on('notification', onNotification);
    next.on('error', (error) => {
      logger.warn({ err: error }, 'live connection lost; reconnecting');
      lost(next);
    });
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    return next;
  }

  function lost(which: pg.Client): void {
    if (client !== which) return;
    client = null;
    which.removeAllListeners('notification');
    void which.end().catch(() => undefined);
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void ensureConnected()
        .then(() => options.onReconnect?.())
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'live connection failed; retrying');
          scheduleReconnect();
        });
    }, reconnectMs);
    retry.unref();
  }

  function ensureConnected(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    connecting ??= connect()
      .then((c) => {
        if (stopped) {
          void c.end().catch(() => undefined);
          throw new Error('live bus stopped');
        }
        client = c;
        return c;
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  }

  return {
    publish(signal) {
      // One query at a time on the dedicated connection (pg queues them, but that is deprecated).
      const sent = publishing.then(async () => {
        const c = await ensureConnected();
        await c.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(signal)]);
      });
      publishing = sent.catch(() => undefined);
      return sent;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      stopped = false;
      await ensureConnected();
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const c = client;
      client = null;
      listeners.clear();
      if (c) await c.end().catch(() => undefined);
    },
  };
}
