import { pino } from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { createTeamsModule } from '../../../src/channels/teams/teams-module.js';
import { loadConfig } from '../../../src/config.js';
import type { AgentDesk, DeskEvent } from '../../../src/skills/handoff/agent-desk.js';
import type { DeskSignals } from '../../../src/skills/handoff/desk-signals.js';
import { createHandoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { handoffRules } from '../../skills/handoff/handoff-kit.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../support/test-database.js';
import { type ConnectorCall, FakeBotConnector } from './fakes/fake-bot-connector.js';
import {
  AGENTS_CHANNEL,
  channelConversation,
  executeInvoke,
  personalConversation,
  teamsUser,
} from './fakes/teams-activities.js';
import { allActions, postActivity, TeamsChat } from './fakes/teams-test-bot.js';

/** How often the agents' channel is checked when a test wants it often (60 s in production). */
const RESYNC_MS = 200;
/** A resync that never comes during a test: only the start-up sync runs. */
const NO_RESYNC_MS = 3_600_000;

const alice = teamsUser('alice', 'Alice B.', 'alice@acme.example');
const sam = teamsUser('sam', 'Sam A.', 'sam@support.example');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A card that shows the chat claimed by Sam, with no Claim button left on it. */
function expectClaimedBySam(card: Parameters<typeof allActions>[0]): void {
  expect(JSON.stringify(card)).toMatch(/Claimed by Sam Agent/);
  expect(allActions(card).map((a) => a.title)).not.toContain('Claim');
}

interface Instance {
  readonly app: App;
  readonly desk: AgentDesk;
  readonly signals: DeskSignals;
}

describe.each(testProviders())('Teams escalation cards the connector refused to update (%s)', (provider) => {
  /** The fake Bot Connector and the database that outlive one bot instance. */
  async function world(): Promise<{ connector: FakeBotConnector; database: TestDatabase }> {
    const connector = new FakeBotConnector();
    await connector.start();
    const database = await createTestDatabase(provider);
    onTestFinished(async () => {
      await connector.close();
      await database.drop();
    });
    for (const user of [alice, sam])
      connector.members.set(user.id, {
        id: user.id,
        aadObjectId: user.aadObjectId,
        name: user.name,
        email: user.email,
        userPrincipalName: user.email,
      });
    return { connector, database };
  }

  /**
   * A bot instance on that database, talking to that connector; stopped at the end of the test.
   * `deliver`, when given, stands between the desk and its listeners (the Teams view): it
   * hands each desk event on when it likes, as an instance that hears an event late.
   */
  async function instance(
    database: TestDatabase,
    resyncMs: number,
    deliver?: (event: DeskEvent, listener: (event: DeskEvent) => void) => void,
  ): Promise<Instance> {
    let desk: AgentDesk | null = null;
    let signals: DeskSignals | null = null;
    const app = await createApp(
      loadConfig({
        DATABASE_URL: database.url,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        TEAMS_AGENTS_CHANNEL: AGENTS_CHANNEL,
      }),
      {
        logger: pino({ level: process.env.TEAMS_TEST_LOG ?? 'silent' }),
        matcher: keywordMatcher(handoffRules),
        modules: [
          ticketsModule,
          createHandoffModule({
            queueUpdateDelayMs: 0,
            sweepIntervalMs: 3_600_000,
            onCreated: (inner) => {
              desk = inner.desk;
              signals = inner.signals;
              if (deliver) {
                const subscribe = inner.desk.subscribe.bind(inner.desk);
                inner.desk.subscribe = (listener) => subscribe((event) => deliver(event, listener));
              }
            },
          }),
          createTeamsModule({ agentsResyncIntervalMs: resyncMs }),
        ],
      },
    );
    await app.start();
    let stopped = false;
    const stop = app.stop.bind(app);
    app.stop = async () => {
      if (stopped) return;
      stopped = true;
      await stop();
    };
    onTestFinished(() => app.stop());
    return { app, desk: desk as unknown as AgentDesk, signals: signals as unknown as DeskSignals };
  }

  /** Alice asks for a person; Sam, online, claims her chat from its card while the connector answers the card's update with `refusal`. */
  async function claimWhileCardUpdateRefused(
    connector: FakeBotConnector,
    first: Instance,
    refusal: 'refuse' | 'gone',
  ): Promise<{ handoffId: string; rootId: string; refused: () => number }> {
    const sams = await first.app.services.users.byId('usr_sam');
    await first.desk.setAvailability(sams!, 'online');
    const chat = new TeamsChat(
      (a) => postActivity(first.app.port, a),
      connector,
      alice,
      personalConversation(alice),
    );
    await chat.say('hello');
    await chat.say('my tracking pixel stopped firing, can I talk to a person please');
    expect(chat.text()).toMatch(/in line/);
    const card = await connector.waitFor((c) => c.kind === 'create');
    const rootId = card.newId!;
    const threadId = `${AGENTS_CHANNEL};messageid=${rootId}`;
    const [waiting] = await first.desk.queue();

    let refused = 0;
    const cardUpdate = (method: string, path: string) => {
      const hit = method === 'PUT' && path === `/v3/conversations/${threadId}/activities/${rootId}`;
      if (hit) refused++;
      return hit;
    };
    connector[refusal] = cardUpdate;
    const claim = allActions(card.body.activity.attachments[0].content).find((a) => a.title === 'Claim');
    const answer = await postActivity(
      first.app.port,
      executeInvoke(
        connector.serviceUrl,
        sam,
        channelConversation(AGENTS_CHANNEL, rootId),
        { verb: claim.verb, title: 'Claim', data: claim.data },
        rootId,
      ),
    );
    expect(JSON.stringify(answer.body.value)).toMatch(/Claimed by Sam Agent/);
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThan(0);
    return { handoffId: waiting!.handoffId, rootId, refused: () => refused };
  }

  const staleNote = async (database: TestDatabase, handoffId: string) =>
    (
      await database.prisma.agentThread.findUniqueOrThrow({
        where: { handoffId_channel: { handoffId, channel: 'teams' } },
      })
    ).staleNote;

  const cardUpdates = (connector: FakeBotConnector, rootId: string) =>
    connector.calls.filter((c: ConnectorCall) => c.kind === 'update' && c.activityId === rootId);

  it('rewrites a card whose update was refused on claim at the start of the next bot instance', async () => {
    const { connector, database } = await world();
    const first = await instance(database, NO_RESYNC_MS);
    const { handoffId, rootId } = await claimWhileCardUpdateRefused(connector, first, 'refuse');

    // The card still offers Claim; its row says so, for whichever instance resyncs next.
    await expect.poll(() => staleNote(database, handoffId)).not.toBeNull();
    expect(cardUpdates(connector, rootId)).toEqual([]);

    // The bot stops before any resync; the connector takes updates again.
    await first.app.stop();
    connector.refuse = null;

    // The instance that starts next rewrites the card on its start-up sync: no Claim on a claimed chat.
    await instance(database, NO_RESYNC_MS);
    const update = await connector.waitFor((c) => c.kind === 'update' && c.activityId === rootId, 5_000);
    const rewritten = update.body.attachments[0].content;
    expectClaimedBySam(rewritten);
    await expect.poll(() => staleNote(database, handoffId)).toBeNull();
    await pause(300);
    expect(cardUpdates(connector, rootId)).toHaveLength(1);
  });

  it('keeps trying while the connector refuses, and gives up a card it answers is gone (404)', async () => {
    const { connector, database } = await world();
    const bot = await instance(database, RESYNC_MS);
    const { handoffId, rootId, refused } = await claimWhileCardUpdateRefused(connector, bot, 'refuse');

    // Refused (403): the resync tries again, every time.
    await expect.poll(() => refused(), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await staleNote(database, handoffId)).not.toBeNull();

    // The card was deleted from the channel: the connector answers 404 from now on.
    let missing = 0;
    connector.refuse = null;
    connector.gone = (method, path) => {
      const hit = method === 'PUT' && path.endsWith(`/activities/${rootId}`);
      if (hit) missing++;
      return hit;
    };
    await expect.poll(() => missing, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => staleNote(database, handoffId)).toBeNull();
    // Never tried again: the resyncs after it leave the card alone.
    await pause(4 * RESYNC_MS);
    expect(missing).toBe(1);
    expect(cardUpdates(connector, rootId)).toEqual([]);
    // The chat is claimed: its deleted card is not posted again.
    expect(connector.calls.filter((c) => c.kind === 'create')).toHaveLength(1);
  });

  it('does not try again a card update the connector answered with 404', async () => {
    const { connector, database } = await world();
    const bot = await instance(database, RESYNC_MS);
    const { handoffId, rootId, refused } = await claimWhileCardUpdateRefused(connector, bot, 'gone');
    await pause(4 * RESYNC_MS);
    expect(refused()).toBe(1);
    expect(await staleNote(database, handoffId)).toBeNull();
    expect(cardUpdates(connector, rootId)).toEqual([]);
    expect(connector.calls.filter((c) => c.kind === 'create')).toHaveLength(1);
  });

  it('marks a card refused on a chat queued again, and the resync rewrites it', async () => {
    const { connector, database } = await world();
    const bot = await instance(database, RESYNC_MS);
    await bot.desk.setAvailability((await bot.app.services.users.byId('usr_sam'))!, 'online');
    const chat = new TeamsChat(
      (a) => postActivity(bot.app.port, a),
      connector,
      alice,
      personalConversation(alice),
    );
    await chat.say('hello');
    await chat.say('my tracking pixel stopped firing, can I talk to a person please');
    expect(chat.text()).toMatch(/in line/);
    const card = await connector.waitFor((c) => c.kind === 'create');
    const rootId = card.newId!;
    const [waiting] = await bot.desk.queue();
    const handoffId = waiting!.handoffId;
    expect(await staleNote(database, handoffId)).toBeNull();

    // The chat is heard queued again while its card is posted: the card's rewrite is refused.
    let refused = 0;
    connector.refuse = (method, path) => {
      const hit = method === 'PUT' && path.endsWith(`/activities/${rootId}`);
      if (hit) refused++;
      return hit;
    };
    await bot.signals.publish({ kind: 'chat', handoffId, event: 'queued' });
    await expect.poll(() => refused, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => staleNote(database, handoffId)).not.toBeNull();

    // The connector takes updates again: the resync rewrites the card and clears the mark.
    connector.refuse = null;
    const update = await connector.waitFor((c) => c.kind === 'update' && c.activityId === rootId, 5_000);
    expect(allActions(update.body.attachments[0].content).map((a) => a.title)).toContain('Claim');
    await expect.poll(() => staleNote(database, handoffId)).toBeNull();
  });

  /** Alice asks for a person and waits: her chat's card is posted to the agents' channel. */
  async function waitingChat(
    connector: FakeBotConnector,
    bot: Instance,
  ): Promise<{ chat: TeamsChat; handoffId: string; rootId: string; card: ConnectorCall }> {
    await bot.desk.setAvailability((await bot.app.services.users.byId('usr_sam'))!, 'online');
    const chat = new TeamsChat(
      (a) => postActivity(bot.app.port, a),
      connector,
      alice,
      personalConversation(alice),
    );
    await chat.say('hello');
    await chat.say('my tracking pixel stopped firing, can I talk to a person please');
    expect(chat.text()).toMatch(/in line/);
    const card = await connector.waitFor((c) => c.kind === 'create');
    const [waiting] = await bot.desk.queue();
    return { chat, handoffId: waiting!.handoffId, rootId: card.newId!, card };
  }

  const threadKey = async (database: TestDatabase, handoffId: string) =>
    (
      await database.prisma.agentThread.findUnique({
        where: { handoffId_channel: { handoffId, channel: 'teams' } },
      })
    )?.threadKey ?? null;

  const cardsPosted = (connector: FakeBotConnector) => connector.calls.filter((c) => c.kind === 'create');

  /** Answers 404 to every rewrite of the card `rootId` (an agent deleted it); counts them. */
  function deleteCard(connector: FakeBotConnector, rootId: string): () => number {
    let missing = 0;
    connector.gone = (method, path) => {
      const hit = method === 'PUT' && path.endsWith(`/activities/${rootId}`);
      if (hit) missing++;
      return hit;
    };
    return () => missing;
  }

  it('posts a new card for a waiting chat queued again whose card was deleted (404)', async () => {
    const { connector, database } = await world();
    const bot = await instance(database, NO_RESYNC_MS);
    const { chat, handoffId, rootId } = await waitingChat(connector, bot);
    const missing = deleteCard(connector, rootId);

    await bot.signals.publish({ kind: 'chat', handoffId, event: 'queued' });
    await expect.poll(() => missing(), { timeout: 15_000 }).toBe(1);

    // The chat waits for an agent: it shows in the agents' channel again, as a new card with Claim.
    const repost = await connector.waitFor((c) => c.kind === 'create' && c.newId !== rootId, 5_000);
    expect(allActions(repost.body.activity.attachments[0].content).map((a) => a.title)).toContain('Claim');
    const newThread = `${AGENTS_CHANNEL};messageid=${repost.newId}`;
    await expect.poll(() => threadKey(database, handoffId)).toBe(newThread);
    expect(await staleNote(database, handoffId)).toBeNull();

    // Alice's lines go to the new card's reply chain.
    await chat.say('is anyone there?');
    await expect
      .poll(() => connector.messagesIn(newThread).map((c) => JSON.stringify(c.body)), { timeout: 15_000 })
      .toEqual([expect.stringMatching(/is anyone there/)]);
    await pause(300);
    expect(cardsPosted(connector)).toHaveLength(2);
    expect(missing()).toBe(1);
  });

  it('posts a new card on resync for a waiting chat whose stale card was deleted (404)', async () => {
    const { connector, database } = await world();
    const bot = await instance(database, RESYNC_MS);
    const { handoffId, rootId } = await waitingChat(connector, bot);

    // The rewrite on a queued event is refused: the card is marked for the resync.
    connector.refuse = (method, path) => method === 'PUT' && path.endsWith(`/activities/${rootId}`);
    await bot.signals.publish({ kind: 'chat', handoffId, event: 'queued' });
    await expect.poll(() => staleNote(database, handoffId)).not.toBeNull();

    // Meanwhile an agent deleted the card: the resync's rewrite gets 404 and posts a new card.
    connector.refuse = null;
    const missing = deleteCard(connector, rootId);
    const repost = await connector.waitFor((c) => c.kind === 'create' && c.newId !== rootId, 5_000);
    expect(allActions(repost.body.activity.attachments[0].content).map((a) => a.title)).toContain('Claim');
    await expect
      .poll(() => threadKey(database, handoffId))
      .toBe(`${AGENTS_CHANNEL};messageid=${repost.newId}`);
    expect(await staleNote(database, handoffId)).toBeNull();
    await pause(4 * RESYNC_MS);
    expect(missing()).toBe(1);
    expect(cardsPosted(connector)).toHaveLength(2);
  });

  it("never rewrites a claimed chat's card back to Claim from a queued event heard late", async () => {
    const { connector, database } = await world();
    // This instance hears `queued` events late (held back until released), like a slow instance.
    const held: Array<() => void> = [];
    let holding = false;
    const bot = await instance(database, NO_RESYNC_MS, (event, listener) => {
      if (holding && event.type === 'queued') held.push(() => listener(event));
      else listener(event);
    });
    const { handoffId, rootId } = await waitingChat(connector, bot);

    // The chat is queued again; this instance's copy of the event says "waiting"...
    holding = true;
    await bot.signals.publish({ kind: 'chat', handoffId, event: 'queued' });
    await expect.poll(() => held.length).toBe(1);

    // ...but before it is handled, Sam claims the chat and its card shows it.
    const claimed = await bot.desk.claim((await bot.app.services.users.byId('usr_sam'))!, handoffId);
    expect(claimed.ok).toBe(true);
    await connector.waitFor(
      (c) =>
        c.kind === 'update' && c.activityId === rootId && /Claimed by Sam Agent/.test(JSON.stringify(c.body)),
      5_000,
    );

    // The late event is handled now: the card stays claimed.
    holding = false;
    for (const release of held) release();
    await pause(500);
    const updates = cardUpdates(connector, rootId);
    const last = updates.at(-1)!.body.attachments[0].content;
    expectClaimedBySam(last);
    expect(await staleNote(database, handoffId)).toBeNull();
  });

  // Two instances hear each other's desk events through PostgreSQL only (SQLite is one process's).
  it.skipIf(provider !== 'postgresql')(
    'rewrites a card again when its chat was claimed while a slow rewrite was on its way',
    async () => {
      const { connector, database } = await world();
      // Instance A rewrites the card on `queued`, B on `claimed`: B's rewrite may land first.
      const a = await instance(database, NO_RESYNC_MS, (event, listener) => {
        if (event.type !== 'claimed') listener(event);
      });
      const { handoffId, rootId } = await waitingChat(connector, a);
      await instance(database, NO_RESYNC_MS, (event, listener) => {
        if (event.type !== 'queued') listener(event);
      });

      // A's rewrite (waiting, Claim) is slow to reach the connector...
      let release = () => {};
      const slow = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held = 0;
      connector.hold = (method, path) => {
        if (method !== 'PUT' || !path.endsWith(`/activities/${rootId}`) || held > 0) return null;
        held++;
        return slow;
      };
      await a.signals.publish({ kind: 'chat', handoffId, event: 'queued' });
      await expect.poll(() => held, { timeout: 15_000 }).toBe(1);

      // ...Sam claims meanwhile, and B's rewrite shows it.
      const claimed = await a.desk.claim((await a.app.services.users.byId('usr_sam'))!, handoffId);
      expect(claimed.ok).toBe(true);
      await connector.waitFor(
        (c) =>
          c.kind === 'update' &&
          c.activityId === rootId &&
          /Claimed by Sam Agent/.test(JSON.stringify(c.body)),
        5_000,
      );

      // A's rewrite lands after B's: A reads the chat again and puts the claim back on the card.
      release();
      await expect
        .poll(() => cardUpdates(connector, rootId).length, { timeout: 15_000 })
        .toBeGreaterThanOrEqual(3);
      await pause(500);
      const last = cardUpdates(connector, rootId).at(-1)!.body.attachments[0].content;
      expectClaimedBySam(last);
      expect(await staleNote(database, handoffId)).toBeNull();
    },
  );

  it.skipIf(provider !== 'postgresql')(
    'rewrites a new card whose chat was claimed while the card was being posted',
    async () => {
      const { connector, database } = await world();
      // Instance A posts the card on `queued`, B handles `claimed`: B finds no card to rewrite yet.
      const a = await instance(database, NO_RESYNC_MS, (event, listener) => {
        if (event.type !== 'claimed') listener(event);
      });
      await instance(database, NO_RESYNC_MS, (event, listener) => {
        if (event.type !== 'queued') listener(event);
      });
      await a.desk.setAvailability((await a.app.services.users.byId('usr_sam'))!, 'online');

      // The card (waiting, Claim) is slow to reach the connector...
      let release = () => {};
      const slow = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held = 0;
      connector.hold = (method, path) => {
        if (method !== 'POST' || path !== '/v3/conversations' || held > 0) return null;
        held++;
        return slow;
      };
      const chat = new TeamsChat(
        (x) => postActivity(a.app.port, x),
        connector,
        alice,
        personalConversation(alice),
      );
      await chat.say('hello');
      await chat.say('my tracking pixel stopped firing, can I talk to a person please');
      await expect.poll(() => held, { timeout: 15_000 }).toBe(1);

      // ...Sam claims meanwhile.
      const [waiting] = await a.desk.queue();
      const claimed = await a.desk.claim((await a.app.services.users.byId('usr_sam'))!, waiting!.handoffId);
      expect(claimed.ok).toBe(true);
      await pause(300);

      // The card is posted as it was rendered, then rewritten as the chat is now.
      release();
      const card = await connector.waitFor((c) => c.kind === 'create', 5_000);
      expect(allActions(card.body.activity.attachments[0].content).map((x) => x.title)).toContain('Claim');
      const update = await connector.waitFor(
        (c) => c.kind === 'update' && c.activityId === card.newId,
        5_000,
      );
      const rewritten = update.body.attachments[0].content;
      expectClaimedBySam(rewritten);
    },
  );
});
