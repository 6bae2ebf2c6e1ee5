/**
 * npm run bench:slack [-- --users 40 --events 25 --db sqlite,postgresql]
 *
 * Signed Slack event requests (DMs, as Slack sends them) over HTTP:
 *  - the whole bot: Bolt's HTTPReceiver on the bot's server → the turn pipeline
 *    (real intent engine, every module, real database) → chat.postMessage;
 *  - a bare Bolt app answering every message with a fixed text.
 * The simulated users and the fake Slack Web API run in a worker thread (their own
 * event loop, as Slack is another machine); the app under test has the main thread.
 * N users talk at once, each sending its next message once the previous one was
 * answered. A bare-Bolt run is measured right before each bot run, so each ratio
 * compares the two under the same machine load. Prints events/s, time to ack (the
 * HTTP response) and time to reply (chat.postMessage arriving at the fake), and the
 * turns/s of the pipeline alone (no HTTP, no Slack: the ceiling of the bot's figure);
 * writes JSON to bench/results/slack.json.
 */
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type AppMatcher, loadIntentMatcher } from '../src/nlu-matcher.js';
import {
  FAKE_BOT_ID,
  FAKE_BOT_USER,
  FakeSlackApi,
  type RecordedCall,
} from '../test/channels/slack/fakes/fake-slack-api.js';
import { slackSignature } from '../test/channels/slack/fakes/signed-request.js';
import { directMessage, eventCallback } from '../test/channels/slack/fakes/slack-payloads.js';
import { machineInfo, percentile, writeResult } from './support/bench-report.js';
import { postgresReachable, throwawayDatabase } from './support/throwaway-database.js';

process.env.DOTENV_CONFIG_QUIET = 'true';

const SECRET = 'bench-signing-secret';
const REPLY_TIMEOUT_MS = 15_000;

/** What the simulated users write (greetings, help, docs, status, lists, thanks, out of scope). */
const script = [
  'hi there',
  'what can you do',
  'how do I set up two-factor authentication?',
  'status of 1042',
  'my open tickets',
  'thanks!',
  "what's the weather in paris",
  'hello again',
];

interface Stats {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

interface Figures {
  readonly events: number;
  readonly errors: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly ackMs: Stats;
  readonly replyMs: Stats;
}

interface DriverInput {
  readonly users: number;
  readonly perUser: number;
  readonly tag: string;
}

type DriverMessage =
  | { type: 'fake'; apiUrl: string }
  | { type: 'measuring' }
  | { type: 'figures'; figures: Figures }
  | { type: 'paced'; figures: Figures | null };

const round = (n: number) => Math.round(n * 100) / 100;

// ------------------------------------------------------------ load driver (worker thread)

/** Waits for the fake to receive a chat.postMessage to a channel (the reply to that user's event). */
class ReplyWaiter {
  private readonly waiting = new Map<string, (at: number) => void>();
  constructor(fake: FakeSlackApi) {
    fake.onCall = (call: RecordedCall) => {
      if (call.method !== 'chat.postMessage' || call.status !== 200) return;
      const done = this.waiting.get(String(call.args.channel));
      if (!done) return;
      this.waiting.delete(String(call.args.channel));
      done(performance.now());
    };
  }
  next(channel: string): Promise<number> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(channel);
        reject(new Error(`no reply in ${channel}`));
      }, REPLY_TIMEOUT_MS);
      this.waiting.set(channel, (at) => {
        clearTimeout(timer);
        resolvePromise(at);
      });
    });
  }
}

