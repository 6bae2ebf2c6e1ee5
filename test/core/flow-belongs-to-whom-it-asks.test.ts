import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketsModule } from '../../src/skills/tickets/tickets-module.js';
import { ticketRules } from '../skills/tickets/ticket-test-bot.js';
import { startTestBot, type TestBot } from '../support/conversation.js';
import { keywordMatcher } from '../support/keyword-matcher.js';

/**
 * A conversation several people write in (a Slack channel thread, a Teams reply chain or group
 * chat): a flow belongs to the person it asks. Someone else's message while it is open is no
 * answer and no cancel: they are told whose request it is and where to start their own, and the
 * flow waits for its owner. With no flow open, their message is their own request.
 */
describe('a flow belongs to the person it asks', () => {
  let bot: TestBot;
  let shared = 0;
  beforeAll(async () => {
    bot = await startTestBot('sqlite', { matcher: keywordMatcher(ticketRules), modules: [ticketsModule] });
  });
  afterAll(() => bot.close());

  /** Alice and Bob in one conversation (the core sees a shared thread as one conversation key). */
  function thread() {
    const conversationKey = `shared-thread-${++shared}`;
    return { alice: bot.chat('alice', { conversationKey }), bob: bot.chat('bob', { conversationKey }) };
  }

  async function stateOf(conversationId: string) {
    const row = await bot.database.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    return JSON.parse(row.state) as { flow?: { step: string; slots: unknown; owner?: { userId: string } } };
  }

  it("Bob's words are neither answers to Alice's ticket questions nor a cancel, and his confirm files nothing", async () => {
    const { alice, bob } = thread();
    await alice.say('open a ticket: the tracking pixel stopped firing on campaign 48213');
    await alice.click("Yes, that's it");
    expect(alice.text()).toMatch(/describe the problem/i);
    const conversationId = alice.last!.conversationId;
    const asked = await stateOf(conversationId);
    expect(asked.flow?.owner?.userId).toBe(alice.last!.user.id);

    for (const words of [
      'fwiw the pixel fires fine on our staging site, so nothing is broken',
      'cancel',
      'no, only me',
      'confirm',
    ]) {
      await bob.say(words);
      expect(bob.text()).toMatch(/Alice .* is in the middle of a request here/);
      expect(bob.text()).toMatch(/start one of your own/i);
      expect(bob.last?.flowHeldBy).toMatchObject({ userId: alice.last!.user.id, externalId: 'alice' });
      expect(bob.intent()).toBeNull();
    }
    expect(await stateOf(conversationId)).toEqual(asked);

    // Alice goes on where she was, with her own words.
    await alice.say('The pixel on our checkout page stopped firing yesterday; conversions dropped to zero.');
    expect(alice.text()).not.toMatch(/in the middle of a request/);
    const tickets = await bot.database.prisma.ticket.findMany({ where: { campaignId: '48213' } });
    expect(tickets).toEqual([]);
  });

  it("with no flow open Bob's message is his own request, and then the flow is his", async () => {
    const { alice, bob } = thread();
    await alice.say('open a ticket: the export is slow');
    await alice.say('cancel');
    expect(alice.text()).toMatch(/cancelled/i);

    await bob.say('open a ticket: the tracking pixel stopped firing on campaign 77001');
    expect(bob.text()).toMatch(/sounds like a \*\*[^*]+\*\* issue/);
    expect(bob.last?.flowHeldBy).toBeUndefined();
    const flow = (await stateOf(bob.last!.conversationId)).flow;
    expect(flow?.owner?.userId).toBe(bob.last!.user.id);

    await alice.say('cancel');
    expect(alice.text()).toMatch(/Bob .* is in the middle of a request here/);
    expect((await stateOf(bob.last!.conversationId)).flow).toEqual(flow);
  });

  it('the person a flow asks goes on answering it, as in a conversation of their own', async () => {
    const { alice } = thread();
    await alice.say('open a ticket: the tracking pixel stopped firing on campaign 48214');
    await alice.say('cancel');
    expect(alice.text()).toMatch(/cancelled/i);
    expect((await stateOf(alice.last!.conversationId)).flow).toBeUndefined();
  });
});
