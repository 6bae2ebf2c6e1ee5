import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanInboundText, cleanInboundValue } from '../../src/core/bot-inbound-text.js';
import { startTestBot, type TestBot } from '../support/conversation.js';
import { basicRules, keywordMatcher } from '../support/keyword-matcher.js';
import { testProviders } from '../support/test-database.js';

describe('cleanInboundText', () => {
  it('removes NUL, other control characters and terminal escape sequences, keeping tabs and line breaks', () => {
    expect(cleanInboundText('he\u0000llo\u0007 \u001b[31mred\u001b[0m\tnext\r\nline\u007f', 100)).toEqual({
      text: 'hello red\tnext\nline',
      cutFrom: null,
    });
  });

  it('cuts text beyond the limit without splitting a character made of two code units', () => {
    expect(cleanInboundText('abcdef', 4)).toEqual({ text: 'abcd', cutFrom: 6 });
    expect(cleanInboundText('abc😀def', 4)).toEqual({ text: 'abc😀', cutFrom: 8 });
  });
});

describe('cleanInboundValue', () => {
  it("cuts a button's texts at the limit, but not a form's inputs: the form says which one is too long", () => {
    const value = {
      action: 'form-submit',
      note: 'x'.repeat(150),
      form: { description: 'a\u0000'.repeat(150) },
    };
    expect(cleanInboundValue(value, 100)).toEqual({
      action: 'form-submit',
      note: 'x'.repeat(100),
      form: { description: 'a'.repeat(150) },
    });
    expect(cleanInboundValue({ form: { description: 'x'.repeat(200_000) } }, 100)).toEqual({
      form: { description: 'x'.repeat(100_000) },
    });
  });
});

describe.each(testProviders())('turn pipeline with unsafe text on %s', (provider) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(provider, { matcher: keywordMatcher(basicRules) });
  });
  afterAll(() => bot.close());

  const message = (text: string, value?: Record<string, unknown>) => ({
    channel: 'console' as const,
    workspace: '',
    conversationKey: `console-alice-${provider}`,
    user: { externalId: 'alice' },
    text,
    value,
    attachments: [],
  });

  it('answers and stores a message with a NUL byte (as typed in the terminal chat), without the NUL', async () => {
    const result = await bot.app.bot.handle(message('hello\u0000world'));
    expect(result.replies.length).toBeGreaterThan(0);
    const stored = await bot.database.prisma.message.findFirst({
      where: { conversationId: result.conversationId, direction: 'in' },
      orderBy: { id: 'desc' },
    });
    expect(stored?.text).toBe('helloworld');
  });

  it('stores a button value with a NUL byte in it', async () => {
    const result = await bot.app.bot.handle(message('', { action: 'nothing', note: 'a\u0000b' }));
    const stored = await bot.database.prisma.message.findFirst({
      where: { conversationId: result.conversationId, direction: 'in' },
      orderBy: { id: 'desc' },
    });
    expect(JSON.parse(stored?.payload ?? '{}')).toEqual({ value: { action: 'nothing', note: 'ab' } });
  });

  it('never stores more text than the longest message a deployment may allow', async () => {
    const result = await bot.app.bot.handle(message('x'.repeat(200_000)));
    const stored = await bot.database.prisma.message.findFirst({
      where: { conversationId: result.conversationId, direction: 'in' },
      orderBy: { id: 'desc' },
    });
    expect(stored?.text.length).toBeLessThanOrEqual(100_000);
  });
});