function postSigned(agent: Agent, port: number, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(SECRET, timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolvePromise(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** N users, each sending `count` DMs one after another. */
async function drive(port: number, waiter: ReplyWaiter, input: DriverInput, count: number): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: input.users });
  const acks: number[] = [];
  const replies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: input.users }, async (_, u) => {
      const user = `U${input.tag}${String(u).padStart(4, '0')}`;
      const channel = `D${user.slice(1)}`;
      for (let i = 0; i < count; i++) {
        const body = JSON.stringify(eventCallback(directMessage(user, script[(u + i) % script.length]!)));
        const replied = waiter.next(channel);
        const sent = performance.now();
        try {
          const status = await postSigned(agent, port, body);
          const acked = performance.now();
          if (status !== 200) throw new Error(`HTTP ${status}`);
          const at = await replied;
          acks.push(acked - sent);
          replies.push(at - sent);
        } catch {
          errors++;
          replied.catch(() => undefined);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return figuresOf(acks, replies, errors, seconds);
}

function figuresOf(acks: number[], replies: number[], errors: number, seconds: number): Figures {
  const stats = (xs: number[]): Stats => ({
    p50: round(percentile(xs, 50)),
    p95: round(percentile(xs, 95)),
    p99: round(percentile(xs, 99)),
    max: round(xs.length ? Math.max(...xs) : Number.NaN),
  });
  return {
    events: replies.length,
    errors,
    seconds: round(seconds),
    eventsPerSecond: round(replies.length / seconds),
    ackMs: stats(acks),
    replyMs: stats(replies),
  };
}

async function runDriver(input: DriverInput): Promise<void> {
  const port = parentPort!;
  const fake = new FakeSlackApi();
  fake.keepCalls = false;
  await fake.start();
  const waiter = new ReplyWaiter(fake);
  const appPort = await new Promise<number>((resolvePromise) => {
    port.once('message', (m: { port: number }) => resolvePromise(m.port));
    port.postMessage({ type: 'fake', apiUrl: fake.apiUrl } satisfies DriverMessage);
  });
  await drive(appPort, waiter, input, 1); // first contact: users.info, new users, warm caches
  port.postMessage({ type: 'measuring' } satisfies DriverMessage);
  const figures = await drive(appPort, waiter, input, input.perUser);
  const rate = await new Promise<number>((resolvePromise) => {
    port.once('message', (m: { rate: number }) => resolvePromise(m.rate));
    port.postMessage({ type: 'figures', figures } satisfies DriverMessage);
  });
  const paced = rate > 0 ? await pace(appPort, waiter, input, rate) : null;
  await fake.stop();
  port.postMessage({ type: 'paced', figures: paced } satisfies DriverMessage);
}

/**
 * Open loop: events at a steady `rate` per second whatever the answers, as Slack
 * sends them, spread over the same (warm) users; each user has one message in
 * flight at most. Measures ack and reply times below saturation.
 */
async function pace(port: number, waiter: ReplyWaiter, input: DriverInput, rate: number): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: input.users });
  const busy = new Set<number>();
  const acks: number[] = [];
  const replies: number[] = [];
  let errors = 0;
  const total = Math.max(50, Math.round(rate * 10));
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const u = Array.from({ length: input.users }, (_, k) => (n + k) % input.users).find((k) => !busy.has(k));
    if (u === undefined) {
      errors++;
      continue;
    }
    busy.add(u);
    const user = `U${input.tag}${String(u).padStart(4, '0')}`;
    const body = JSON.stringify(eventCallback(directMessage(user, script[n % script.length]!)));
    const replied = waiter.next(`D${user.slice(1)}`);
    const sent = performance.now();
    inFlight.push(
      postSigned(agent, port, body)
        .then(async (status) => {
          const acked = performance.now();
          if (status !== 200) throw new Error(`HTTP ${status}`);
          const at = await replied;
          acks.push(acked - sent);
          replies.push(at - sent);
        })
        .catch(() => {
          errors++;
          replied.catch(() => undefined);
        })
        .finally(() => busy.delete(u)),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return figuresOf(acks, replies, errors, (performance.now() - started) / 1000);
}

// ------------------------------------------------------------------- apps (main thread)

interface RunningApp {
  readonly port: number;
  stop(): Promise<void>;
}

/** What a measured run cost the app's thread: busy milliseconds per event (event loop utilisation). */
interface MainThreadCost {
  readonly busyMsPerEvent: number;
}

