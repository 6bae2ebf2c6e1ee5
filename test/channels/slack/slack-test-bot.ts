import { type Logger, pino } from 'pino';
import { type App, createApp } from '../../../src/app.js';
import type { AppModule } from '../../../src/app-module.js';
import { slackModule } from '../../../src/channels/slack/slack-module.js';
import { loadConfig } from '../../../src/config.js';
import type { InboundMessage } from '../../../src/core/inbound-message.js';
import type { AppMatcher } from '../../../src/nlu-matcher.js';
import type { HttpAnswer } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { FakeSlackApi, type RecordedCall } from './fakes/fake-slack-api.js';
import { formBody, interactiveBody, postSigned } from './fakes/signed-request.js';
import { eventCallback } from './fakes/slack-payloads.js';

/** Rules for the agents' side: `/helpdesk online|away|offline` and asking for a person. */
export const agentDeskMatcher = keywordMatcher([
  [/^\/helpdesk\b/i, 'agent.availability', 'handoff'],
  [/\b(agent|human|person)\b/i, 'agent.handoff', 'handoff'],
  ...basicRules,
]);

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const AGENTS_CHANNEL = 'C0AGENTS';

/** Slack users of the fake workspace; e-mails link them to the seeded directory. */
export const USERS = {
  alice: { id: 'U0ALICE', name: 'alice', realName: 'Alice Brand', email: 'alice@acme.example' },
  bob: { id: 'U0BOB', name: 'bob', realName: 'Bob Brand', email: 'bob@acme.example' },
  nora: { id: 'U0NORA', name: 'nora', realName: 'Nora Northpeak', email: 'nora@northpeak.example' },
  pat: { id: 'U0PAT', name: 'pat', realName: 'Pat Partner', email: 'pat@dealhunt.example' },
  sam: { id: 'U0SAM', name: 'sam', realName: 'Sam Agent', email: 'sam@support.example' },
  riley: { id: 'U0RILEY', name: 'riley', realName: 'Riley Agent', email: 'riley@support.example' },
  newbie: { id: 'U0NEWBIE', name: 'newbie', realName: 'Nell Newcomer' },
} as const;

export interface SlackTestBot {
  readonly app: App;
  readonly fake: FakeSlackApi;
  readonly database: TestDatabase;
  readonly port: number;
  /** Every inbound message the bot pipeline saw, in order (what the channel translated). */
  readonly inbound: InboundMessage[];
  /** Signs and POSTs an Events API callback around `event`. */
  sendEvent(
    event: Record<string, unknown>,
    options?: { id?: string; retryNum?: number },
  ): Promise<HttpAnswer>;
  sendInteractive(payload: unknown): Promise<HttpAnswer>;
  sendCommand(fields: Record<string, string>): Promise<HttpAnswer>;
  /** Index of the next recorded call: "a post after this point". */
  mark(): number;
  /** The first post to `channel` (and thread) after `mark`. */
  nextPost(mark: number, channel: string, threadTs?: string, timeoutMs?: number): Promise<RecordedCall>;
  /** Waits until the bot is idle (turns drained, no Web API call for a moment). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The whole bot with the Slack channel on a fresh database, its Web API pointed at a local fake. */
export async function startSlackTestBot(
  provider: 'sqlite' | 'postgresql',
  options: {
    modules?: readonly AppModule[];
    matcher?: AppMatcher;
    env?: Record<string, string>;
    /** Runs before the app starts (Socket Mode: the WebSocket URL). */
    configureFake?: (fake: FakeSlackApi) => void;
    /** The app's logger (silent by default). */
    logger?: Logger;
  } = {},
): Promise<SlackTestBot> {
  const inbound: InboundMessage[] = [];
  const capture: AppModule = {
    name: 'capture',
    create: () => ({
      middleware: [
        async (ctx, next) => {
          inbound.push(ctx.message);
          await next();
        },
      ],
    }),
  };
  const fake = new FakeSlackApi();
  await fake.start();
  for (const u of Object.values(USERS)) fake.users.set(u.id, u);
  options.configureFake?.(fake);
  const database = await createTestDatabase(provider);
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_AGENTS_CHANNEL: AGENTS_CHANNEL,
    ...options.env,
  });
  const app = await createApp(config, {
    logger: options.logger ?? pino({ level: 'silent' }),
    matcher: options.matcher ?? keywordMatcher(basicRules),
    modules: [capture, ...(options.modules ?? [slackModule])],
  });
  await app.start();

  const bot: SlackTestBot = {
    app,
    fake,
    database,
    port: app.port,
    inbound,
    sendEvent: (event, o = {}) =>
      postSigned(app.port, JSON.stringify(eventCallback(event, o.id ? { id: o.id } : {})), {
        secret: SIGNING_SECRET,
        contentType: 'application/json',
        ...(o.retryNum !== undefined ? { retryNum: o.retryNum } : {}),
      }),
    sendInteractive: (payload) =>
      postSigned(app.port, interactiveBody(payload), {
        secret: SIGNING_SECRET,
        contentType: 'application/x-www-form-urlencoded',
      }),
    sendCommand: (fields) =>
      postSigned(app.port, formBody(fields), {
        secret: SIGNING_SECRET,
        contentType: 'application/x-www-form-urlencoded',
      }),
    mark: () => fake.calls.length,
    async nextPost(mark, channel, threadTs, timeoutMs = 5000) {
      const index = (c: RecordedCall) => fake.calls.indexOf(c);
      return fake.waitFor(
        'chat.postMessage',
        (c) =>
          index(c) >= mark &&
          c.args.channel === channel &&
          (threadTs === undefined || c.args.thread_ts === threadTs),
        timeoutMs,
      );
    },
    async settle() {
      await app.bot.drain();
      await fake.settle();
      await app.bot.drain();
    },
    async close() {
      await bot.settle();
      await app.stop();
      await fake.stop();
      await database.drop();
    },
  };
  return bot;
}

/** Everything a user reads in a posted message: the blocks' texts and button labels. */
export function postedText(call: RecordedCall | undefined): string {
  if (!call) return '';
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.text === 'string') out.push(n.text);
      for (const [k, v] of Object.entries(n)) if (k !== 'text' || typeof v !== 'string') walk(v);
    }
  };
  walk(call.args.blocks ?? call.args.view ?? []);
  if (out.length === 0 && typeof call.args.text === 'string') out.push(call.args.text);
  return out.join('\n');
}

/** A button of a posted message (or view), by its label. */
export function buttonIn(
  call: RecordedCall,
  label: string | RegExp,
): { action_id: string; value?: string; text: string; block_id?: string } {
  const buttons: Array<{ action_id: string; value?: string; text: string; block_id?: string }> = [];
  const blocks = (call.args.blocks ??
    (call.args.view as { blocks?: unknown[] } | undefined)?.blocks ??
    []) as Array<Record<string, unknown>>;
  for (const block of blocks) {
    for (const el of (block.elements ?? []) as Array<Record<string, unknown>>) {
      if (el.type !== 'button') continue;
      const text = (el.text as { text: string }).text;
      buttons.push({
        action_id: String(el.action_id),
        ...(typeof el.value === 'string' ? { value: el.value } : {}),
        text,
        ...(typeof block.block_id === 'string' ? { block_id: block.block_id } : {}),
      });
    }
  }
  const found = buttons.find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
  if (!found)
    throw new Error(`no button ${String(label)} in: ${buttons.map((b) => b.text).join(' | ') || '(none)'}`);
  return found;
}
