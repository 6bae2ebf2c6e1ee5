/**
 * npm run bench:handoff [-- --chats 200 --agents 20 --sample 20 --messages 20 --pace 500 --db sqlite,postgresql]
 * The whole bot (every module, real intent engine and ticket module) on a fresh
 * database. Measures:
 * - queue throughput: users asking for a person at once (escalations/s), agents claiming at once (claims/s);
 * - relay latency user → agent: from the user's message entering the bot to the agent desk's
 *   live event (on PostgreSQL also to a second instance, through LISTEN/NOTIFY);
 * - relay latency agent → user: from the agent's reply to the user's channel delivering it;
 * each for one chat alone, for --sample chats at once each exchanging a message every
 * --pace ms (a busy desk), and for the same chats flat out (no pause: the most exchanges/s).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { type App, createApp } from '../src/app.js';
import type { AppModule } from '../src/app-module.js';
import { appModules } from '../src/app-modules.js';
import { loadConfig } from '../src/config.js';
import type { Channel } from '../src/core/channel.js';
import { replyToPlainText } from '../src/core/reply.js';
import type { UserProfile } from '../src/domain/user.js';
import type { AgentDesk } from '../src/skills/handoff/agent-desk.js';
import { percentile, writeResult } from './support/bench-report.js';
import { postgresReachable, throwawayDatabase } from './support/throwaway-database.js';

process.env.DOTENV_CONFIG_QUIET = 'true';

const { values } = parseArgs({
  options: {
    chats: { type: 'string', default: '200' },
    agents: { type: 'string', default: '20' },
    sample: { type: 'string', default: '20' },
    messages: { type: 'string', default: '20' },
    pace: { type: 'string', default: '500' },
    db: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const CHATS = Number(values.chats);
const AGENTS = Number(values.agents);
const SAMPLE = Math.min(Number(values.sample), CHATS);
const MESSAGES = Number(values.messages);
const PACE_MS = Number(values.pace);

/** Waits for a key to be marked seen; records when. */
class Arrivals {
  private readonly waiting = new Map<string, (at: number) => void>();
  private readonly early = new Map<string, number>();
  seen(key: string): void {
    const at = performance.now();
    const resolve = this.waiting.get(key);
    if (resolve) {
      this.waiting.delete(key);
      resolve(at);
    } else this.early.set(key, at);
  }
  wait(key: string, timeoutMs = 10_000): Promise<number> {
    const early = this.early.get(key);
    if (early !== undefined) {
      this.early.delete(key);
      return Promise.resolve(early);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${key} never arrived`)), timeoutMs);
      this.waiting.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

/** A stand-in for the web chat's channel that notes when each reply is handed over for delivery. */
function deliveryProbe(arrivals: Arrivals): AppModule {
  const channel: Channel = {
    name: 'web',
    start: async () => undefined,
    stop: async () => undefined,
    async deliver(_target, replies) {
      for (const r of replies) arrivals.seen(replyToPlainText(r));
    },
  };
  return { name: 'delivery-probe', create: () => ({ channels: [channel] }) };
}

function stats(samples: number[]) {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
  };
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function startApp(url: string, probe?: Arrivals): Promise<App> {
  const config = loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: 'data' });
  const app = await createApp(config, {
    http: false,
    logger: pino({ level: 'silent' }),
    modules: [...appModules, ...(probe ? [deliveryProbe(probe)] : [])],
  });
  await app.start();
  return app;
}

/** Median time of one small indexed query through the app's database client. */
async function queryCost(app: App) {
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await app.services.db.handoff.findFirst({ where: { conversationId: 'none', status: 'pending' } });
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

function say(app: App, user: string, text: string) {
  return app.bot.handle({
    channel: 'web',
    workspace: '',
    conversationKey: `bench-${user}`,
    user: { externalId: user },
    text,
    attachments: [],
  });
}

async function run(provider: 'sqlite' | 'postgresql') {
  const database = await throwawayDatabase(provider, 'bench_handoff');
  const delivered = new Arrivals();
  const app = await startApp(database.url, delivered);
  // A second instance on PostgreSQL: live events cross to it, and its outbox dispatcher delivers too.
  const second = provider === 'postgresql' ? await startApp(database.url, delivered) : null;
  const desk = app.services.shared.agentDesk as AgentDesk;
  const db = app.services.db;
  try {
    const agents: UserProfile[] = [];
    for (let i = 0; i < AGENTS; i++) {
      const id = `bench-agent-${i}`;
      await db.user.create({
        data: {
          id,
          accountId: 'acc_support',
          displayName: `Agent ${i}`,
          role: 'agent',
          kind: 'brand',
          identities: { create: { channel: 'web', workspace: '', externalId: id } },
          agent: {
            create: {
              availability: 'online',
              maxChats: CHATS,
              teams: { create: { teamId: 'team_general' } },
            },
          },
        },
      });
      agents.push((await app.services.users.byId(id))!);
    }

    // Queue throughput: everyone asks for a person at once (20 in flight).
    const users = Array.from({ length: CHATS }, (_, i) => `bench-user-${i}`);
    let started = performance.now();
    let refused = 0;
    await pool(users, 20, async (u) => {
      const turn = await say(app, u, 'I want to talk to an agent');
      if (!turn.replies.some((r) => /in line/.test(replyToPlainText(r)))) refused++;
    });
    const escalateSeconds = (performance.now() - started) / 1000;
    const queue = await desk.queue();

    // Every agent claims from the front of the queue at once.
    started = performance.now();
    let lostRaces = 0;
    const claimedBy = new Map<string, UserProfile>();
    await Promise.all(
      agents.map(async (agent) => {
        for (;;) {
          const waiting = (await desk.queue()).filter((c) => c.status === 'pending');
          if (waiting.length === 0) return;
          const pick = waiting[Math.floor(Math.random() * Math.min(3, waiting.length))]!;
          const result = await desk.claim(agent, pick.handoffId);
          if (result.ok) claimedBy.set(pick.handoffId, agent);
          else lostRaces++;
        }
      }),
    );
    const claimSeconds = (performance.now() - started) / 1000;

    // The claims queued a notice per user and position updates: relays are measured once they are out.
    started = performance.now();
    while ((await db.outboundMessage.count({ where: { status: 'pending' } })) > 0) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const drainSeconds = (performance.now() - started) / 1000;
    const noticesSent = await db.outboundMessage.count({ where: { status: 'sent' } });

    // Relay latency, both ways: one chat at a time (the latency itself), then a sample
    // of chats talking at the same time (latency under load).
    const toAgent = new Arrivals();
    const toOtherInstance = new Arrivals();
    desk.subscribe((e) => {
      if (e.type === 'user-message') toAgent.seen(e.entry.text);
    });
    second?.services.shared.agentDesk?.subscribe((e) => {
      if (e.type === 'user-message') toOtherInstance.seen(e.entry.text);
    });
    const sample = queue.slice(0, SAMPLE);
    const rows = await db.handoff.findMany({ where: { id: { in: sample.map((c) => c.handoffId) } } });
    const identities = await db.channelIdentity.findMany({
      where: { userId: { in: rows.map((h) => h.userId) } },
    });
    const webIdOf = new Map(
      rows.map((h) => [h.id, identities.find((i) => i.userId === h.userId)!.externalId]),
    );

    const relay = async (chats: typeof sample, messages: number, round: string, paceMs = 0) => {
      const userToAgent: number[] = [];
      const userToOtherInstance: number[] = [];
      const agentToUser: number[] = [];
      const begun = performance.now();
      await Promise.all(
        chats.map(async (chat, c) => {
          const webId = webIdOf.get(chat.handoffId)!;
          const agent = claimedBy.get(chat.handoffId)!;
          for (let i = 0; i < messages; i++) {
            if (paceMs > 0) {
              // Each chat exchanges one message each way every paceMs, the chats spread over that time.
              const at = begun + (paceMs * c) / chats.length + i * paceMs;
              await new Promise((r) => setTimeout(r, Math.max(0, at - performance.now())));
            }
            const text = `${round} question ${i} from ${webId}`;
            const sent = performance.now();
            const arrivedHere = toAgent.wait(text);
            const arrivedThere = second ? toOtherInstance.wait(text) : null;
            await say(app, webId, text);
            userToAgent.push((await arrivedHere) - sent);
            if (arrivedThere) userToOtherInstance.push((await arrivedThere) - sent);

            const answer = `${round} answer ${i} for ${webId}`;
            const replied = performance.now();
            const arrivedAtUser = delivered.wait(answer);
            await desk.reply(agent, chat.handoffId, answer);
            agentToUser.push((await arrivedAtUser) - replied);
          }
        }),
      );
      const seconds = (performance.now() - begun) / 1000;
      return {
        chatsAtOnce: chats.length,
        messagesPerChat: messages,
        ...(paceMs > 0 ? { oneExchangePerChatEveryMs: paceMs } : {}),
        exchangesPerSecond: Math.round((chats.length * messages) / seconds),
        userToAgent: stats(userToAgent),
        ...(second ? { userToAgentOnAnotherInstance: stats(userToOtherInstance) } : {}),
        agentToUser: stats(agentToUser),
      };
    };
    const oneChat = await relay(sample.slice(0, 1), MESSAGES * 5, 'single');
    const manyChats = await relay(sample, MESSAGES, 'many', PACE_MS);
    const manyChatsFlatOut = await relay(sample, MESSAGES, 'flat-out');

    return {
      chats: CHATS,
      agents: AGENTS,
      queue: {
        escalations: CHATS,
        notQueued: refused,
        escalationsPerSecond: Math.round((CHATS / escalateSeconds) * 10) / 10,
        claims: claimedBy.size,
        lostClaimRaces: lostRaces,
        claimsPerSecond: Math.round((claimedBy.size / claimSeconds) * 10) / 10,
        noticesAfterClaims: noticesSent,
        noticesDrainedSeconds: Math.round(drainSeconds * 10) / 10,
      },
      relayMs: { oneChat, manyChats, manyChatsFlatOut },
      // Context for the figures: this machine's load and what one small query costs right now
      // (a relay is about ten sequential queries, see the report).
      loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
      oneQueryMs: await queryCost(app),
    };
  } finally {
    await second?.stop();
    await app.stop();
    await database.drop();
  }
}

const providers = values.db.split(',').map((p) => p.trim()) as Array<'sqlite' | 'postgresql'>;
const results: Record<string, unknown> = {};
for (const provider of providers) {
  if (provider === 'postgresql' && !(await postgresReachable())) {
    console.log('postgresql: not reachable, skipped');
    continue;
  }
  console.log(`${provider}: ${CHATS} chats, ${AGENTS} agents…`);
  const result = await run(provider);
  results[provider] = result;
  console.log(JSON.stringify(result, null, 2));
}
const file = writeResult('handoff', {
  ...results,
  target: 'relay p99 ≤ 50 ms locally',
});
console.log(`written to ${file}`);
process.exit(0);