/** A closed-loop run, and optionally an open-loop run at a share of its throughput. */
interface Measured {
  readonly closed: Figures & MainThreadCost;
  readonly paced: Figures | null;
}

/**
 * Starts a load driver, then the app on the driver's fake Web API; returns the
 * closed-loop figures and, when `pacedShare` is set, an open-loop run at that share
 * of the closed-loop throughput.
 */
function measure(
  input: DriverInput,
  start: (apiUrl: string) => Promise<RunningApp>,
  pacedShare = 0,
): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    // The worker runs this same TypeScript file: it registers tsx's loader before importing it.
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: input });
    let app: RunningApp | null = null;
    let closed: (Figures & MainThreadCost) | null = null;
    let before = performance.eventLoopUtilization();
    worker.on('error', reject);
    worker.on('message', (m: DriverMessage) => {
      switch (m.type) {
        case 'fake':
          start(m.apiUrl).then((running) => {
            app = running;
            worker.postMessage({ port: running.port });
          }, reject);
          return;
        case 'measuring':
          before = performance.eventLoopUtilization();
          return;
        case 'figures': {
          const used = performance.eventLoopUtilization(before);
          closed = { ...m.figures, busyMsPerEvent: round(used.active / Math.max(1, m.figures.events)) };
          worker.postMessage({ rate: round(m.figures.eventsPerSecond * pacedShare) });
          return;
        }
        case 'paced':
          void (app as RunningApp | null)
            ?.stop()
            .then(() => worker.terminate())
            .then(() => resolvePromise({ closed: closed!, paced: m.figures }), reject);
          return;
      }
    });
  });
}

async function startBareBolt(apiUrl: string): Promise<RunningApp> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    token: 'xoxb-bench',
    botId: FAKE_BOT_ID,
    botUserId: FAKE_BOT_USER,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
  });
  app.message(async ({ say }) => {
    await say('Hello! This is a fixed answer.');
  });
  const server = await receiver.start(0);
  return { port: (server.address() as AddressInfo).port, stop: () => receiver.stop() };
}

function startBot(provider: 'sqlite' | 'postgresql', matcher: AppMatcher) {
  return async (apiUrl: string): Promise<RunningApp> => {
    const db = await throwawayDatabase(provider, 'bench_slack');
    const config = loadConfig({
      DATABASE_URL: db.url,
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'data',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: apiUrl,
    });
    const app = await createApp(config, { logger: pino({ level: 'silent' }), matcher });
    await app.start();
    return {
      port: app.port,
      async stop() {
        await app.stop();
        await db.drop();
      },
    };
  };
}

/**
 * The same users and messages straight into the turn pipeline (no HTTP, no Slack):
 * how many turns the bot itself can take, the ceiling of the Slack figures.
 */
async function pipelineOnly(
  provider: 'sqlite' | 'postgresql',
  matcher: AppMatcher,
  users: number,
  perUser: number,
) {
  const db = await throwawayDatabase(provider, 'bench_slack_pipeline');
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: 'data' });
  const app = await createApp(config, { logger: pino({ level: 'silent' }), matcher, http: false });
  await app.start();
  const turn = (u: number, i: number, round: string) =>
    app.bot.handle({
      eventId: `${round}-${u}-${i}`,
      channel: 'slack',
      workspace: 'T0BENCH',
      conversationKey: `D${u}`,
      user: { externalId: `U${u}` },
      text: script[(u + i) % script.length]!,
      attachments: [],
    });
  const run = async (count: number, round: string) => {
    await Promise.all(
      Array.from({ length: users }, async (_, u) => {
        for (let i = 0; i < count; i++) await turn(u, i, round);
      }),
    );
  };
  await run(1, 'warm');
  const started = performance.now();
  const before = performance.eventLoopUtilization();
  await run(perUser, 'measured');
  const used = performance.eventLoopUtilization(before);
  const seconds = (performance.now() - started) / 1000;
  await app.stop();
  await db.drop();
  return {
    turns: users * perUser,
    seconds: round(seconds),
    turnsPerSecond: round((users * perUser) / seconds),
    busyMsPerTurn: round(used.active / (users * perUser)),
  };
}

