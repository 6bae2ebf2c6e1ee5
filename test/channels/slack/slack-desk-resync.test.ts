import { pino } from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import type { AppModule } from '../../../src/app-module.js';
import { createSlackModule } from '../../../src/channels/slack/slack-module.js';
import { loadConfig } from '../../../src/config.js';
import { handoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { testProviders } from '../../support/test-database.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import { blockActions, directMessage } from './fakes/slack-payloads.js';
import {
  AGENTS_CHANNEL,
  agentDeskMatcher,
  buttonIn,
  postedText,
  SIGNING_SECRET,
  type SlackTestBot,
  startSlackTestBot,
  USERS,
} from './slack-test-bot.js';

const matcher = agentDeskMatcher;

/** How often the agents' channel is checked in these tests (60 s in production). */
const RESYNC_MS = 300;

const modules = (resyncMs?: number): AppModule[] => [
  ticketsModule,
  handoffModule,
  createSlackModule(resyncMs ? { agentsResyncIntervalMs: resyncMs } : {}),
];

/** Escalations: posts to the agents' channel that start a thread. */
const escalations = (slack: SlackTestBot) =>
  slack.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === AGENTS_CHANNEL && !c.args.thread_ts);

const toAgents = (args: Record<string, unknown>) => args.channel === AGENTS_CHANNEL && !args.thread_ts;

async function goOnline(slack: SlackTestBot, user: string): Promise<void> {
  await slack.sendCommand({
    token: 't',
    team_id: 'T0HELPDESK',
    channel_id: AGENTS_CHANNEL,
    user_id: user,
    command: '/helpdesk',
    text: 'online',
    response_url: slack.fake.responseUrl(user),
    trigger_id: `1.2.${user}`,
  });
  await slack.settle();
}

