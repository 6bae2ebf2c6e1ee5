import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { UserProfile } from '../../../src/domain/user.js';
import { createHandoffModule, type HandoffInternals } from '../../../src/skills/handoff/handoff-module.js';
import { Chat } from '../../support/conversation.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';
import { type AgentRunResult, type RelayLog, recordRelays, runAgents } from './claim-agents.js';
import { fakeTicketsModule } from './fake-tickets.js';
import { handoffRules } from './handoff-kit.js';

const CHATS = Number(process.env.HANDOFF_LOAD_CHATS ?? 200);
const AGENTS = Number(process.env.HANDOFF_LOAD_AGENTS ?? 20);
const MESSAGES = 2;

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function startWorker(url: string, agents: string[]) {
  const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const worker = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [tsx, worker], {
    env: { ...process.env, DATABASE_URL: url, AGENTS: agents.join(','), EXPECTED: String(MESSAGES) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (process.env.WORKER_LOG_FILE) appendFileSync(process.env.WORKER_LOG_FILE, d);
  });
  const lines = createInterface({ input: child.stdout });
  let onReady: () => void;
  const ready = new Promise<void>((r) => {
    onReady = r;
  });
  const result = new Promise<{ run: AgentRunResult; relays: RelayLog }>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') onReady();
      if (line.startsWith('result ')) resolve(JSON.parse(line.slice(7)));
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`claim worker exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
  return { child, ready, result, go: () => child.stdin.write('go\n') };
}

describe.skipIf(!testProviders().includes('postgresql'))(
  'claiming live chats from two bot processes on PostgreSQL',
  () => {
    let database: TestDatabase;
    let app: App | null = null;
    afterAll(async () => {
      await app?.stop();
      await database?.drop();
    });

    it(`${CHATS} escalations, ${AGENTS} agents at once: each chat claimed once, none lost, every relay once and in order`, async () => {
      database = await createTestDatabase('postgresql');
      const db = database.prisma;
      let inner: HandoffInternals | null = null;
      app = await createApp(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), {
        http: false,
        logger: pino({ level: process.env.WORKER_LOG_LEVEL ?? 'silent' }),
        matcher: keywordMatcher(handoffRules),
        modules: [
          fakeTicketsModule(),
          createHandoffModule({
            onCreated: (i) => {
              inner = i;
            },
          }),
        ],
      });
      // After createApp: it seeds the accounts the agents belong to.
      const agentIds = Array.from({ length: AGENTS }, (_, i) => `agent${String(i + 1).padStart(2, '0')}`);
      for (const id of agentIds) {
        await db.user.create({
          data: {
            id: `usr_${id}`,
            accountId: 'acc_support',
            displayName: `Agent ${id}`,
            role: 'agent',
            kind: 'brand',
            identities: { create: { channel: 'web', workspace: '', externalId: id } },
            agent: {
              create: { availability: 'online', maxChats: 3, teams: { create: { teamId: 'team_general' } } },
            },
          },
        });
      }
      await app.start();
      const desk = (inner as unknown as HandoffInternals).desk;
      const localRelays = recordRelays(desk);
      const worker = startWorker(database.url, agentIds.slice(AGENTS / 2));
      await worker.ready;

      // 200 users ask for a person and write once while waiting.
      const started = performance.now();
      const users = Array.from({ length: CHATS }, (_, i) => `load${String(i).padStart(3, '0')}`);
      const chats = new Map(users.map((u) => [u, new Chat(app!, u, 'web', `conv-${u}`)]));
      await pool(users, 20, async (u) => {
        const chat = chats.get(u)!;
        await chat.say('talk to an agent');
        expect(chat.text()).toMatch(/in line/);
        await chat.say(`msg-1 ${u}`);
      });
      expect(await desk.queue()).toHaveLength(CHATS);

      const escalated = performance.now();
      console.info(`escalations: ${Math.round(escalated - started)} ms`);
      // Twenty agents claim at once from two processes while users keep writing.
      const localAgents: UserProfile[] = [];
      for (const id of agentIds.slice(0, AGENTS / 2)) {
        localAgents.push((await (inner as unknown as HandoffInternals).deps.agents.userByWebId(id))!);
      }
      worker.go();
      const [local, remote] = await Promise.all([
        runAgents(desk, localAgents, localRelays, {
          expected: MESSAGES,
          replies: (id) => [`r1 ${id}`, `r2 ${id}`],
          idleStopMs: 3000,
        }),
        worker.result,
        pool(users, 40, async (u) => {
          await new Promise((r) => setTimeout(r, Math.random() * 500));
          await chats.get(u)!.say(`msg-2 ${u}`);
        }),
      ]);
      await (inner as unknown as HandoffInternals).signals.settle();
      await (inner as unknown as HandoffInternals).hub.idle();

      // Each chat claimed exactly once; none lost.
      const claims = [...local.claims, ...remote.run.claims];
      expect(local.errors).toEqual([]);
      expect(remote.run.errors).toEqual([]);
      expect(claims).toHaveLength(CHATS);
      expect(new Set(claims.map((c) => c.handoffId)).size).toBe(CHATS);
      expect(local.claims.length).toBeGreaterThan(0);
      expect(remote.run.claims.length).toBeGreaterThan(0);
      const rows = await db.handoff.findMany();
      expect(rows).toHaveLength(CHATS);
      expect(rows.every((h) => h.status === 'resolved' && h.agentId !== null)).toBe(true);
      const claimedBy = new Map(claims.map((c) => [c.handoffId, c.agentId]));
      for (const h of rows) expect(claimedBy.get(h.id)).toBe(h.agentId);

      // Every user message reached the agent who took the chat, once and in order.
      const userOf = new Map(
        (await db.conversation.findMany({ where: { id: { in: rows.map((h) => h.conversationId) } } })).map(
          (c) => [c.id, c.externalId.replace('conv-', '')],
        ),
      );
      const expectedTexts = (h: { conversationId: string }) =>
        Array.from({ length: MESSAGES }, (_, i) => `msg-${i + 1} ${userOf.get(h.conversationId)}`);
      const seen = { ...local.seen, ...remote.run.seen };
      for (const h of rows) {
        if (JSON.stringify(seen[h.id]) !== JSON.stringify(expectedTexts(h))) {
          const msgs = await db.message.findMany({
            where: { conversationId: h.conversationId },
            orderBy: { id: 'asc' },
          });
          console.info(
            JSON.stringify(
              {
                local: localRelays.byChat[h.id],
                remote: remote.relays.byChat[h.id],
                h,
                claims: claims.filter((c) => c.handoffId === h.id),
                msgs: msgs.map((m) => [
                  m.id,
                  m.direction,
                  m.author,
                  m.text.slice(0, 40),
                  m.handoffId,
                  m.createdAt,
                ]),
              },
              null,
              1,
            ),
          );
        }
        expect(seen[h.id]).toEqual(expectedTexts(h));
      }

      // Both instances delivered every relayed message as a live event exactly once, in order.
      for (const relays of [localRelays, remote.relays]) {
        for (const h of rows) {
          const delivered = relays.byChat[h.id] ?? [];
          expect(delivered.map((d) => d.text)).toEqual(expectedTexts(h));
          expect(new Set(delivered.map((d) => d.id)).size).toBe(delivered.length);
        }
      }

      // Every agent reply reached the user once and in order.
      const replies = await db.message.findMany({ where: { author: 'agent' }, orderBy: { id: 'asc' } });
      for (const h of rows) {
        expect(replies.filter((m) => m.conversationId === h.conversationId).map((m) => m.text)).toEqual([
          `r1 ${h.id}`,
          `r2 ${h.id}`,
        ]);
      }
      expect(await db.outboundMessage.count({ where: { status: { not: 'sent' } } })).toBe(0);
      console.info(
        `claiming and chatting ${Math.round(performance.now() - escalated)} ms; claims: ${claims.length} won of ${local.attempts + remote.run.attempts} attempts (${local.lost + remote.run.lost} lost races); ` +
          `this process ${local.claims.length}, the other ${remote.run.claims.length}`,
      );
    }, 600_000);
  },
);
