import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { createHandoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { Chat } from '../../support/conversation.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import { fakeTicketsModule } from './fake-tickets.js';
import { type HandoffKit, handoffRules, startHandoffKit, webChannelModule } from './handoff-kit.js';

describe.each(testProviders())('asking twice for a person, on two bot instances on %s', (provider) => {
  let kit: HandoffKit;
  let other: App;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
    // A second instance on the same database, as in production behind a load balancer.
    other = await createApp(loadConfig({ DATABASE_URL: kit.bot.database.url, LOG_LEVEL: 'silent' }), {
      http: false,
      logger: pino({ level: 'silent' }),
      matcher: keywordMatcher(handoffRules),
      modules: [
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

  it('opens one chat and files one ticket, and both answers point at that chat', async () => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    const here = kit.bot.chat('alice');
    const there = new Chat(other, 'alice', here.channel, here.conversationKey);
    await here.say('my tracking pixel stopped firing yesterday');

    await Promise.all([here.say('talk to a human'), there.say('talk to a human')]);

    const conversationId = await kit.conversationId(here);
    const chats = await db().handoff.findMany({ where: { conversationId } });
    expect(chats).toHaveLength(1);
    expect(await db().ticket.count({ where: { conversationId } })).toBe(1);
    expect(chats[0]!.ticketId).toBe((await db().ticket.findFirstOrThrow({ where: { conversationId } })).id);
    // Every answer points at that one chat or is empty (a turn that runs again after the other
    // saved finds the chat and passes its message on, quietly); at least one answer points at it.
    // Which one depends on the race: the turn that opened the chat may itself be the one run
    // again, and the other, refused a second chat, then shows the chat already open.
    const pointsAtChat = /number 1\*\* in line|already in line \(number 1\)/;
    const answers = [here.text(), there.text()];
    for (const answer of answers) expect(answer).toMatch(new RegExp(`^$|${pointsAtChat.source}`));
    expect(answers.some((answer) => pointsAtChat.test(answer))).toBe(true);
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
});
