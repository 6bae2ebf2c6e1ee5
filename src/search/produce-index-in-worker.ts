import { Worker } from 'node:worker_threads';
import type { IndexJob, IndexJobResult } from './produce-index.js';

/**
 * Runs {@link IndexJob} in a worker thread so a rebuild never blocks the bot's
 * event loop. Rejects if the worker cannot start or fails.
 */
export function produceIndexInWorker(job: IndexJob): Promise<IndexJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-build-worker.mjs', import.meta.url), { workerData: job });
    let settled = false;
    worker.once('message', (result: IndexJobResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`index build worker exited with code ${code} before answering`));
    });
  });
}
