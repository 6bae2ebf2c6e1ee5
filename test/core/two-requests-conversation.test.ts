import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/conversation.js';

/**
 * Two requests in one message, with the whole bot and the trained intent engine: the first is
 * answered, the second is offered as a button. Routing does not depend on the database, so
 * this runs on SQLite only.
 */
describe('two requests in one message', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot('sqlite');
  });
  afterAll(() => bot.close());

  const also = (chat: ReturnType<TestBot['chat']>) =>
    chat.actions().filter((a) => a.label.startsWith('Also:'));

  it('answers the first and offers the second, which the button then answers', async () => {
    const alice = bot.chat('alice');
    await alice.say('status of 1002 and how do I invite a partner');
    expect(alice.intent()).toBe('ticket.status');
    expect(alice.text()).toContain('**#1002**');
    expect(also(alice).map((a) => a.label)).toEqual(['Also: how do I invite a partner?']);

    const typed = bot.chat('alice');
    await typed.say('how do I invite a partner');
    await alice.click('Also: how do I invite a partner?');
    expect(alice.intent()).toBe('docs.search');
    expect(alice.text().replace(/da_[\w-]+/g, '')).toBe(typed.text().replace(/da_[\w-]+/g, ''));
  });

  it('offers a short second request ("my tickets")', async () => {
    const alice = bot.chat('alice');
    await alice.say('status of 1001 and my tickets');
    expect(alice.intent()).toBe('ticket.status');
    expect(also(alice).map((a) => a.label)).toEqual(['Also: my tickets?']);
  });

  it('reads a greeting in front as no request of its own', async () => {
    const alice = bot.chat('alice');
    await alice.say('Hi! Show my tickets. Who manages Northwind Deals?');
    expect(alice.intent()).toBe('ticket.list');
    expect(also(alice).map((a) => a.label)).toEqual(['Also: Who manages Northwind Deals?']);
  });

  it.each([
    ['one request that contains "and"', 'list my open and pending tickets', 'ticket.list'],
    [
      'a problem told in two halves',
      'the pixel stopped firing yesterday and conversions are missing',
      'ticket.create',
    ],
    [
      'two questions for the help docs',
      'how do I set up the tracking pixel and how do I invite a partner',
      'docs.search',
    ],
    ['a request for a person, which wins as before', 'status of 1002 and talk to a person', 'agent.handoff'],
    [
      'a problem told before a question about its ticket',
      'payout export is timing out again. whats the status of 1001',
      'ticket.status',
    ],
    [
      'a problem told before a how-to question',
      'the pixel on campaign 4821 stopped firing and how do i set up the pixel',
      'docs.search',
    ],
    ['two tickets asked about at once', 'whats the status of 1000 and 1001 please', 'ticket.status'],
    ['a second request pointing back at the first', 'status of 1001 and close it', null],
    [
      'a question about a ticket with the problem told after it',
      'whats the status of 1001? the export is timing out again',
      'ticket.status',
    ],
  ])('answers %s as one request', async (_what, text, intent) => {
    const alice = bot.chat('alice');
    await alice.say(text);
    if (intent) expect(alice.intent()).toBe(intent);
    expect(also(alice)).toEqual([]);
  });

  it('does not cut a range of dates in two', async () => {
    const alice = bot.chat('alice');
    await alice.say('show my tickets created between may 3 and may 10');
    expect(also(alice)).toEqual([]);
  });
});