function print(name: string, f: Figures & MainThreadCost): void {
  console.log(
    `${name.padEnd(26)} ${String(f.eventsPerSecond).padStart(7)} events/s  ack p50 ${f.ackMs.p50} ms p99 ${f.ackMs.p99} ms  ` +
      `reply p50 ${f.replyMs.p50} ms p99 ${f.replyMs.p99} ms  app thread ${f.busyMsPerEvent} ms/event  (${f.events} events, ${f.errors} errors)`,
  );
}

function printPaced(name: string, f: Figures): void {
  console.log(
    `${name.padEnd(26)} ${String(f.eventsPerSecond).padStart(7)} events/s  ack p50 ${f.ackMs.p50} ms p99 ${f.ackMs.p99} ms  ` +
      `reply p50 ${f.replyMs.p50} ms p99 ${f.replyMs.p99} ms  (open loop, ${f.events} events, ${f.errors} errors)`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '40' },
      events: { type: 'string', default: '25' },
      db: { type: 'string', default: 'sqlite,postgresql' },
    },
  });
  const users = Number(values.users);
  const perUser = Number(values.events);
  const providers = values.db
    .split(',')
    .filter((p): p is 'sqlite' | 'postgresql' => p === 'sqlite' || p === 'postgresql');
  const matcher = await loadIntentMatcher({
    intentsDir: resolve('intents'),
    cacheDir: resolve('data/cache'),
  });
  console.log(
    `Slack events benchmark: ${users} users x ${perUser} DMs, closed loop, ${machineInfo().cores} cores, load ${round(loadavg()[0] ?? 0)}`,
  );
  const runs: Record<
    string,
    {
      bareBolt: Figures & MainThreadCost;
      bot: Figures & MainThreadCost;
      /** Open loop at half the bot's closed-loop throughput: ack and reply times below saturation. */
      botAtHalfLoad: Figures | null;
      ratio: number;
      pipelineOnly: { turns: number; seconds: number; turnsPerSecond: number; busyMsPerTurn: number };
      loadAverage1m: number;
    }
  > = {};
  for (const provider of providers) {
    if (provider === 'postgresql' && !(await postgresReachable())) {
      console.log('PostgreSQL not reachable: skipped');
      continue;
    }
    const bare = (await measure({ users, perUser, tag: `A${provider[0]}` }, startBareBolt)).closed;
    const measured = await measure(
      { users, perUser, tag: `B${provider[0]}` },
      startBot(provider, matcher),
      0.5,
    );
    const bot = measured.closed;
    const ratio = round(bot.eventsPerSecond / bare.eventsPerSecond);
    const pipeline = await pipelineOnly(provider, matcher, users, perUser);
    // Other work on the machine skews both sides; the ratio of adjacent runs is the comparable figure.
    runs[provider] = {
      bareBolt: bare,
      bot,
      botAtHalfLoad: measured.paced,
      ratio,
      pipelineOnly: pipeline,
      loadAverage1m: round(loadavg()[0] ?? 0),
    };
    print('bare Bolt app', bare);
    print(`help desk bot (${provider})`, bot);
    if (measured.paced) printPaced(`  at half load`, measured.paced);
    console.log(`${''.padEnd(26)} throughput ratio bot/bare: ${ratio}`);
    console.log(
      `${'turn pipeline only'.padEnd(26)} ${String(pipeline.turnsPerSecond).padStart(7)} turns/s   app thread ${pipeline.busyMsPerTurn} ms/turn (no HTTP, no Slack)`,
    );
  }
  const file = writeResult('slack', { users, eventsPerUser: perUser, script, runs });
  console.log(`written to ${file}`);
}

if (isMainThread) {
  await main();
  process.exit(0);
} else {
  await runDriver(workerData as DriverInput);
}
