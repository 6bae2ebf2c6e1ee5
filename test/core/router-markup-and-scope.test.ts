import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/conversation.js';

// The whole bot with the real intent engine: what a message is routed to, and what it must never start.
describe('messages without words of their own, out-of-scope questions and requests for a person', () => {
  let bot: TestBot;
  let n = 0;
  beforeAll(async () => {
    bot = await startTestBot('sqlite');
  }, 120_000);
  afterAll(() => bot.close());

  const say = async (text: string) => {
    const chat = bot.chat(`user${++n}`);
    await chat.say(text);
    return chat;
  };

  it.each(['<#C1|general>', '<@U123>', ':wave:', '<@U123> :wave: !!', '<#C1|general> <@U123>', '👋'])(
    'answers %j, which has no words of its own, with a greeting and starts nothing',
    async (text) => {
      const chat = await say(text);
      expect(chat.intent()).toBe('smalltalk.greeting');
      expect(chat.text()).toMatch(/help/i);
      expect(chat.text()).not.toMatch(/ticket \*\*#|filed/i);
      expect(await bot.app.services.db.ticket.count()).toBe(0);
    },
  );

  it.each(['general', 'what is 2+2', 'what is 3*7', "what's 12 + 30?", 'how much is 100 / 4'])(
    'declines %j as out of scope instead of guessing a skill',
    async (text) => {
      const chat = await say(text);
      expect(chat.intent()).toBe('none');
      expect(chat.text()).not.toMatch(/no open tickets|filed/i);
      expect(await bot.app.services.db.ticket.count()).toBe(0);
    },
  );

  it.each(['contact support', 'escalate this', 'talk to support', 'can you escalate'])(
    'routes %j, a request for a person, to the handoff',
    async (text) => {
      const chat = await say(text);
      expect(chat.intent()).toBe('agent.handoff');
    },
  );

  it.each([
    ['status of 1018', 'ticket.status'],
    ['has 1042 been escalated', 'ticket.status'],
    ['contact details for Adventure Works', 'partner.query'],
    ['hi <@U123>', 'smalltalk.greeting'],
  ])('still routes %j, which has words besides numbers and markup, to %s', async (text, intent) => {
    const chat = await say(text);
    expect(chat.intent()).toBe(intent);
  });
});
