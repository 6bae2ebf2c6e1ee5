/**
 * npm run bench:chat [-- --users 50 --messages 40 --db sqlite,postgresql]
 * N concurrent simulated users talk to the real bot over the HTTP chat API
 * (real server, real database); prints messages/s and latency percentiles.
 */
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { machineInfo, percentile, writeResult } from './support/bench-report.js';
import { chatScript as script } from './support/chat-script.js';
import { postgresReachable, throwawayDatabase } from './support/throwaway-database.js';

process.env.DOTENV_CONFIG_QUIET = 'true';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    messages: { type: 'string', default: '40' },
    db: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const users = Number(values.users);
const perUser = Number(values.messages);

function post(
  agent: Agent,
  port: number,
  body: unknown,
): Promise<{ status: number; json: { conversation?: string } }> {
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
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function run(provider: 'sqlite' | 'postgresql') {
  const db = await throwawayDatabase(provider, 'bench_chat');
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: 'data' });
  const app = await createApp(config, { logger: pino({ level: 'silent' }) });
  await app.start();
  const agent = new Agent({ keepAlive: true, maxSockets: users });
  const latencies: number[] = [];
  let errors = 0;
  const user = async (u: number, count: number, record: boolean) => {
    let conversation: string | undefined;
    for (let i = 0; i < count; i++) {
      const text = script[(u + i) % script.length]!;
      const started = performance.now();
      const res = await post(agent, app.port, {
        user: `bench-user-${u}`,
        text,
        ...(conversation ? { conversation } : {}),
      });
      const ms = performance.now() - started;
      if (res.status !== 200) errors++;
      conversation = res.json.conversation ?? conversation;
      if (record) latencies.push(ms);
    }
  };
  // Warm-up: every user's first messages create users and conversations, JIT warms up.
  await Promise.all(Array.from({ length: users }, (_, u) => user(u, 3, false)));
  const started = performance.now();
  await Promise.all(Array.from({ length: users }, (_, u) => user(u, perUser, true)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await app.stop();
  await db.drop();
  return {
    provider,
    users,
    messages: latencies.length,
    errors,
    messagesPerSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p90Ms: round(percentile(latencies, 90)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

const providers = values.db.split(',').map((p) => p.trim()) as Array<'sqlite' | 'postgresql'>;
const results = [];
for (const provider of providers) {
  if (provider === 'postgresql' && !(await postgresReachable())) {
    console.log('postgresql: not reachable on 127.0.0.1:5432, skipped');
    continue;
  }
  const r = await run(provider);
  results.push(r);
  console.log(
    `${provider.padEnd(10)} ${String(r.messagesPerSecond).padStart(6)} msg/s  p50 ${r.p50Ms} ms  p90 ${r.p90Ms} ms  p99 ${r.p99Ms} ms  (${r.messages} messages, ${r.users} users, ${r.errors} errors)`,
  );
}
console.log(`machine: ${JSON.stringify(machineInfo())}`);
console.log(`written: ${writeResult('chat', { users, messagesPerUser: perUser, results })}`);
