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

/**
 * A module whose middleware, on "race", stores the conversation behind the turn's back the
 * first time (as another instance would), and says what the turn's earlier run left it.
 */
function raceProbe(bump: (conversationId: string) => Promise<void>): AppModule {
  return {
    name: 'race-probe',
    create: () => ({
      middleware: [
        async (ctx, next) => {
          if (ctx.message.text !== 'race') return next();
          const earlier = ctx.carried.get('race.run');
          ctx.carried.set('race.run', typeof earlier === 'number' ? earlier + 1 : 1);
          if (earlier === undefined) await bump(ctx.conversation.id);
          ctx.reply({ type: 'text', text: `run ${String(ctx.carried.get('race.run'))}` });
        },
      ],
    }),
  };
}

describe.each(testProviders())('turn pipeline on %s', (provider) => {
  let bot: TestBot;
  const done: string[] = [];
  beforeAll(async () => {
    bot = await startTestBot(provider, {
      modules: [
        followUpProbe(done),
        raceProbe(async (id) => {
          await bot.database.prisma.conversation.update({
            where: { id },
            data: { version: { increment: 1 } },
          });
        }),
      ],
    });
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

  it('runs a turn again when another instance stored the conversation first, with what its first run left', async () => {
    const chat = bot.chat('bob');
    await chat.say('race');
    expect(chat.text()).toBe('run 2');
    const stored = await bot.database.prisma.message.findMany({
      where: { conversationId: chat.last!.conversationId },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((m) => m.text)).toEqual(['race', 'run 2']);
  });
});
