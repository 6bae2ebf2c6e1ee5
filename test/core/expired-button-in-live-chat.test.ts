import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppModule } from '../../src/app-module.js';
import { KEPT_PARKED_VALUES, MAX_ACTION_VALUE_CHARS } from '../../src/core/parked-action-values.js';
import type { Action } from '../../src/core/reply.js';
import { type HandoffKit, startHandoffKit } from '../skills/handoff/handoff-kit.js';
import type { Chat } from '../support/conversation.js';
import { testProviders } from '../support/test-database.js';

const TOO_OLD =
  'That button is too old and I no longer have what it carried. Please send your request again.';
const IN_LIVE_CHAT =
  "You're in a live chat: just type your message. Type **end chat** to go back to the bot.";

/**
 * "long button N" is answered with one button whose value is too long for a channel (it is
 * parked in the conversation), ahead of the live-agent gate, as a skill's prompt would be.
 */
const longButtons: AppModule = {
  name: 'long-buttons',
  create: () => ({
    middleware: [
      async (ctx, next) => {
        const asked = /^long button (\d+)$/.exec(ctx.message.text);
        if (!asked) return next();
        ctx.reply({
          type: 'choices',
          prompt: `Prompt ${asked[1]}`,
          choices: [
            {
              label: 'Go',
              value: { skill: 'tickets', action: 'apply-update', body: `${asked[1]} ${'x'.repeat(2000)}` },
            },
          ],
        });
      },
    ],
  }),
};

/**
 * A button whose parked value has fallen off, pressed while the user is in a live chat: the
 * live-agent gate has it, as any other old button of the bot during a chat (the press is kept
 * in the chat, the user is told they are in a live chat), on the whole bot with the handoff module.
 */
describe.each(testProviders())('an expired button pressed in a live chat (%s)', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider, { before: [longButtons] });
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  /** A "Go" button of nora's whose parked value is gone, and the chat she is in since. */
  async function expiredButtonThenChat(nora: Chat): Promise<{ old: Action; handoffId: string }> {
    await nora.say('long button 0');
    const old = nora.actions()[0]!;
    expect(JSON.stringify(old.value).length).toBeLessThanOrEqual(MAX_ACTION_VALUE_CHARS);
    expect(old.value).toHaveProperty('parked');
    for (let n = 1; n <= KEPT_PARKED_VALUES; n++) await nora.say(`long button ${n}`);

    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    await nora.say('talk to an agent');
    expect(nora.text()).toMatch(/in line/);
    const [chat] = await kit.desk.queue();
    return { old, handoffId: chat!.handoffId };
  }

  const pressRow = async (chat: Chat) =>
    kit.bot.app.services.db.message.findFirstOrThrow({
      where: { conversationId: await kit.conversationId(chat), direction: 'in' },
      orderBy: { id: 'desc' },
    });

  it('with an agent: the press is kept in the chat and the user is told to type', async () => {
    const nora = kit.bot.chat('nora');
    const { old, handoffId } = await expiredButtonThenChat(nora);
    expect((await kit.desk.claim(await kit.agent('sam'), handoffId)).ok).toBe(true);

    await nora.send({ text: '', value: { ...old.value } });
    expect(nora.text()).toBe(IN_LIVE_CHAT);
    expect(nora.text()).not.toContain(TOO_OLD);
    const press = await pressRow(nora);
    expect(press.handoffId).toBe(handoffId);
    expect(JSON.parse(press.payload!)).toEqual({ value: old.value });
    expect(
      (await kit.bot.app.services.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status,
    ).toBe('assigned');
  });

  it('still waiting: the press is kept in the chat, which waits on', async () => {
    const nora = kit.bot.chat('nora');
    const { old, handoffId } = await expiredButtonThenChat(nora);

    await nora.send({ text: '', value: { ...old.value } });
    expect(nora.text()).toBe(IN_LIVE_CHAT);
    expect((await pressRow(nora)).handoffId).toBe(handoffId);
    expect(
      (await kit.bot.app.services.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status,
    ).toBe('pending');
  });

  it('outside a chat the same press still says the button is too old', async () => {
    const nora = kit.bot.chat('nora');
    await nora.say('long button 0');
    const old = nora.actions()[0]!;
    for (let n = 1; n <= KEPT_PARKED_VALUES; n++) await nora.say(`long button ${n}`);

    await nora.send({ text: '', value: { ...old.value } });
    expect(nora.text()).toBe(TOO_OLD);
    expect((await pressRow(nora)).handoffId).toBeNull();
  });
});
