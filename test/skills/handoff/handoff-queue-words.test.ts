import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe.each(testProviders())('everyday words while in a live chat on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const status = async (handoffId: string) =>
    (await kit.bot.app.services.db.handoff.findUnique({ where: { id: handoffId } }))?.status;

  /** Nora asks for a person (behind one other user) and is told her place in line. */
  const queueNora = async (): Promise<{ nora: Chat; handoffId: string }> => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    await kit.bot.chat('bob').say('talk to an agent');
    const nora = kit.bot.chat('nora');
    await nora.say('talk to an agent');
    expect(nora.text()).toMatch(/number 2\*\* in line/);
    const chat = (await kit.desk.queue()).find((c) => c.position === 2);
    return { nora, handoffId: chat!.handoffId };
  };

  it.each([
    'cancel',
    'never mind',
    'nvm',
    'stop waiting',
    'leave the queue',
    'end chat please',
    'actually never mind, end chat',
    'I want to leave the queue',
    'Cancel.',
    'ok never mind',
    'oh, never mind.',
    'actually forget it',
    'nvm, cancel',
    'never mind, cancel my request',
  ])('"%s" while waiting leaves the queue and keeps the ticket', async (words) => {
    const { nora, handoffId } = await queueNora();
    await nora.say(words);
    expect(nora.text()).toMatch(/You've left the queue\. Ticket \*\*#\d+\*\* stays open/);
    expect(await status(handoffId)).toBe('abandoned');
    await nora.say('status of my tickets');
    expect(nora.text()).not.toMatch(/in line/);
  });

  it('answers other messages while waiting, at most once a minute, and relays them all', async () => {
    const { nora, handoffId } = await queueNora();
    await nora.say('status of my tickets');
    expect(nora.text()).toMatch(/Added to your request.*agent will see it when they join/);
    expect(nora.text()).toMatch(/number 2\*\* in line.*end chat/);
    await nora.say('it is campaign 48213');
    expect(nora.replies).toEqual([]);
    kit.advance(2);
    await nora.say('still waiting here');
    expect(nora.text()).toMatch(/Added to your request/);
    await kit.settle();
    const relayed = kit.events.flatMap((e) => (e.type === 'user-message' ? [e.entry.text] : []));
    expect(relayed).toEqual(['status of my tickets', 'it is campaign 48213', 'still waiting here']);
    expect(await status(handoffId)).toBe('pending');
  });

  it.each([
    'never mind, found the campaign id: 48213',
    'never mind. it is campaign 48213 actually',
    'oh never mind, I see it now. But another question: payouts?',
    'nvm the campaign is 48213',
  ])('"%s" while waiting stays in line and reaches the agent', async (words) => {
    const { nora, handoffId } = await queueNora();
    await nora.say(words);
    expect(nora.text()).toMatch(/Added to your request.*agent will see it when they join/);
    expect(nora.text()).not.toMatch(/left the queue/);
    expect(await status(handoffId)).toBe('pending');
    await kit.settle();
    const relayed = kit.events.flatMap((e) =>
      e.type === 'user-message' && e.chat.handoffId === handoffId ? [e.entry.text] : [],
    );
    expect(relayed).toEqual([words]);
  });

  it('with an agent, only end-chat words end the chat: "cancel my order" reaches the agent', async () => {
    const { nora, handoffId } = await queueNora();
    const sam = await kit.agent('sam');
    expect((await kit.desk.claim(sam, handoffId)).ok).toBe(true);
    expect(await kit.receive(nora)).toMatch(/has joined the chat/);

    for (const words of ['cancel my order', 'cancel', 'never mind']) {
      await nora.say(words);
      expect(nora.replies).toEqual([]);
    }
    expect(await status(handoffId)).toBe('assigned');
    await kit.settle();
    const relayed = kit.events.flatMap((e) =>
      e.type === 'user-message' && e.chat.handoffId === handoffId ? [e.entry.text] : [],
    );
    expect(relayed).toEqual(['cancel my order', 'cancel', 'never mind']);

    await nora.say('thanks, end chat');
    expect(nora.text()).toMatch(/You've left the live chat/);
    expect(nora.text()).toMatch(/How was your chat/);
    expect(await status(handoffId)).toBe('resolved');
  });
});
