import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

/** Pages the bot's own connection lets the WAL grow to before it checkpoints itself (fallback only). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// Plain CommonJS for the worker: it only needs the driver, resolved by the parent.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies SQLite's write-ahead log into the database file from a worker thread,
 * every `everyMs`. Left to itself, the connection that commits checkpoints every
 * 1000 pages, copying 4 MB and syncing the file on the bot's event loop; here the
 * bot's connection only does so past FALLBACK_AUTOCHECKPOINT_PAGES (if this worker
 * is stopped or falls behind), and turns never wait for a checkpoint. PASSIVE
 * checkpoints never block writers or readers.
 */
export function startSqliteCheckpointer(
  file: string,
  logger: Logger,
  everyMs = 1000,
): { stop(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs } });
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) logger.warn({ err: message.error }, 'WAL checkpoint failed; retrying');
  });
  worker.on('error', (error) =>
    logger.warn({ err: error }, 'WAL checkpointer stopped; the bot checkpoints itself'),
  );
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 2000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage('stop');
      }),
  };
}
