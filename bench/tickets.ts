/**
 * npm run bench:tickets [-- --tickets 100000 --samples 400 --db sqlite,postgresql]
 * Seeds N tickets in bulk (createMany in chunks) into a throwaway database, then
 * measures what the ticket skill does per request through the ticket desk (the
 * same code the chat runs): a status lookup, the filtered lists users ask for
 * (page + total count), and creation throughput. Prints p50/p99 and writes JSON.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { OPEN_STATUSES, TICKET_STATUSES, type TicketStatus } from '../src/domain/ticket-statuses.js';
import type { UserProfile } from '../src/domain/user.js';
import { createTicketDesk } from '../src/skills/tickets/database-ticket-desk.js';
import type { TicketDesk } from '../src/skills/tickets/ticket-desk.js';
import { applyMigrations } from '../src/store/migrate.js';
import { type Db, openDatabase } from '../src/store/prisma-client.js';
import { createTicketCommentRepository } from '../src/store/ticket-comment-repository.js';
import { ensureTicketNumbering } from '../src/store/ticket-numbering.js';
import type { TicketFilter } from '../src/store/ticket-query-repository.js';
import { createTicketQueryRepository } from '../src/store/ticket-query-repository.js';
import { createTicketRepository } from '../src/store/ticket-repository.js';
import { createUserDirectory } from '../src/store/user-directory.js';
import { machineInfo, percentile, writeResult } from './support/bench-report.js';
import { postgresReachable, throwawayDatabase } from './support/throwaway-database.js';

process.env.DOTENV_CONFIG_QUIET = 'true';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '400' },
    creates: { type: 'string', default: '1000' },
    db: { type: 'string', default: 'sqlite,postgresql' },
    explain: { type: 'boolean', default: false },
  },
});
const TICKETS = Number(values.tickets);
const SAMPLES = Number(values.samples);
const CREATES = Number(values.creates);
const CHUNK = 1000;
const TARGET_P99_MS = 20;

/**
 * The shape of the seeded data: many small accounts and one large one (the worst
 * case for account-wide lists), five users per account, a year of activity, most
 * tickets closed, a third shared, most already read.
 */
const ACCOUNTS = 400;
const BIG_ACCOUNT_SHARE = 0.2;
const USERS_PER_ACCOUNT = 5;
const WORDS = `pixel postback payout invoice coupon banner feed login password report conversion click
  commission partner contract campaign tracking attribution export api sso deep link creator brief`.split(
  /\s+/,
);

