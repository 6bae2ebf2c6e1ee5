/**
 * npm run bench:chat [-- --users 50 --messages 40 --rate 500 --db sqlite,postgresql]
 *
 * N simulated users talk to the real bot over the HTTP chat API (real server, real
 * database, real intent engine and skills). The users run in a worker thread
 * (bench/support/chat-load.ts), as separate clients would. Two measurements per
 * database:
 * - saturation: each user sends its next message as soon as the reply arrives; gives
 *   the most messages/s the bot serves (latency there is N ÷ throughput by Little's law);
 * - at rate: the users together send --rate messages/s on a schedule; gives p50/p99
 *   latency at that load, counted from each message's scheduled time.
 * Also: CPU time of the bot's thread per message, steadier than wall time on a busy machine.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { machineInfo, percentile, writeResult } from './support/bench-report.js';
import type { LoadRequest, LoadResult } from './support/chat-load.js';
import { postgresReachable, throwawayDatabase } from './support/throwaway-database.js';

process.env.DOTENV_CONFIG_QUIET = 'true';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    messages: { type: 'string', default: '40' },
    rate: { type: 'string', default: '500' },
    db: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const users = Number(values.users);
const perUser = Number(values.messages);
const rate = Number(values.rate);

function load(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The worker loads TypeScript through tsx's API, as this script does.
    const entry = new URL('./support/chat-load.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: request });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const round = (n: number) => Math.round(n * 100) / 100;

function figures(result: LoadResult, busyMs: number) {
  return {
    messages: result.latencies.length,
    errors: result.errors,
    messagesPerSecond: Math.round(result.latencies.length / result.seconds),
    p50Ms: round(percentile(result.latencies, 50)),
    p90Ms: round(percentile(result.latencies, 90)),
    p99Ms: round(percentile(result.latencies, 99)),
    botCpuMsPerMessage: round(busyMs / result.latencies.length),
  };
}

/**
 * CPU time of the bot's main thread in ms (Linux: /proc, the clock-tick counts of
 * this thread only, without the load worker); the whole process's CPU time elsewhere.
 */
function botThreadMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return process.cpuUsage().user / 1000;
  }
}

/** Runs `request` and measures the bot thread's CPU time meanwhile. */
async function measured(request: LoadRequest) {
  const before = botThreadMs();
  const result = await load(request);
  return { result, figures: figures(result, botThreadMs() - before) };
}

async function run(provider: 'sqlite' | 'postgresql') {
  const db = await throwawayDatabase(provider, 'bench_chat');
  // All simulated users share one address and send far faster than people: no rate limit.
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'data',
    WEB_CHAT_LIMIT_PER_ADDRESS: '0',
    WEB_CHAT_LIMIT_PER_USER: '0',
  });
  const app = await createApp(config, { logger: pino({ level: 'silent' }) });
  await app.start();
  const port = app.port;
  // Warm-up: every user's first messages create users and conversations; the JIT warms up.
  const warm = await load({ port, users, perUser: 5, mode: 'closed' });
  const conversations = warm.conversations;
  const saturation = await measured({ port, users, perUser, mode: 'closed', conversations });
  const atRate = await measured({ port, users, perUser, mode: 'rate', rate, conversations });
  await app.stop();
  await db.drop();
  return { provider, users, saturation: saturation.figures, atRate: { rate, ...atRate.figures } };
}

const providers = values.db.split(',').map((p) => p.trim()) as Array<'sqlite' | 'postgresql'>;
const results = [];
for (const provider of providers) {
  if (provider === 'postgresql' && !(await postgresReachable())) {
    console.log('postgresql: not reachable on 127.0.0.1:5432, skipped');
    continue;
  }
  const r = await run(provider);
  results.push(r);
  const s = r.saturation;
  const a = r.atRate;
  console.log(
    `${provider.padEnd(10)} saturation ${String(s.messagesPerSecond).padStart(5)} msg/s (p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, ${s.errors} errors)  ` +
      `at ${rate} msg/s: served ${a.messagesPerSecond} msg/s, p50 ${a.p50Ms} ms, p99 ${a.p99Ms} ms (${a.errors} errors)  ` +
      `bot thread CPU ${s.botCpuMsPerMessage} ms/message`,
  );
}
console.log(`machine: ${JSON.stringify(machineInfo())}`);
console.log(`written: ${writeResult('chat', { users, messagesPerUser: perUser, rate, results })}`);
