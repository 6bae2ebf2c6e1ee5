import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/conversation.js';

/**
 * A number typed right after the menu presses that button, with the whole bot and the trained
 * intent engine. No agent is online here, so the menu shows "File a ticket" and "My tickets".
 * Routing does not depend on the database, so this runs on SQLite only.
 */
describe('typing a number after the menu', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot('sqlite');
  });
  afterAll(() => bot.close());

  it('"2" after the help card answers as the "My tickets" button does', async () => {
    const clicked = bot.chat('alice');
    await clicked.say('help');
    await clicked.click('My tickets');

    const typed = bot.chat('alice');
    await typed.say('help');
    expect(typed.actions().map((a) => a.label)).toEqual(['File a ticket', 'My tickets']);
    await typed.say('2');
    expect(typed.intent()).toBe('ticket.list');
    expect(typed.text()).toBe(clicked.text());
  });

  it('"1" after the menu that follows a miss starts a ticket, as its first button does', async () => {
    const alice = bot.chat('alice');
    await alice.say('blorp zzzt');
    expect(alice.actions()[0]?.label).toBe('File a ticket');
    await alice.say('1');
    expect(alice.intent()).toBe('ticket.create');
  });

  it('a number beyond the buttons shown is read as before (a ticket number)', async () => {
    const alice = bot.chat('alice');
    await alice.say('help');
    await alice.say('3');
    expect(alice.intent()).toBe('ticket.status');
  });

  it('a number with no menu just before is read as before', async () => {
    const alice = bot.chat('alice');
    await alice.say('2');
    expect(alice.intent()).toBe('ticket.status');

    const bob = bot.chat('bob');
    await bob.say('help');
    await bob.say('thanks');
    await bob.say('2');
    expect(bob.intent()).toBe('ticket.status');
  });

  it('a number after a message the router never saw ("that didn\'t help" → the offer) does not press the old menu', async () => {
    const alice = bot.chat('alice');
    await alice.say('help');
    await alice.say("that didn't help");
    expect(alice.text()).not.toMatch(/My tickets/);
    await alice.say('2');
    expect(alice.intent()).toBe('ticket.status');
  });
});
