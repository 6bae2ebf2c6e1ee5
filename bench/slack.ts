/**
 * npm run bench:slack [-- --users 40 --events 25 --db sqlite,postgresql]
 *
 * Signed Slack event requests (DMs, as Slack sends them) over HTTP, in the same run:
 *  - the whole bot: Bolt's HTTPReceiver on the bot's server → the turn pipeline
 *    (real intent engine, every module, real database) → chat.postMessage;
 *  - a bare Bolt app answering every message with a fixed text.
 * Both reply to the same local fake Slack Web API. N users talk at once, each
 * sending its next message once the previous one was answered. Prints events/s,
 * time to ack (the HTTP response) and time to reply (the chat.postMessage
 * arriving at the fake), and the bot/bare throughput ratio; writes JSON to
 * bench/results/slack.json.
 */
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadIntentMatcher } from '../src/nlu-matcher.js';
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

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '40' },
    events: { type: 'string', default: '25' },
    db: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const users = Number(values.users);
const perUser = Number(values.events);
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

interface Figures {
  readonly events: number;
  readonly errors: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly ackMs: { p50: number; p95: number; p99: number; max: number };
  readonly replyMs: { p50: number; p95: number; p99: number; max: number };
}

/** Waits for the fake to receive a chat.postMessage to a channel (the reply to that user's event). */
class ReplyWaiter {
  private readonly waiting = new Map<string, (at: number) => void>();
  constructor(fake: FakeSlackApi) {
    fake.onCall = (call: RecordedCall) => {
      if (call.method !== 'chat.postMessage' || call.status !== 200) return;
      const channel = String(call.args.channel);
      const done = this.waiting.get(channel);
      if (done) {
        this.waiting.delete(channel);
        done(performance.now());
      }
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

/** N users, each sending `count` DMs one after another; returns the figures of the recorded round. */
async function drive(
  port: number,
  waiter: ReplyWaiter,
  tag: string,
  count: number,
  record: boolean,
): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: users });
  const acks: number[] = [];
  const replies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const user = `U${tag}${String(u).padStart(4, '0')}`;
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
  const stats = (xs: number[]) => ({
    p50: round(percentile(xs, 50)),
    p95: round(percentile(xs, 95)),
    p99: round(percentile(xs, 99)),
    max: round(Math.max(...xs)),
  });
  if (!record)
    return { events: 0, errors, seconds, eventsPerSecond: 0, ackMs: stats([0]), replyMs: stats([0]) };
  return {
    events: replies.length,
    errors,
    seconds: round(seconds),
    eventsPerSecond: round(replies.length / seconds),
    ackMs: stats(acks),
    replyMs: stats(replies),
  };
}

async function benchBot(
  provider: 'sqlite' | 'postgresql',
  matcher: Awaited<ReturnType<typeof loadIntentMatcher>>,
) {
  const fake = new FakeSlackApi();
  fake.keepCalls = false;
  await fake.start();
  const db = await throwawayDatabase(provider, 'bench_slack');
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'data',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  const app = await createApp(config, { logger: pino({ level: 'silent' }), matcher });
  await app.start();
  const waiter = new ReplyWaiter(fake);
  try {
    await drive(app.port, waiter, 'B', 1, false); // first contact: users.info, new users, warm caches
    return await drive(app.port, waiter, 'B', perUser, true);
  } finally {
    await app.stop();
    await fake.stop();
    await db.drop();
  }
}

async function benchBareBolt() {
  const fake = new FakeSlackApi();
  fake.keepCalls = false;
  await fake.start();
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    token: 'xoxb-bench',
    botId: FAKE_BOT_ID,
    botUserId: FAKE_BOT_USER,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  app.message(async ({ say }) => {
    await say('Hello! This is a fixed answer.');
  });
  const server = await receiver.start(0);
  const port = (server.address() as AddressInfo).port;
  const waiter = new ReplyWaiter(fake);
  try {
    await drive(port, waiter, 'A', 1, false);
    return await drive(port, waiter, 'A', perUser, true);
  } finally {
    await receiver.stop();
    await fake.stop();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function print(name: string, f: Figures): void {
  console.log(
    `${name.padEnd(22)} ${String(f.eventsPerSecond).padStart(8)} events/s  ack p50 ${f.ackMs.p50} ms p99 ${f.ackMs.p99} ms  ` +
      `reply p50 ${f.replyMs.p50} ms p99 ${f.replyMs.p99} ms  (${f.events} events, ${f.errors} errors)`,
  );
}

const providers = values.db
  .split(',')
  .filter((p): p is 'sqlite' | 'postgresql' => p === 'sqlite' || p === 'postgresql');
const matcher = await loadIntentMatcher({ intentsDir: resolve('intents'), cacheDir: resolve('data/cache') });
console.log(
  `Slack events benchmark: ${users} users x ${perUser} DMs, closed loop (${machineInfo().cores} cores)`,
);
const bare = await benchBareBolt();
print('bare Bolt app', bare);
const bots: Record<string, Figures & { ratio: number }> = {};
for (const provider of providers) {
  if (provider === 'postgresql' && !(await postgresReachable())) {
    console.log('PostgreSQL not reachable: skipped');
    continue;
  }
  const figures = await benchBot(provider, matcher);
  bots[provider] = { ...figures, ratio: round(figures.eventsPerSecond / bare.eventsPerSecond) };
  print(`help desk bot (${provider})`, figures);
  console.log(`${''.padEnd(22)} throughput ratio bot/bare: ${bots[provider]!.ratio}`);
}
const file = writeResult('slack', {
  users,
  eventsPerUser: perUser,
  script,
  // Other work on the machine skews both sides; the ratio of the same run is the comparable figure.
  loadAverage1m: round(loadavg()[0] ?? 0),
  bareBolt: bare,
  bot: bots,
});
console.log(`written to ${file}`);
process.exit(0);
