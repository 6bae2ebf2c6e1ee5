/**
 * The second bot process of the claim concurrency test: its own app on the same
 * PostgreSQL database, with agents claiming from the same queue.
 *   DATABASE_URL=... AGENTS=agent11,agent12 tsx test/skills/handoff/claim-worker.ts
 * Prints "ready", waits for "go" on stdin, prints "result <json>" and exits.
 */
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { createHandoffModule, type HandoffInternals } from '../../../src/skills/handoff/handoff-module.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { recordRelays, runAgents } from './claim-agents.js';
import { fakeTicketsModule } from './fake-tickets.js';
import { handoffRules } from './handoff-kit.js';

let inner: HandoffInternals | null = null;
const app = await createApp(loadConfig({ DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: 'silent' }), {
  http: false,
  logger: pino({ level: process.env.WORKER_LOG_LEVEL ?? 'silent' }, pino.destination(2)),
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
await app.start();
const internals = inner as unknown as HandoffInternals;
const relays = recordRelays(internals.desk);
const agents = await Promise.all(
  (process.env.AGENTS ?? '').split(',').map(async (id) => (await internals.deps.agents.userByWebId(id))!),
);
const expected = Number(process.env.EXPECTED ?? '3');

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  if (line.trim() === 'go') break;
}
const run = await runAgents(internals.desk, agents, relays, {
  expected,
  replies: (id) => [`r1 ${id}`, `r2 ${id}`],
  idleStopMs: Number(process.env.IDLE_STOP_MS ?? '3000'),
});
// Late live events of other chats still arriving are recorded too.
await new Promise((r) => setTimeout(r, 1000));
await internals.signals.settle();
await internals.hub.idle();
process.stdout.write(`result ${JSON.stringify({ run, relays })}\n`);
lines.close();
await app.stop();
process.exit(0);
