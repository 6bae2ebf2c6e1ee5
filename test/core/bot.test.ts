import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppModule } from '../../src/app-module.js';
import { startTestBot, type TestBot } from '../support/conversation.js';
import { testProviders } from '../support/test-database.js';

/** A module whose middleware asks for work after the save, then fails the turn on "explode". */
function followUpProbe(done: string[]): AppModule {
  return {
    name: 'follow-up-probe',
    create: () => ({
      middleware: [
        async (ctx, next) => {
          ctx.afterSave(async () => {
            done.push(ctx.message.text);
          });
          if (ctx.message.text === 'explode') throw new Error('a skill broke');
          await next();
        },
      ],
    }),
  };
}

describe.each(testProviders())('turn pipeline on %s', (provider) => {
  let bot: TestBot;
  const done: string[] = [];
  beforeAll(async () => {
    bot = await startTestBot(provider, { modules: [followUpProbe(done)] });
  });
  afterAll(() => bot.close());

  it('keeps the message of a failed turn, answers with an apology, and runs its follow-ups once stored', async () => {
    const chat = bot.chat('alice');
    await chat.say('hello');
    await chat.say('explode');
    expect(chat.text()).toMatch(/sorry|went wrong/i);
    await bot.app.bot.drain();
    expect(done).toEqual(['hello', 'explode']);
    const stored = await bot.database.prisma.message.findMany({
      where: { direction: 'in' },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((m) => m.text)).toEqual(['hello', 'explode']);
  });
});
