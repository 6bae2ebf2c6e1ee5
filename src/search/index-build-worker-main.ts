import { parentPort, workerData } from 'node:worker_threads';
import { phrasingIndexBuffers } from './phrasing-index.js';
import { type IndexJob, produceIndex } from './produce-index.js';

// Entry of the index build worker: one job in, one compact index and its phrasings out (its arrays transferred, not copied).
const result = await produceIndex(workerData as IndexJob);
const { offsets, docs, weights } = result.compact;
parentPort?.postMessage(result, [
  ...([offsets.buffer, docs.buffer, weights.buffer] as ArrayBuffer[]),
  ...phrasingIndexBuffers(result.phrasings),
]);