/** Deterministic pseudo-random numbers, so every run seeds the same data. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Seeded {
  readonly big: UserProfile[];
  readonly small: UserProfile[];
  readonly agent: UserProfile;
  readonly ids: { min: number; max: number };
}

async function seed(db: Db): Promise<Seeded> {
  const random = seeded(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: `acc_${i}`,
    name: `Account ${i}`,
    kind: 'brand',
  }));
  await db.account.createMany({ data: [...accounts, { id: 'acc_support', name: 'Support', kind: 'brand' }] });
  const users = accounts.flatMap((a) =>
    Array.from({ length: USERS_PER_ACCOUNT }, (_, j) => ({
      id: `${a.id}_u${j}`,
      accountId: a.id,
      displayName: `User ${j} of ${a.name}`,
      email: `u${j}@${a.id}.example`,
      role: 'requester',
      kind: 'brand',
    })),
  );
  users.push({
    id: 'agent_1',
    accountId: 'acc_support',
    displayName: 'Agent One',
    email: 'agent@support.example',
    role: 'agent',
    kind: 'brand',
  });
  for (let i = 0; i < users.length; i += CHUNK) await db.user.createMany({ data: users.slice(i, i + CHUNK) });

  const yearAgo = Date.UTC(2024, 5, 1);
  const statuses = TICKET_STATUSES.map((s) => s.id);
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  const started = performance.now();
  for (let offset = 0; offset < TICKETS; offset += CHUNK) {
    const rows = [];
    for (let i = offset; i < Math.min(TICKETS, offset + CHUNK); i++) {
      const account = random() < BIG_ACCOUNT_SHARE ? 0 : 1 + Math.floor(random() * (ACCOUNTS - 1));
      const creator = `acc_${account}_u${Math.floor(random() * USERS_PER_ACCOUNT)}`;
      const status: TicketStatus = random() < 0.6 ? 'closed' : pick(statuses.filter((s) => s !== 'closed'));
      const activity = new Date(yearAgo + random() * 365 * 86_400_000);
      const subject = `${pick(WORDS)} ${pick(WORDS)} problem ${i}`;
      const description = `The ${pick(WORDS)} ${pick(WORDS)} does not work since ${activity.toDateString()}.`;
      rows.push({
        accountId: `acc_${account}`,
        creatorId: creator,
        subject,
        issueType: 'other',
        description,
        shared: random() < 0.33,
        status,
        assigneeId: random() < 0.05 ? 'agent_1' : null,
        searchText: `${subject}\n${description}`.toLowerCase(),
        channel: 'web',
        createdAt: activity,
        lastActivityAt: activity,
        closedAt: status === 'closed' ? activity : null,
      });
    }
    await db.ticket.createMany({ data: rows });
  }
  const range = await db.ticket.aggregate({ _min: { id: true }, _max: { id: true } });
  first = range._min.id ?? 0;
  last = range._max.id ?? 0;
  // Read marks for 70% of tickets (the creator saw them), in chunks.
  for (let id = first; id <= last; id += CHUNK) {
    const reads = [];
    for (let t = id; t < Math.min(last + 1, id + CHUNK); t++) {
      if (random() < 0.7) reads.push({ ticketId: t, userId: `seen_${t}`, readAt: new Date(yearAgo) });
    }
    await db.ticketRead.createMany({ data: reads });
  }
  console.log(`  seeded ${TICKETS} tickets in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const profile = (id: string, accountId: string, role: UserProfile['role'] = 'requester'): UserProfile => ({
    id,
    displayName: id,
    email: null,
    role,
    kind: 'brand',
    accountId,
  });
  return {
    big: Array.from({ length: USERS_PER_ACCOUNT }, (_, j) => profile(`acc_0_u${j}`, 'acc_0')),
    small: Array.from({ length: 50 }, (_, k) => profile(`acc_${k + 1}_u0`, `acc_${k + 1}`)),
    agent: profile('agent_1', 'acc_support', 'agent'),
    ids: { min: first, max: last },
  };
}

/** Prints the plans of the heaviest list queries (the SQL Prisma sends, with literals), for tuning. */
async function explainLists(db: Db, provider: 'sqlite' | 'postgresql'): Promise<void> {
  const open = "('open','in_progress','awaiting_response','solution_offered')";
  const visible = `"accountId" = 'acc_0' AND ("creatorId" = 'acc_0_u1' OR "shared" = ${provider === 'sqlite' ? 1 : 'true'})`;
  const order = 'ORDER BY "lastActivityAt" DESC, "id" DESC LIMIT 101';
  const queries = {
    mineOpen: `SELECT "id" FROM "Ticket" WHERE "creatorId" = 'acc_0_u1' AND "status" IN ${open} ${order}`,
    accountOpen: `SELECT "id" FROM "Ticket" WHERE ${visible} AND "status" IN ${open} ${order}`,
    keyword: `SELECT "id" FROM "Ticket" WHERE ${visible} AND "searchText" LIKE '%payout%' ${order}`,
    unread: `SELECT "id" FROM "Ticket" WHERE ${visible} AND "status" IN ${open} AND NOT EXISTS (SELECT 1 FROM "TicketRead" r WHERE r."ticketId" = "Ticket"."id") ${order}`,
  };
  for (const [name, sql] of Object.entries(queries)) {
    const prefix = provider === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)';
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`${prefix} ${sql}`);
    console.log(`  plan ${name}:`);
    for (const row of rows) console.log(`    ${String(row.detail ?? row['QUERY PLAN'])}`);
  }
}

interface Timing {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  /** CPU this process spent per request: less sensitive than wall time to other load on the machine. */
  readonly cpuMsPerOp: number;
  readonly samples: number;
}

async function time(fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 30; i++) await fn(i);
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(percentile(samples, 50)),
    p99: round(percentile(samples, 99)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
    cpuMsPerOp: round((used.user + used.system) / 1000 / SAMPLES),
    samples: samples.length,
  };
}

