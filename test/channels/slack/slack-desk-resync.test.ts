import { pino } from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import type { AppModule } from '../../../src/app-module.js';
import { createSlackModule } from '../../../src/channels/slack/slack-module.js';
import { loadConfig } from '../../../src/config.js';
import type { UserProfile } from '../../../src/domain/user.js';
import type { AgentDesk, DeskEvent } from '../../../src/skills/handoff/agent-desk.js';
import type { DeskSignals } from '../../../src/skills/handoff/desk-signals.js';
import { createHandoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { testProviders } from '../../support/test-database.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import { blockActions, directMessage, threadReply } from './fakes/slack-payloads.js';
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

/** Stands between a bot instance's desk and its listeners (the Slack board): hands each event on when it likes. */
type Deliver = (event: DeskEvent, listener: (event: DeskEvent) => void) => void;

/** The desk of a bot instance and its signals, once the instance is created. */
interface DeskInternals {
  desk: AgentDesk;
  signals: DeskSignals;
}

/**
 * The modules of a bot instance. `hooks.deliver`, when given, makes it hear desk events
 * when it likes (as an instance that hears an event late); `hooks.internals` gets its desk.
 */
const modules = (
  resyncMs?: number,
  hooks: { deliver?: Deliver; internals?: (inner: DeskInternals) => void } = {},
): AppModule[] => [
  ticketsModule,
  createHandoffModule({
    onCreated: (inner) => {
      hooks.internals?.({ desk: inner.desk, signals: inner.signals });
      const deliver = hooks.deliver;
      if (deliver) {
        const subscribe = inner.desk.subscribe.bind(inner.desk);
        inner.desk.subscribe = (listener) => subscribe((event) => deliver(event, listener));
      }
    },
  }),
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
async function secondInstance(
  slack: SlackTestBot,
  resyncMs?: number,
  withModules: AppModule[] = modules(resyncMs),
): Promise<App> {
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
    { logger: pino({ level: 'silent' }), matcher, modules: withModules },
  );
  await app.start();
  return app;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testProviders())("the agents' channel catches up with the queue (%s)", (provider) => {
  async function bot(
    options: {
      resyncMs?: number;
      agentsChannel?: boolean;
      deliver?: Deliver;
      internals?: (inner: DeskInternals) => void;
    } = {},
  ): Promise<SlackTestBot> {
    const slack = await startSlackTestBot(provider, {
      modules: modules(options.resyncMs, {
        ...(options.deliver ? { deliver: options.deliver } : {}),
        ...(options.internals ? { internals: options.internals } : {}),
      }),
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
    // The chat is claimed: its deleted message is not posted again.
    expect(escalations(slack)).toHaveLength(1);
  });

  it('does not keep rewriting an escalation Slack no longer lets the bot edit (edit_window_closed)', async () => {
    const slack = await bot({ resyncMs: RESYNC_MS });
    const { ts } = await claimWhileUpdateFails(slack, 'edit_window_closed');
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect(slack.fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ts)).toHaveLength(1);
    expect(escalations(slack)).toHaveLength(1);
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
  /** A bot whose desk the test reaches (to publish a desk event, to claim as Sam). */
  async function deskBot(options: { resyncMs?: number; deliver?: Deliver } = {}) {
    let internals: DeskInternals | null = null;
    const slack = await bot({
      ...options,
      internals: (inner) => {
        internals = inner;
      },
    });
    const inner = () => internals as unknown as DeskInternals;
    return { slack, desk: () => inner().desk, signals: () => inner().signals };
  }

  /** Alice asks for a person and waits: her chat's escalation is posted to the agents' channel. */
  async function waitingChat(slack: SlackTestBot): Promise<{ handoffId: string; ts: string }> {
    await slack.sendEvent(directMessage(USERS.alice.id, 'I want a human'));
    const escalation = await slack.fake.waitFor('chat.postMessage', (c) => toAgents(c.args), 5_000);
    await slack.settle();
    const handoff = await slack.database.prisma.handoff.findFirstOrThrow({ where: { status: 'pending' } });
    return { handoffId: handoff.id, ts: String(escalation.result?.ts) };
  }

  const agentThread = (slack: SlackTestBot, handoffId: string) =>
    slack.database.prisma.agentThread.findUnique({
      where: { handoffId_channel: { handoffId, channel: 'slack' } },
    });
  const threadKey = async (slack: SlackTestBot, handoffId: string) =>
    (await agentThread(slack, handoffId))?.threadKey ?? null;
  const staleNote = async (slack: SlackTestBot, handoffId: string) =>
    (await agentThread(slack, handoffId))?.staleNote ?? null;

  /** Every rewrite of the message `ts` Slack answered (refused ones too). */
  const rewritesOf = (slack: SlackTestBot, ts: string) =>
    slack.fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ts);

  const samOf = async (slack: SlackTestBot): Promise<UserProfile> =>
    (await slack.app.services.users.resolve('slack', 'T0HELPDESK', { externalId: USERS.sam.id }))!;

  /** A Slack call held until `release()`: a slow Slack. */
  function slowCall(slack: SlackTestBot, which: (method: string, args: Record<string, unknown>) => boolean) {
    let release = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = 0;
    slack.fake.hold = (method, args) => {
      if (held > 0 || !which(method, args)) return null;
      held++;
      return slow;
    };
    // A test that fails halfway does not leave the call (and the bot's shutdown) hanging.
    onTestFinished(() => release());
    return { held: () => held, release: () => release() };
  }

  it('posts a new escalation for a waiting chat queued again whose message was deleted', async () => {
    const { slack, signals } = await deskBot();
    const { handoffId, ts } = await waitingChat(slack);
    slack.fake.failNext('chat.update', { status: 200, error: 'message_not_found' }, (a) => a.ts === ts);

    await signals().publish({ kind: 'chat', handoffId, event: 'queued' });

    // The chat waits for an agent: it shows in the agents' channel again, as a new message with Claim.
    const repost = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => toAgents(c.args) && c.result?.ts !== ts,
      5_000,
    );
    expect(buttonIn(repost, 'Claim')).toBeDefined();
    const newTs = String(repost.result?.ts);
    await expect.poll(() => threadKey(slack, handoffId)).toBe(`${AGENTS_CHANNEL}:${newTs}`);
    expect(await staleNote(slack, handoffId)).toBeNull();

    // Alice's lines go to the new message's thread.
    await slack.sendEvent(directMessage(USERS.alice.id, 'is anyone there?'));
    const line = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === AGENTS_CHANNEL && String(c.args.text).includes('is anyone there'),
      5_000,
    );
    expect(line.args.thread_ts).toBe(newTs);
    await slack.settle();
    expect(escalations(slack)).toHaveLength(2);
    expect(rewritesOf(slack, ts)).toHaveLength(1);
  });

  it('posts a new escalation on resync for a waiting chat whose stale message was deleted', async () => {
    const { slack, signals } = await deskBot({ resyncMs: RESYNC_MS });
    const { handoffId, ts } = await waitingChat(slack);
    // The rewrite on a queued event is refused; by the resync's rewrite an agent has deleted the message.
    slack.fake.failNext('chat.update', { status: 200, error: 'internal_error' }, (a) => a.ts === ts);
    slack.fake.failNext('chat.update', { status: 200, error: 'message_not_found' }, (a) => a.ts === ts);

    await signals().publish({ kind: 'chat', handoffId, event: 'queued' });

    const repost = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => toAgents(c.args) && c.result?.ts !== ts,
      5_000,
    );
    expect(buttonIn(repost, 'Claim')).toBeDefined();
    await expect.poll(() => threadKey(slack, handoffId)).toBe(`${AGENTS_CHANNEL}:${repost.result?.ts}`);
    await pause(4 * RESYNC_MS);
    await slack.settle();
    expect(await staleNote(slack, handoffId)).toBeNull();
    expect(rewritesOf(slack, ts)).toHaveLength(2);
    expect(escalations(slack)).toHaveLength(2);
  });

  it('posts the new escalation of a deleted message at the resync when Slack refuses it at first', async () => {
    const { slack, signals } = await deskBot({ resyncMs: RESYNC_MS });
    const { handoffId, ts } = await waitingChat(slack);
    slack.fake.failNext('chat.update', { status: 200, error: 'message_not_found' }, (a) => a.ts === ts);
    slack.fake.failNext('chat.postMessage', { status: 200, error: 'internal_error' }, toAgents);

    await signals().publish({ kind: 'chat', handoffId, event: 'queued' });

    const repost = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => toAgents(c.args) && c.result?.ts !== ts,
      5_000,
    );
    expect(buttonIn(repost, 'Claim')).toBeDefined();
    await expect.poll(() => threadKey(slack, handoffId)).toBe(`${AGENTS_CHANNEL}:${repost.result?.ts}`);
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect(escalations(slack)).toHaveLength(2);
    expect(rewritesOf(slack, ts)).toHaveLength(1);
  });

  it.each(['edit_window_closed', 'cant_update_message'])(
    'keeps the message of a waiting chat that Slack no longer lets the bot edit (%s): no second message, its thread still works',
    async (error) => {
      const { slack, signals } = await deskBot({ resyncMs: RESYNC_MS });
      const { handoffId, ts } = await waitingChat(slack);
      // The message is still in the channel, with its Claim button; Slack only refuses to edit it.
      slack.fake.failNext('chat.update', { status: 200, error }, (a) => a.ts === ts);

      await signals().publish({ kind: 'chat', handoffId, event: 'queued' });
      await expect.poll(() => rewritesOf(slack, ts).length, { timeout: 15_000 }).toBe(1);
      await pause(3 * RESYNC_MS);
      await slack.settle();

      expect(escalations(slack)).toHaveLength(1);
      expect(await threadKey(slack, handoffId)).toBe(`${AGENTS_CHANNEL}:${ts}`);
      // Not tried again: it would only be refused again.
      expect(await staleNote(slack, handoffId)).toBeNull();
      expect(rewritesOf(slack, ts)).toHaveLength(1);

      // Alice's lines still go to its thread, and an agent claims the chat from there.
      await slack.sendEvent(directMessage(USERS.alice.id, 'is anyone there?'));
      const line = await slack.fake.waitFor(
        'chat.postMessage',
        (c) => c.args.channel === AGENTS_CHANNEL && String(c.args.text).includes('is anyone there'),
        5_000,
      );
      expect(line.args.thread_ts).toBe(ts);
      await slack.sendEvent(threadReply(USERS.sam.id, AGENTS_CHANNEL, ts, '!claim'));
      await expect
        .poll(
          async () =>
            (await slack.database.prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).agentId,
        )
        .toBe((await samOf(slack)).id);
      await slack.settle();
      expect(escalations(slack)).toHaveLength(1);
    },
  );

  it('posts the new message of a transferred chat whose message was deleted with its note, also when the resync posts it', async () => {
    const { slack, desk } = await deskBot({ resyncMs: RESYNC_MS });
    const { handoffId, ts } = await waitingChat(slack);
    const sam = await samOf(slack);
    expect((await desk().claim(sam, handoffId)).ok).toBe(true);
    await slack.fake.waitFor(
      'chat.update',
      (c) => c.args.ts === ts && postedText(c).includes('Sam Agent is talking'),
      5_000,
    );
    await slack.settle();

    // The transfer's rewrite finds the message deleted, and Slack refuses the new one at first.
    slack.fake.failNext('chat.update', { status: 200, error: 'message_not_found' }, (a) => a.ts === ts);
    slack.fake.failNext('chat.postMessage', { status: 200, error: 'internal_error' }, toAgents);
    const mark = slack.mark();
    await desk().transfer(sam, handoffId, { teamId: 'team_finance' }, 'needs billing access');

    const repost = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => slack.fake.calls.indexOf(c) >= mark && toAgents(c.args),
      5_000,
    );
    expect(postedText(repost)).toContain('needs billing access');
    expect(buttonIn(repost, 'Claim')).toBeDefined();
    await expect.poll(() => threadKey(slack, handoffId)).toBe(`${AGENTS_CHANNEL}:${repost.result?.ts}`);
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect(escalations(slack)).toHaveLength(2);
    expect(await staleNote(slack, handoffId)).toBeNull();
  });

  /**
   * Slack refuses every new message in the agents' channel (thread lines and the other calls
   * go through) until `recover()`.
   */
  function agentsChannelRefusesPosts(slack: SlackTestBot): { recover: () => void } {
    let refusing = true;
    for (let i = 0; i < 500; i++)
      slack.fake.failNext(
        'chat.postMessage',
        { status: 200, error: 'internal_error' },
        (args) => refusing && toAgents(args),
      );
    return {
      recover: () => {
        refusing = false;
      },
    };
  }

  /** A waiting chat, claimed by Sam: its message says so. */
  async function claimedChat(slack: SlackTestBot, desk: () => AgentDesk) {
    const { handoffId, ts } = await waitingChat(slack);
    const sam = await samOf(slack);
    expect((await desk().claim(sam, handoffId)).ok).toBe(true);
    await slack.fake.waitFor(
      'chat.update',
      (c) => c.args.ts === ts && postedText(c).includes('Sam Agent is talking'),
      5_000,
    );
    await slack.settle();
    return { handoffId, ts, sam };
  }

  const rileyOf = async (slack: SlackTestBot): Promise<UserProfile> =>
    (await slack.app.services.users.resolve('slack', 'T0HELPDESK', { externalId: USERS.riley.id }))!;

  it('posts the deleted message of a chat transferred twice while Slack refused it with the latest note', async () => {
    const { slack, desk } = await deskBot({ resyncMs: RESYNC_MS });
    await goOnline(slack, USERS.riley.id);
    const { handoffId, ts, sam } = await claimedChat(slack, desk);

    // The message is deleted, and Slack refuses new messages in the agents' channel for a while.
    const outage = agentsChannelRefusesPosts(slack);
    slack.fake.failNext('chat.update', { status: 200, error: 'message_not_found' }, (a) => a.ts === ts);
    await desk().transfer(sam, handoffId, { teamId: 'team_general' }, 'first transfer note');
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect((await staleNote(slack, handoffId)) ?? 'no note').toContain('first transfer note');

    // Riley claims the chat and transfers it on, with a note of her own, still without a message.
    expect((await desk().claim(await rileyOf(slack), handoffId)).ok).toBe(true);
    await pause(2 * RESYNC_MS);
    await desk().transfer(
      await rileyOf(slack),
      handoffId,
      { teamId: 'team_finance' },
      'latest transfer note',
    );
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect((await staleNote(slack, handoffId)) ?? 'no note').toContain('latest transfer note');

    const mark = slack.mark();
    outage.recover();
    const repost = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => slack.fake.calls.indexOf(c) >= mark && toAgents(c.args),
      5_000,
    );
    expect(postedText(repost)).toContain('latest transfer note');
    expect(postedText(repost)).not.toContain('first transfer note');
    expect(buttonIn(repost, 'Claim')).toBeDefined();
    await pause(3 * RESYNC_MS);
    await slack.settle();
    expect(escalations(slack)).toHaveLength(2);
    expect(await threadKey(slack, handoffId)).toBe(`${AGENTS_CHANNEL}:${repost.result?.ts}`);
    expect(await staleNote(slack, handoffId)).toBeNull();
  });

  it('posts a deleted message with the note of a transfer made after a resync found the chat claimed', async () => {
    // Not resyncing by itself: the test runs the resyncs, with other instances on the database.
    const { slack, desk } = await deskBot();
    await goOnline(slack, USERS.riley.id);
    const { handoffId, ts, sam } = await claimedChat(slack, desk);
    const outage = agentsChannelRefusesPosts(slack);
    slack.fake.failNext('chat.update', { status: 200, error: 'message_not_found' }, (a) => a.ts === ts);
    await desk().transfer(sam, handoffId, { teamId: 'team_general' }, 'first transfer note');
    await slack.settle();
    expect((await desk().claim(await rileyOf(slack), handoffId)).ok).toBe(true);
    await slack.settle();

    // A resync while the chat is claimed: no message is due for it, and no note is kept.
    const resync = await secondInstance(slack);
    await pause(2 * RESYNC_MS);
    await slack.settle();
    await resync.stop();
    expect(await staleNote(slack, handoffId)).toBeNull();

    await desk().transfer(
      await rileyOf(slack),
      handoffId,
      { teamId: 'team_finance' },
      'latest transfer note',
    );
    await pause(2 * RESYNC_MS);
    await slack.settle();
    expect((await staleNote(slack, handoffId)) ?? 'no note').toContain('latest transfer note');

    const mark = slack.mark();
    outage.recover();
    const restarted = await secondInstance(slack);
    onTestFinished(() => restarted.stop());
    const repost = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => slack.fake.calls.indexOf(c) >= mark && toAgents(c.args),
      5_000,
    );
    expect(postedText(repost)).toContain('latest transfer note');
    expect(postedText(repost)).not.toContain('first transfer note');
    expect(buttonIn(repost, 'Claim')).toBeDefined();
  });

  it("never rewrites a claimed chat's escalation back to Claim from a queued event heard late", async () => {
    // This instance hears `queued` events late (held back until released), like a slow instance.
    const held: Array<() => void> = [];
    let holding = false;
    const { slack, desk, signals } = await deskBot({
      deliver: (event, listener) => {
        if (holding && event.type === 'queued') held.push(() => listener(event));
        else listener(event);
      },
    });
    const { handoffId, ts } = await waitingChat(slack);

    // The chat is queued again; this instance's copy of the event says "waiting"...
    holding = true;
    await signals().publish({ kind: 'chat', handoffId, event: 'queued' });
    await expect.poll(() => held.length).toBe(1);

    // ...but before it is handled, Sam claims the chat and its message shows it.
    expect((await desk().claim(await samOf(slack), handoffId)).ok).toBe(true);
    await slack.fake.waitFor(
      'chat.update',
      (c) => c.args.ts === ts && postedText(c).includes('Sam Agent is talking'),
      5_000,
    );

    // The late event is handled now: the message stays claimed.
    holding = false;
    for (const release of held) release();
    await pause(300);
    await slack.settle();
    const last = rewritesOf(slack, ts).at(-1)!;
    expect(postedText(last)).toContain('Sam Agent is talking');
    expect(() => buttonIn(last, 'Claim')).toThrow();
    expect(await staleNote(slack, handoffId)).toBeNull();
  });

  // Two instances hear each other's desk events through PostgreSQL only (SQLite is one process's).
  it.skipIf(provider !== 'postgresql')(
    'rewrites an escalation again when its chat was claimed while a slow rewrite was on its way',
    async () => {
      // Instance A rewrites the message on `queued`, B on `claimed`: B's rewrite may land first.
      const a = await deskBot({
        deliver: (event, listener) => {
          if (event.type !== 'claimed') listener(event);
        },
      });
      const { handoffId, ts } = await waitingChat(a.slack);
      const b = await secondInstance(
        a.slack,
        undefined,
        modules(undefined, {
          deliver: (event, listener) => {
            if (event.type !== 'queued') listener(event);
          },
        }),
      );
      onTestFinished(() => b.stop());

      // A's rewrite (waiting, Claim) is slow to reach Slack...
      const slow = slowCall(a.slack, (method, args) => method === 'chat.update' && args.ts === ts);
      await a.signals().publish({ kind: 'chat', handoffId, event: 'queued' });
      await expect.poll(() => slow.held(), { timeout: 15_000 }).toBe(1);

      // ...Sam claims meanwhile, and B's rewrite shows it.
      expect((await a.desk().claim(await samOf(a.slack), handoffId)).ok).toBe(true);
      await a.slack.fake.waitFor(
        'chat.update',
        (c) => c.args.ts === ts && postedText(c).includes('Sam Agent is talking'),
        5_000,
      );

      // A's rewrite lands after B's: A reads the chat again and puts the claim back on the message.
      slow.release();
      await expect.poll(() => rewritesOf(a.slack, ts).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
      await pause(300);
      await a.slack.settle();
      const last = rewritesOf(a.slack, ts).at(-1)!;
      expect(postedText(last)).toContain('Sam Agent is talking');
      expect(() => buttonIn(last, 'Claim')).toThrow();
      expect(await staleNote(a.slack, handoffId)).toBeNull();
    },
  );

  it.skipIf(provider !== 'postgresql')(
    'rewrites a new escalation whose chat was claimed while it was being posted',
    async () => {
      // Instance A posts the message on `queued`, B handles `claimed`: B finds no message to rewrite yet.
      const a = await deskBot({
        deliver: (event, listener) => {
          if (event.type !== 'claimed') listener(event);
        },
      });
      const b = await secondInstance(
        a.slack,
        undefined,
        modules(undefined, {
          deliver: (event, listener) => {
            if (event.type !== 'queued') listener(event);
          },
        }),
      );
      onTestFinished(() => b.stop());

      // The escalation (waiting, Claim) is slow to reach Slack...
      const slow = slowCall(a.slack, (method, args) => method === 'chat.postMessage' && toAgents(args));
      await a.slack.sendEvent(directMessage(USERS.alice.id, 'I want a human'));
      await expect.poll(() => slow.held(), { timeout: 15_000 }).toBe(1);

      // ...Sam claims meanwhile.
      const handoff = await a.slack.database.prisma.handoff.findFirstOrThrow({
        where: { status: 'pending' },
      });
      expect((await a.desk().claim(await samOf(a.slack), handoff.id)).ok).toBe(true);
      await pause(300);

      // The message is posted as it was rendered, then rewritten as the chat is now.
      slow.release();
      const posted = await a.slack.fake.waitFor('chat.postMessage', (c) => toAgents(c.args), 5_000);
      expect(buttonIn(posted, 'Claim')).toBeDefined();
      const ts = String(posted.result?.ts);
      const rewritten = await a.slack.fake.waitFor(
        'chat.update',
        (c) => c.args.ts === ts && postedText(c).includes('Sam Agent is talking'),
        5_000,
      );
      expect(() => buttonIn(rewritten, 'Claim')).toThrow();
      await a.slack.settle();
      expect(escalations(a.slack)).toHaveLength(1);
    },
  );
});
