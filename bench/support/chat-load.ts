/**
 * The chat benchmark's simulated users, in a worker thread so that their HTTP
 * and JSON work does not share the bot's event loop. Two kinds of load:
 * - closed: every user sends its next message as soon as the reply arrives (saturation);
 * - rate: users together send `rate` messages per second on a fixed schedule, each
 *   waiting for its previous reply; latency counts from the scheduled time, so a
 *   bot that falls behind is not flattered (no coordinated omission).
 */
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { chatScript } from './chat-script.js';

export interface LoadRequest {
  readonly port: number;
  readonly users: number;
  readonly perUser: number;
  readonly mode: 'closed' | 'rate';
  /** Messages per second for all users together (mode `rate`). */
  readonly rate?: number;
  /** Conversations from an earlier warm-up, per user. */
  readonly conversations?: readonly (string | undefined)[];
}

export interface LoadResult {
  readonly latencies: number[];
  readonly errors: number;
  readonly seconds: number;
  readonly conversations: (string | undefined)[];
}

function post(agent: Agent, port: number, body: unknown): Promise<{ status: number; conversation?: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/chat',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let conversation: string | undefined;
          try {
            conversation = (JSON.parse(Buffer.concat(chunks).toString()) as { conversation?: string })
              .conversation;
          } catch {
            conversation = undefined;
          }
          resolve({ status: res.statusCode ?? 0, conversation });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function run(load: LoadRequest): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: load.users });
  const latencies: number[] = [];
  const conversations = [...(load.conversations ?? Array.from({ length: load.users }, () => undefined))];
  let errors = 0;
  const interval = load.mode === 'rate' ? (1000 * load.users) / (load.rate ?? 1) : 0;
  const started = performance.now();
  const user = async (u: number) => {
    // Users start spread over one interval, so the rate is even from the first second.
    const offset = (interval * u) / load.users;
    for (let i = 0; i < load.perUser; i++) {
      const scheduled = started + offset + i * interval;
      if (load.mode === 'rate') await sleep(scheduled - performance.now());
      const sent = load.mode === 'rate' ? scheduled : performance.now();
      const text = chatScript[(u + i) % chatScript.length]!;
      const conversation = conversations[u];
      try {
        const res = await post(agent, load.port, {
          user: `bench-user-${u}`,
          text,
          ...(conversation ? { conversation } : {}),
        });
        if (res.status !== 200) errors++;
        conversations[u] = res.conversation ?? conversation;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: load.users }, (_, u) => user(u)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, errors, seconds, conversations };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as LoadRequest).then(
    (result) => port.postMessage(result),
    (error: unknown) => {
      throw error;
    },
  );
}