async function runOn(provider: 'sqlite' | 'postgresql') {
  console.log(`\n${provider}`);
  const database = await throwawayDatabase(provider, 'bench_tickets');
  const logger = pino({ level: 'silent' });
  try {
    await applyMigrations(database.url);
    const { prisma: db, close } = await openDatabase(database.url);
    try {
      await ensureTicketNumbering(db, provider);
      const seededData = await seed(db);
      // Fresh planner statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) would have them.
      await db.$executeRawUnsafe('ANALYZE');
      if (values.explain) await explainLists(db, provider);
      const desk: TicketDesk = createTicketDesk({
        tickets: createTicketRepository(db),
        comments: createTicketCommentRepository(db),
        queries: createTicketQueryRepository(db),
        users: createUserDirectory(db),
        notifications: { changed: async () => undefined },
        reopenDays: 14,
        clock: () => new Date(),
        logger,
      });
      const random = seeded(7);
      const { big, small, agent } = seededData;
      const span = seededData.ids.max - seededData.ids.min + 1;
      const randomId = () => seededData.ids.min + Math.floor(random() * span);
      const bigUser = (i: number) => big[i % big.length]!;
      const smallUser = (i: number) => small[i % small.length]!;
      const page = { limit: 5 };
      const list = (viewer: UserProfile, filter: TicketFilter) => desk.list(viewer, filter, page);
      const open = [...OPEN_STATUSES];

      const results = {
        statusLookup: await time(() => desk.details(agent, randomId())),
        statusLookupAsRequester: await time((i) => desk.get(bigUser(i), randomId())),
        listMyOpenBigAccount: await time((i) => list(bigUser(i), { createdBy: 'me', statuses: open })),
        listAccountOpenBigAccount: await time((i) =>
          list(bigUser(i), { createdBy: 'anyone', statuses: open }),
        ),
        listAccountKeywordBigAccount: await time((i) =>
          list(bigUser(i), { createdBy: 'anyone', keywords: [WORDS[i % WORDS.length]!] }),
        ),
        listUnreadBigAccount: await time((i) =>
          list(bigUser(i), { createdBy: 'anyone', read: 'unread', statuses: open }),
        ),
        listAwaitingSmallAccount: await time((i) =>
          list(smallUser(i), { createdBy: 'anyone', statuses: ['awaiting_response'] }),
        ),
        listAgentAssigned: await time(() =>
          list(agent, { createdBy: 'anyone', assignedToMe: true, statuses: open }),
        ),
      };

      const creator = small[0]!;
      const started = performance.now();
      for (let i = 0; i < CREATES; i++) {
        await desk.createTicket({
          requester: creator,
          subject: `Bench ticket ${i}`,
          issueType: 'other',
          description: 'Created by the ticket benchmark to measure filing throughput.',
          channel: 'web',
          idempotencyKey: `bench-${provider}-${i}`,
        });
      }
      const seconds = (performance.now() - started) / 1000;
      const creation = {
        tickets: CREATES,
        seconds: Math.round(seconds * 100) / 100,
        perSecond: Math.round(CREATES / seconds),
      };

      for (const [name, t] of Object.entries(results)) {
        const flag = t.p99 <= TARGET_P99_MS ? 'ok' : 'OVER TARGET';
        console.log(
          `  ${name.padEnd(30)} p50 ${t.p50.toFixed(2).padStart(7)} ms   p99 ${t.p99.toFixed(2).padStart(7)} ms   cpu ${t.cpuMsPerOp.toFixed(2).padStart(6)} ms/op   ${flag}`,
        );
      }
      console.log(`  creation: ${creation.perSecond} tickets/s (${CREATES} sequential creates with events)`);
      return {
        tickets: TICKETS,
        samplesPerQuery: SAMPLES,
        loadAverage: loadavg(),
        queries: results,
        creation,
      };
    } finally {
      await close();
    }
  } finally {
    await database.drop();
  }
}

const providers = values.db
  .split(',')
  .filter((p): p is 'sqlite' | 'postgresql' => p === 'sqlite' || p === 'postgresql');
const output: Record<string, unknown> = {
  targetP99Ms: TARGET_P99_MS,
  machine: machineInfo(),
  loadAverageAtStart: loadavg(),
};
for (const provider of providers) {
  if (provider === 'postgresql' && !(await postgresReachable())) {
    console.log('\npostgresql: not reachable, skipped');
    continue;
  }
  output[provider] = await runOn(provider);
}
const file = writeResult('tickets', output);
console.log(`\nwritten to ${file}`);
