/**
 * npm run bench:teams [-- --users 20 --messages 30 --db sqlite,postgresql]
 *
 * Teams activities through the whole bot (CloudAdapter over real HTTP, user
 * lookup, intent engine, skills, database, Adaptive Card rendering, replies to a
 * local fake Bot Connector), beside a bare botbuilder echo bot driven the same
 * way in the same run. N users each send M personal-chat messages, one at a time;
 * prints activities/s and reply latency (activity sent → reply received by the
 * connector) and writes bench/results/teams.json.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { toBotRequest, toBotResponse } from '../src/channels/teams/node-http-bridge.js';
import { loadConfig } from '../src/config.js';
import { type ConnectorCall, FakeBotConnector } from '../test/channels/teams/fakes/fake-bot-connector.js';
import { personalMessage, teamsUser } from '../test/channels/teams/fakes/teams-activities.js';
import { machineInfo, percentile, writeResult } from './support/bench-report.js';
import { chatScript as script } from './support/chat-script.js';
import { postgresReachable, throwawayDatabase } from './support/throwaway-database.js';

process.env.DOTENV_CONFIG_QUIET = 'true';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '20' },
    messages: { type: 'string', default: '30' },
    db: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const users = Number(values.users);
const perUser = Number(values.messages);

interface Figures {
  readonly activities: number;
  readonly seconds: number;
  readonly activitiesPerSecond: number;
  readonly replyMs: { p50: number; p95: number; p99: number; max: number };
  /** CPU time of this process (bot, load generator and fake connector) per activity: steadier than wall time on a busy machine. */
  readonly cpuMsPerActivity: number;
  readonly errors: number;
}

/** Sends the load to `port`/api/messages and times each activity until its first reply reaches the connector. */
async function drive(port: number, connector: FakeBotConnector, label: string): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: users });
  const waiting = new Map<string, (call: ConnectorCall) => void>();
  connector.keepCalls = false;
  connector.onCall = (call) => {
    if (call.body?.type !== 'message' || !call.activityId) return;
    const resolve = waiting.get(call.activityId);
    if (resolve) {
      waiting.delete(call.activityId);
      resolve(call);
    }
  };
  const post = (activity: Record<string, unknown>) =>
    new Promise<number>((resolve, reject) => {
      const data = JSON.stringify(activity);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/messages',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(data);
    });

  const latencies: number[] = [];
  let errors = 0;
  const user = async (u: number, count: number, record: boolean) => {
    const who = teamsUser(`${label}${u}`, `Bench User ${u}`);
    for (let i = 0; i < count; i++) {
      const activity = personalMessage(connector.serviceUrl, who, script[(u + i) % script.length]!);
      const replied = new Promise<ConnectorCall>((resolve) => waiting.set(String(activity.id), resolve));
      const started = performance.now();
      const status = await post(activity);
      if (status !== 200) {
        errors++;
        waiting.delete(String(activity.id));
        continue;
      }
      const reply = await Promise.race([
        replied,
        new Promise<null>((r) => setTimeout(() => r(null), 10_000)),
      ]);
      if (!reply) {
        errors++;
        continue;
      }
      if (record) latencies.push((reply.receivedAt ?? performance.now()) - started);
    }
  };
  // Warm-up: first messages create users and conversations, and warm the JIT.
  await Promise.all(Array.from({ length: users }, (_, u) => user(u, 3, false)));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: users }, (_, u) => user(u, perUser, true)));
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  connector.onCall = null;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    activities: latencies.length,
    seconds: round(seconds),
    activitiesPerSecond: round(latencies.length / seconds),
    replyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(Math.max(...latencies)),
    },
    cpuMsPerActivity:
      Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length)) * 100) / 100,
    errors,
  };
}

/** The whole bot on a throwaway database, with the Teams endpoint on the shared HTTP server. */
async function pipeline(provider: 'sqlite' | 'postgresql', connector: FakeBotConnector): Promise<Figures> {
  const db = await throwawayDatabase(provider, 'bench_teams');
  const config = loadConfig({ DATABASE_URL: db.url, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
  const app = await createApp(config, { logger: pino({ level: 'silent' }) });
  await app.start();
  try {
    return await drive(app.port, connector, `p${provider[0]}`);
  } finally {
    await app.stop();
    await db.drop();
  }
}

/** A bare botbuilder bot that echoes each message: the floor the pipeline is compared with. */
async function echoBot(connector: FakeBotConnector): Promise<Figures> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }),
  );
  const server: Server = createServer((req, res) => {
    void toBotRequest(req)
      .then((body) =>
        adapter.process(body, toBotResponse(res), async (ctx) => {
          if (ctx.activity.type === 'message') await ctx.sendActivity(`echo: ${ctx.activity.text}`);
        }),
      )
      .catch(() => {
        res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await drive((server.address() as AddressInfo).port, connector, 'echo');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function main(): Promise<void> {
  const connector = new FakeBotConnector();
  await connector.start();
  const providers = (values.db ?? '')
    .split(',')
    .filter((p): p is 'sqlite' | 'postgresql' => p === 'sqlite' || p === 'postgresql');
  // Other work on the machine skews every figure; the load average says how much there was.
  const result: Record<string, unknown> = {
    users,
    messagesPerUser: perUser,
    script,
    loadAverageAtStart: loadavg(),
  };
  result.echoBot = await echoBot(connector);
  console.log('bare botbuilder echo bot', result.echoBot);
  for (const provider of providers) {
    if (provider === 'postgresql' && !(await postgresReachable())) {
      console.log('postgresql: not reachable, skipped');
      continue;
    }
    const figures = await pipeline(provider, connector);
    result[`pipeline_${provider}`] = figures;
    console.log(`whole pipeline on ${provider}`, figures);
  }
  await connector.close();
  const file = writeResult('teams', result);
  console.log(`machine: ${JSON.stringify(machineInfo())}\nwrote ${file}`);
}

await main();
