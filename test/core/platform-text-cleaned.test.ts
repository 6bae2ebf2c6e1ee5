import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppModule } from '../../src/app-module.js';
import type { InboundMessage } from '../../src/core/inbound-message.js';
import { cleanPlatformLine } from '../../src/text/platform-line.js';
import { startTestBot, type TestBot } from '../support/conversation.js';
import { basicRules, keywordMatcher } from '../support/keyword-matcher.js';
import { testProviders } from '../support/test-database.js';

describe('cleanPlatformLine', () => {
  it('drops NUL, control characters and escape sequences, makes line breaks spaces, and cuts', () => {
    expect(cleanPlatformLine(' Ev\u0000il\u0007 \u001b[31mName\u001b[0m\r\nSecond\tline ', 100)).toBe(
      'Evil Name Second line',
    );
    expect(cleanPlatformLine('abc😀def', 4)).toBe('abc😀');
  });
});

/** Profile names and file names come from the platform's payload: stored like message text, cleaned. */
describe.each(testProviders())('text from a platform payload besides the message, on %s', (provider) => {
  let bot: TestBot;
  const seen: InboundMessage[] = [];
  const capture: AppModule = {
    name: 'capture',
    create: () => ({
      middleware: [
        async (ctx, next) => {
          seen.push(ctx.message);
          await next();
        },
      ],
    }),
  };
  beforeAll(async () => {
    bot = await startTestBot(provider, { matcher: keywordMatcher(basicRules), modules: [capture] });
  });
  afterAll(() => bot.close());

  it('reaches the skills and the store without control characters', async () => {
    const result = await bot.app.bot.handle({
      channel: 'teams',
      workspace: 'tenant-1',
      conversationKey: 'a:nul-profile',
      user: { externalId: 'aad-nul', displayName: 'Ev\u0000il\nName', email: 'ev\u0000il@example.com' },
      text: 'hello',
      attachments: [
        {
          name: 're\u0000port\n.pdf',
          mimeType: 'application/\u0000pdf',
          size: 3,
          url: 'https://x.example/f\u0000',
        },
      ],
    });
    expect(result.replies.length).toBeGreaterThan(0);
    const message = seen.at(-1)!;
    expect(message.user).toEqual({
      externalId: 'aad-nul',
      displayName: 'Evil Name',
      email: 'evil@example.com',
    });
    expect(message.attachments).toEqual([
      { name: 'report .pdf', mimeType: 'application/pdf', size: 3, url: 'https://x.example/f' },
    ]);
    const stored = await bot.database.prisma.user.findUnique({ where: { id: result.user.id } });
    expect(stored).toMatchObject({ displayName: 'Evil Name', email: 'evil@example.com' });
    expect(
      await bot.database.prisma.message.count({ where: { conversationId: result.conversationId } }),
    ).toBe(1 + result.replies.length);
  });

  it('stores a newcomer whose profile name has control characters, whoever resolves them first', async () => {
    const profile = await bot.app.services.users.resolve('slack', 'T1', {
      externalId: 'U0NUL',
      displayName: 'Nul\u0000Name\u001b[2J',
    });
    expect(profile.displayName).toBe('NulName');
  });
});