/** Another bot instance on the same database and the same (fake) Slack workspace. */
async function secondInstance(slack: SlackTestBot, resyncMs?: number): Promise<App> {
  const app = await createApp(
    loadConfig({
      DATABASE_URL: slack.database.url,
      PORT: '0',
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.fake.apiUrl,
      SLACK_AGENTS_CHANNEL: AGENTS_CHANNEL,
    }),
    { logger: pino({ level: 'silent' }), matcher, modules: modules(resyncMs) },
  );
  await app.start();
  return app;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testProviders())("the agents' channel catches up with the queue (%s)", (provider) => {
  async function bot(options: { resyncMs?: number; agentsChannel?: boolean } = {}): Promise<SlackTestBot> {
    const slack = await startSlackTestBot(provider, {
      modules: modules(options.resyncMs),
      matcher,
      ...(options.agentsChannel === false ? { env: { SLACK_AGENTS_CHANNEL: '' } } : {}),
    });
    onTestFinished(() => slack.close());
    await goOnline(slack, USERS.sam.id);
    return slack;
  }

  it('posts a waiting chat whose escalation Slack refused, once, at the next resync', async () => {
    const slack = await bot({ resyncMs: RESYNC_MS });
    slack.fake.failNext('chat.postMessage', { status: 200, error: 'internal_error' }, toAgents);
    await slack.sendEvent(directMessage(USERS.alice.id, 'I want a human'));
    // Refused once; the resync posts it without any further event about the chat.
    const posted = await slack.fake.waitFor('chat.postMessage', (c) => toAgents(c.args), 5_000);
    expect(postedText(posted)).toContain('Claim');
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect(escalations(slack)).toHaveLength(1);
  });

  it('posts a chat that was waiting before the bot started', async () => {
    // The first process has no agents' channel: the chat waits without an escalation.
    const before = await bot({ agentsChannel: false });
    await before.sendEvent(directMessage(USERS.alice.id, 'I want a human'));
    await before.settle();
    expect(await before.database.prisma.handoff.count({ where: { status: 'pending' } })).toBe(1);
    expect(escalations(before)).toHaveLength(0);

    // The bot that starts now (default resync: a minute) posts it on start.
    const started = await secondInstance(before);
    onTestFinished(() => started.stop());
    const posted = await before.fake.waitFor('chat.postMessage', (c) => toAgents(c.args), 5_000);
    expect(postedText(posted)).toContain('Alice Brand');
    await before.settle();
    expect(escalations(before)).toHaveLength(1);
  });

  /** Escalates a chat, then Sam claims it while Slack refuses the message's update with `error`. */
  async function claimWhileUpdateFails(slack: SlackTestBot, error: string) {
    await slack.sendEvent(directMessage(USERS.alice.id, 'I want a human'));
    const escalation = await slack.fake.waitFor('chat.postMessage', (c) => toAgents(c.args));
    const ts = String(escalation.result?.ts);
    await slack.settle();

    slack.fake.failNext('chat.update', { status: 200, error });
    const mark = slack.mark();
    const claim = buttonIn(escalation, 'Claim');
    await slack.sendInteractive(
      blockActions({
        user: USERS.sam.id,
        channel: AGENTS_CHANNEL,
        message: { ts, blocks: escalation.args.blocks },
        button: { action_id: claim.action_id, text: claim.text, value: claim.value ?? '' },
        responseUrl: slack.fake.responseUrl('desk'),
      }),
    );
    const updates = () => slack.fake.calls.slice(mark).filter((c) => c.method === 'chat.update');
    await expect.poll(() => updates().length).toBeGreaterThan(0);
    expect(updates()[0]?.status).toBe(400);
    return { ts, mark };
  }

  it('rewrites an escalation whose update failed on claim, so its Claim button goes', async () => {
    const slack = await bot({ resyncMs: RESYNC_MS });
    const { ts, mark } = await claimWhileUpdateFails(slack, 'internal_error');
    const redone: RecordedCall = await slack.fake.waitFor(
      'chat.update',
      (c) => slack.fake.calls.indexOf(c) >= mark && c.args.ts === ts,
      5_000,
    );
    expect(postedText(redone)).toContain('Sam Agent is talking');
    expect(() => buttonIn(redone, 'Claim')).toThrow();
    // Done once: the next resyncs leave the message alone.
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect(slack.fake.callsTo('chat.update').filter((c) => c.args.ts === ts)).toHaveLength(1);
  });

  it('rewrites an escalation whose update failed on claim in the bot that starts after the one that failed', async () => {
    // Not `bot()`: this first process is stopped halfway, its fake Slack and database stay.
    const first = await startSlackTestBot(provider, { modules: modules(), matcher });
    let restarted: App | undefined;
    onTestFinished(async () => {
      await restarted?.stop();
      await first.fake.stop();
      await first.database.drop();
    });
    await goOnline(first, USERS.sam.id);
    const { ts, mark } = await claimWhileUpdateFails(first, 'internal_error');
    await first.settle();
    await first.app.stop();

    // A new process on the same database (its resync runs on start) redoes the rewrite.
    restarted = await secondInstance(first);
    const redone = await first.fake.waitFor(
      'chat.update',
      (c) => first.fake.calls.indexOf(c) >= mark && c.args.ts === ts && c.status === 200,
      5_000,
    );
    expect(postedText(redone)).toContain('Sam Agent is talking');
    expect(() => buttonIn(redone, 'Claim')).toThrow();
    await first.fake.settle();
    const marks = await first.database.prisma.agentThread.findMany({ where: { staleNote: { not: null } } });
    expect(marks).toEqual([]);
  });

  it('does not keep rewriting an escalation message that was deleted', async () => {
    const slack = await bot({ resyncMs: RESYNC_MS });
    const { ts } = await claimWhileUpdateFails(slack, 'message_not_found');
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect(slack.fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ts)).toHaveLength(1);
  });

  it('does not keep rewriting an escalation Slack no longer lets the bot edit (edit_window_closed)', async () => {
    const slack = await bot({ resyncMs: RESYNC_MS });
    const { ts } = await claimWhileUpdateFails(slack, 'edit_window_closed');
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect(slack.fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ts)).toHaveLength(1);
    expect(await slack.database.prisma.agentThread.count({ where: { staleNote: { not: null } } })).toBe(0);
  });

  it('tries the message of a chat that is over once more, then leaves it, however often Slack refuses', async () => {
    const slack = await bot({ resyncMs: RESYNC_MS });
    const { ts } = await claimWhileUpdateFails(slack, 'internal_error');
    // Slack refuses every rewrite of this message from now on; the chat ends.
    for (let i = 0; i < 100; i++)
      slack.fake.failNext('chat.update', { status: 200, error: 'internal_error' }, (a) => a.ts === ts);
    const desk = slack.app.services.shared.agentDesk!;
    const chat = (await slack.database.prisma.handoff.findFirst({ where: { status: 'assigned' } }))!;
    const sam = await slack.app.services.users.resolve('slack', 'T0HELPDESK', { externalId: USERS.sam.id });
    await desk.close(sam, chat.id);
    await slack.settle();
    await pause(2 * RESYNC_MS);
    const attempts = () =>
      slack.fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ts).length;
    const settled = attempts();
    await pause(4 * RESYNC_MS);
    await slack.settle();
    expect(attempts()).toBe(settled);
    expect(await slack.database.prisma.agentThread.count({ where: { staleNote: { not: null } } })).toBe(0);
  });

  it('posts a waiting chat once with two instances resyncing on one database', async () => {
    const slack = await bot({ resyncMs: RESYNC_MS });
    const other = await secondInstance(slack, RESYNC_MS);
    onTestFinished(() => other.stop());
    slack.fake.failNext('chat.postMessage', { status: 200, error: 'internal_error' }, toAgents);
    // A slow Slack: each instance's resync comes round while the other one's post is under way.
    slack.fake.delays.set('chat.postMessage', 2 * RESYNC_MS);
    await slack.sendEvent(directMessage(USERS.alice.id, 'I want a human'));
    await slack.fake.waitFor('chat.postMessage', (c) => toAgents(c.args), 5_000);
    await pause(5 * RESYNC_MS);
    await slack.settle();
    expect(escalations(slack)).toHaveLength(1);
    const threads = await slack.database.prisma.agentThread.findMany({ where: { channel: 'slack' } });
    expect(threads).toHaveLength(1);
  });

  it('stops posting the waiting chats once the bot is stopping, finishing only the one under way', async () => {
    // Four chats wait without an escalation: the first process has no agents' channel.
    const before = await bot({ agentsChannel: false });
    await goOnline(before, USERS.riley.id);
    for (const user of [USERS.alice, USERS.bob, USERS.nora, USERS.pat]) {
      await before.sendEvent(directMessage(user.id, 'I want a human'));
    }
    await before.settle();
    expect(await before.database.prisma.handoff.count({ where: { status: 'pending' } })).toBe(4);

    // A slow Slack: the bot that starts now is stopped while posting the first of them.
    before.fake.delays.set('chat.postMessage', 600);
    const started = await secondInstance(before);
    await pause(100);
    const mark = before.fake.calls.length;
    const postedSinceStop = () =>
      before.fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage' && toAgents(c.args)).length;
    await started.stop();
    // stop() waited for the post under way at most, not for the rest of the queue…
    expect(postedSinceStop()).toBeLessThanOrEqual(1);
    // …and nothing is posted once it is done: the chats left are for the next bot that starts.
    await pause(3 * 600);
    expect(postedSinceStop()).toBeLessThanOrEqual(1);
  });
});
