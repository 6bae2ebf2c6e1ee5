import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../../src/domain/user.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

/**
 * The user's message and an agent's (or another instance's) action on the same live chat
 * landing at once: whatever the order, the words are acted on against the chat as it is
 * when they are applied, the user is told the truth, and no message is lost.
 */
describe.each(testProviders())('live-chat gate races on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  /** Runs `between` once, right after the gate of the next turn read the live chat. */
  function afterGateRead(between: () => Promise<unknown>): void {
    const repo = kit.internals.deps.handoffs;
    const original = repo.activeFor;
    repo.activeFor = async (id) => {
      repo.activeFor = original;
      const read = await original.call(repo, id);
      await between();
      return read;
    };
  }

  /** Runs `between` once, right before the next turn's messages are stored (the gate has decided). */
  function beforeTurnStored(between: () => Promise<unknown>): void {
    const conversations = kit.bot.app.services.conversations;
    const original = conversations.saveTurn;
    conversations.saveTurn = async (...args) => {
      conversations.saveTurn = original;
      await between();
      return original.apply(conversations, args);
    };
  }

  async function waiting(user = 'alice') {
    const sam = await kit.agent('sam');
    await kit.desk.setAvailability(sam, 'online');
    const chat = kit.bot.chat(user);
    await chat.say('talk to an agent');
    const [h] = await kit.desk.queue();
    return { sam, chat, handoffId: h!.handoffId, ticketId: h!.ticketId };
  }

  async function withSam(user = 'alice') {
    const w = await waiting(user);
    await kit.desk.claim(w.sam, w.handoffId);
    await kit.receive(w.chat);
    return w;
  }

  async function riley(): Promise<UserProfile> {
    const r = await kit.agent('riley');
    await kit.desk.setAvailability(r, 'online');
    return r;
  }

  const status = async (handoffId: string) => (await kit.desk.chat(handoffId))?.status;
  const userLines = async (handoffId: string) => {
    await kit.settle();
    return (await kit.desk.transcript(handoffId)).filter((e) => e.author === 'user').map((e) => e.text);
  };
  /** Everything the chat's ticket keeps: comments, the saved transcript included. */
  const onTicket = async (ticketId: number) => {
    await kit.settle();
    return kit.tickets.log.comments
      .filter((c) => c.ticketId === ticketId)
      .map((c) => c.body)
      .join('\n');
  };
  const heard = (chat: Chat) => kit.receive(chat);

  describe('leaving words', () => {
    it('"cancel" while waiting as an agent claims: connected to the agent, who gets the message', async () => {
      const { sam, chat, handoffId } = await waiting();
      afterGateRead(() => kit.desk.claim(sam, handoffId));
      await chat.say('cancel');
      expect(chat.text()).not.toMatch(/already ended/);
      expect(chat.text()).toMatch(/\*\*Sam Agent\*\* has just joined the chat/);
      expect(await status(handoffId)).toBe('assigned');
      expect(await userLines(handoffId)).toContain('cancel');
    });

    it('"end chat" while waiting as an agent claims: the chat ends, with the agent to rate', async () => {
      const { sam, chat, handoffId } = await waiting();
      afterGateRead(() => kit.desk.claim(sam, handoffId));
      await chat.say('end chat');
      expect(chat.text()).toMatch(/You've left the live chat/);
      expect(chat.text()).toMatch(/How was your chat with Sam Agent/);
      expect(await status(handoffId)).toBe('resolved');
    });

    it('"end chat" with an agent as the agent transfers: the chat ends, out of the queue', async () => {
      const { sam, chat, handoffId } = await withSam();
      const r = await riley();
      afterGateRead(() => kit.desk.transfer(sam, handoffId, { agentId: r.id }, ''));
      await chat.say('end chat');
      expect(chat.text()).toMatch(/You've left the queue/);
      expect(await status(handoffId)).toBe('abandoned');
      expect(await kit.desk.queue()).toEqual([]);
    });

    it('"end chat" with an agent as the agent closes: told it has ended, which it has', async () => {
      const { sam, chat, handoffId } = await withSam();
      afterGateRead(() => kit.desk.close(sam, handoffId));
      await chat.say('end chat');
      expect(chat.text()).toMatch(/This chat has already ended/);
      expect(await status(handoffId)).toBe('resolved');
    });

    it('"cancel" while waiting as the chat times out: told it has ended, which it has', async () => {
      const { chat, handoffId } = await waiting();
      const h = await kit.internals.deps.handoffs.byId(handoffId);
      // As the sweeper (or another instance) expires it.
      afterGateRead(() => kit.internals.deps.handoffs.transition(h!, 'expired', { resolvedAt: new Date() }));
      await chat.say('cancel');
      expect(chat.text()).toMatch(/This chat has already ended/);
      expect(await status(handoffId)).toBe('expired');
    });

    it('"Leave it as a ticket" clicked as an agent claims: told the agent is there, not that it ended', async () => {
      const { sam, chat, handoffId } = await waiting();
      kit.advance(6);
      await kit.internals.sweeper.sweepOnce();
      await heard(chat);
      afterGateRead(() => kit.desk.claim(sam, handoffId));
      await chat.click('Leave it as a ticket');
      expect(chat.text()).not.toMatch(/already ended/);
      expect(chat.text()).toMatch(/\*\*Sam Agent\*\* has joined the chat/);
      expect(await status(handoffId)).toBe('assigned');
    });
  });

  describe('a message', () => {
    it('sent as the agent closes: answered, kept on the ticket', async () => {
      const { sam, chat, handoffId, ticketId } = await withSam();
      afterGateRead(() => kit.desk.close(sam, handoffId));
      await chat.say('one more thing: campaign 555 too');
      expect(chat.text()).toMatch(/This chat had just ended, so I added your message to ticket \*\*#\d+\*\*/);
      expect(await onTicket(ticketId)).toContain('one more thing: campaign 555 too');
      expect(await status(handoffId)).toBe('resolved');
    });

    it('closed by the agent just before it is stored: the user is told, and it is kept on the ticket', async () => {
      const { sam, chat, handoffId, ticketId } = await withSam();
      beforeTurnStored(() => kit.desk.close(sam, handoffId));
      await chat.say('one more thing: campaign 555 too');
      expect(await heard(chat)).toMatch(/This chat had just ended, so I added your message to ticket/);
      expect(await onTicket(ticketId)).toContain('one more thing: campaign 555 too');
    });

    it('sent as the agent transfers: in the chat for the next agent, and the user hears they wait', async () => {
      const { sam, chat, handoffId } = await withSam();
      const r = await riley();
      afterGateRead(() => kit.desk.transfer(sam, handoffId, { agentId: r.id }, ''));
      await chat.say('campaign 555 too');
      expect(chat.text()).toMatch(/Added to your request/);
      expect(await status(handoffId)).toBe('transferred');
      expect(await userLines(handoffId)).toContain('campaign 555 too');
    });

    it('sent while waiting as an agent claims: relayed to the agent, no "when they join"', async () => {
      const { sam, chat, handoffId } = await waiting();
      afterGateRead(() => kit.desk.claim(sam, handoffId));
      await chat.say('my payouts are missing since Monday');
      expect(chat.text()).not.toMatch(/when they join/);
      expect(await status(handoffId)).toBe('assigned');
      expect(await userLines(handoffId)).toContain('my payouts are missing since Monday');
    });

    it('"cancel" with an agent as the agent transfers: leaves the queue it is now in', async () => {
      const { sam, chat, handoffId } = await withSam();
      const r = await riley();
      afterGateRead(() => kit.desk.transfer(sam, handoffId, { agentId: r.id }, ''));
      await chat.say('cancel');
      expect(chat.text()).toMatch(/You've left the queue/);
      expect(await status(handoffId)).toBe('abandoned');
    });
  });
});
