import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import type { AppModule } from '../../../src/app-module.js';
import { loadConfig } from '../../../src/config.js';
import { createHandoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { Chat } from '../../support/conversation.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { fakeTicketsModule } from './fake-tickets.js';
import { type HandoffKit, handoffRules, startHandoffKit, webChannelModule } from './handoff-kit.js';

/**
 * Holds one turn of an instance, so a test can let another instance act in between:
 * `after` holds it once handled and before it is stored (it then runs again, on the newer
 * conversation); `before` holds it once the conversation is read and before it is handled.
 */
function turnHold(at: 'before' | 'after') {
  let armed: { reached: () => void; released: Promise<void> } | null = null;
  const wait = async () => {
    const hold = armed;
    armed = null;
    if (!hold) return;
    hold.reached();
    await hold.released;
  };
  const module: AppModule = {
    name: `turn-hold-${at}`,
    create: () => ({
      middleware: [
        async (_ctx, next) => {
          if (at === 'before') await wait();
          await next();
          if (at === 'after') await wait();
        },
      ],
    }),
  };
  /** Holds the next turn; `reached` resolves once it waits, `release` lets it go on. */
  const next = () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reached = new Promise<void>((resolve) => {
      armed = { reached: resolve, released };
    });
    return { reached, release };
  };
  return { module, next };
}

describe.each(testProviders())('asking twice for a person, on two bot instances on %s', (provider) => {
  let kit: HandoffKit;
  let other: App;
  const hold = turnHold('after');
  const otherHold = turnHold('before');
  beforeAll(async () => {
    kit = await startHandoffKit(provider, { before: [hold.module] });
    // A second instance on the same database, as in production behind a load balancer.
    other = await createApp(loadConfig({ DATABASE_URL: kit.bot.database.url, LOG_LEVEL: 'silent' }), {
      http: false,
      logger: pino({ level: 'silent' }),
      matcher: keywordMatcher(handoffRules),
      modules: [
        otherHold.module,
        fakeTicketsModule(),
        createHandoffModule({ queueUpdateDelayMs: 0, sweepIntervalMs: 3_600_000 }),
        webChannelModule,
      ],
    });
    await other.start();
  });
  afterAll(async () => {
    await other.stop();
    await kit.close();
  });
  beforeEach(() => kit.reset());

  const db = () => kit.bot.app.services.db;

  it('opens one chat and files one ticket, and the user is told their place in line and the ticket', async () => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    const here = kit.bot.chat('alice');
    const there = new Chat(other, 'alice', here.channel, here.conversationKey);
    await here.say('my tracking pixel stopped firing yesterday');

    await Promise.all([here.say('talk to a human'), there.say('talk to a human')]);

    const conversationId = await kit.conversationId(here);
    const chats = await db().handoff.findMany({ where: { conversationId } });
    expect(chats).toHaveLength(1);
    expect(await db().ticket.count({ where: { conversationId } })).toBe(1);
    const ticket = await db().ticket.findFirstOrThrow({ where: { conversationId } });
    expect(chats[0]!.ticketId).toBe(ticket.id);
    // One answer is the queue confirmation with the ticket, whichever turn was stored first;
    // the other passed its message on to the chat with the place in line, or shows the chat already open.
    const answers = [here.text(), there.text()];
    const confirmation = new RegExp(`number 1\\*\\* in line.*ticket \\*\\*#${ticket.id}\\*\\*`);
    const confirmed = answers.filter((answer) => confirmation.test(answer));
    expect(confirmed).toHaveLength(1);
    const rest = answers.find((answer) => !confirmation.test(answer));
    expect(rest).toMatch(
      /^$|^You're already in line \(number 1\)|^Added to your request.*number 1\*\* in line/,
    );
  });

  it('confirms the chat to the turn that opened it, when another instance stored the conversation first', async () => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    const here = kit.bot.chat('alice');
    const there = new Chat(other, 'alice', here.channel, here.conversationKey);
    await here.say('my tracking pixel stopped firing yesterday');

    const held = hold.next();
    const asking = here.say('talk to a human');
    await held.reached;
    await there.say('hello? is anyone there');
    held.release();
    // The message went to the chat while the user waits: it is acknowledged with the place in line.
    expect(there.text()).toMatch(/^Added to your request.*number 1\*\* in line/);
    await asking;

    const conversationId = await kit.conversationId(here);
    const [chat] = await db().handoff.findMany({ where: { conversationId } });
    expect(here.text()).toMatch(
      new RegExp(`^You're \\*\\*number 1\\*\\* in line.*ticket \\*\\*#${chat!.ticketId}\\*\\*`),
    );
    // The request itself stays outside the chat, as when nothing raced; the other message is in it.
    const inChat = await db().message.findMany({
      where: { handoffId: chat!.id, direction: 'in' },
      orderBy: { id: 'asc' },
    });
    expect(inChat.map((m) => m.text)).toEqual(['hello? is anyone there']);
    expect(await db().handoff.count({ where: { conversationId } })).toBe(1);
  });

  it('files one ticket when no agent is available', async () => {
    const here = kit.bot.chat('alice');
    const there = new Chat(other, 'alice', here.channel, here.conversationKey);
    await here.say('my tracking pixel stopped firing yesterday');

    await Promise.all([here.say('talk to a human'), there.say('talk to a human')]);

    const conversationId = await kit.conversationId(here);
    expect(await db().handoff.count({ where: { conversationId } })).toBe(0);
    expect(await db().ticket.count({ where: { conversationId } })).toBe(1);
    for (const chat of [here, there]) expect(chat.text()).toMatch(/No agent is available for live chat/);
  });
  it('files one ticket when the other instance read the conversation before this one stored its escalation', async () => {
    const here = kit.bot.chat('alice');
    const there = new Chat(other, 'alice', here.channel, here.conversationKey);
    await here.say('my tracking pixel stopped firing yesterday');

    const held = otherHold.next();
    const askingThere = there.say('talk to a human');
    await held.reached;
    await here.say('talk to a human');
    held.release();
    await askingThere;

    const conversationId = await kit.conversationId(here);
    const tickets = await db().ticket.findMany({ where: { conversationId } });
    expect(tickets).toHaveLength(1);
    for (const chat of [here, there]) expect(chat.text()).toContain(`**#${tickets[0]!.id}**`);
  });

  it('files one ticket when the escalating turn runs again after another instance stored a message', async () => {
    const here = kit.bot.chat('alice');
    const there = new Chat(other, 'alice', here.channel, here.conversationKey);
    await here.say('my tracking pixel stopped firing yesterday');

    const held = hold.next();
    const asking = here.say('talk to a human');
    await held.reached;
    await there.say('hello? is anyone there');
    held.release();
    await asking;

    const conversationId = await kit.conversationId(here);
    const tickets = await db().ticket.findMany({ where: { conversationId } });
    expect(tickets).toHaveLength(1);
    expect(here.text()).toMatch(/No agent is available for live chat/);
    expect(here.text()).toContain(`**#${tickets[0]!.id}**`);
  });
});
