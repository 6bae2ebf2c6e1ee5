import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

/**
 * A live chat belongs to the person who asked for it. In a conversation several people write in
 * (a Slack channel thread, a Teams reply chain or group chat: one conversation key to the core),
 * Alice waits for an agent, then talks with one; Bob writes there too. His words go nowhere near
 * her chat: not relayed to the agent as hers, no "cancel" that takes her out of the queue, no
 * "end chat", no rating of her chat. He is told, by name, that Alice is talking with the help
 * desk there and where to start his own request. Alice's own messages go on as ever.
 */
describe.each(testProviders())("someone else's live chat in a shared conversation on %s", (provider) => {
  let kit: HandoffKit;
  let shared = 0;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  /** Alice and Bob in one conversation. */
  function thread() {
    const conversationKey = `shared-live-chat-${++shared}`;
    return {
      alice: kit.bot.chat('alice', { conversationKey }),
      bob: kit.bot.chat('bob', { conversationKey }),
    };
  }

  /** What the agents' side heard of the user, in order. */
  async function relayed(): Promise<string[]> {
    await kit.settle();
    return kit.events.flatMap((e) => (e.type === 'user-message' ? [e.entry.text] : []));
  }

  async function chatOf(handoffId: string) {
    return kit.bot.app.services.db.handoff.findUniqueOrThrow({ where: { id: handoffId } });
  }

  type Said = ReturnType<typeof thread>['bob'];

  /** Bob's words are left alone: he is told whose chat it is, and where to start his own. */
  async function bobIsTold(bob: Said, words: string, aliceId: string) {
    await bob.say(words);
    expect(bob.text()).toBe(
      'Bob Brand, Alice Brand is talking with the help desk in this thread, so I did not pass your ' +
        'message on. To start a request of your own, mention me in a new thread or send me a direct message.',
    );
    expect(bob.last?.flowHeldBy).toMatchObject({ userId: aliceId, externalId: 'alice', name: 'Alice Brand' });
  }

  it("Bob's words in Alice's thread are neither relayed, nor a cancel, nor an end, nor a rating", async () => {
    for (const id of ['sam', 'riley']) await kit.desk.setAvailability(await kit.agent(id), 'online');
    const [sam, riley] = [await kit.agent('sam'), await kit.agent('riley')];
    const { alice, bob } = thread();

    await alice.say('can I talk to a person please');
    expect(alice.text()).toMatch(/number 1\*\* in line/);
    const aliceId = alice.last!.user.id;
    const [waiting] = await kit.desk.queue();
    const handoffId = waiting!.handoffId;

    // Waiting in the queue.
    await bobIsTold(bob, 'fwiw our pixel fires fine on staging', aliceId);
    await bobIsTold(bob, 'cancel', aliceId);
    await bobIsTold(bob, 'stop waiting', aliceId);
    expect(await chatOf(handoffId)).toMatchObject({ status: 'pending', userId: aliceId });
    expect((await kit.desk.queue()).map((c) => c.handoffId)).toEqual([handoffId]);

    await alice.say('it is campaign 48213');
    expect(alice.text()).toMatch(/^Added to your request/);

    // With an agent.
    expect((await kit.desk.claim(sam, handoffId)).ok).toBe(true);
    await kit.receive(alice);
    await bobIsTold(bob, 'my password reset link expired', aliceId);
    await bobIsTold(bob, 'thanks, end chat', aliceId);
    expect((await chatOf(handoffId)).status).toBe('assigned');

    // Transferred to Riley, who has not joined yet.
    await kit.desk.transfer(sam, handoffId, { agentId: riley.id }, 'Tracking');
    await kit.receive(alice);
    await bobIsTold(bob, 'end chat', aliceId);
    expect((await chatOf(handoffId)).status).toBe('transferred');
    expect((await kit.desk.claim(riley, handoffId)).ok).toBe(true);
    await kit.receive(alice);

    await alice.say('are you there?');
    expect(alice.replies).toEqual([]);
    expect(await relayed()).toEqual(['it is campaign 48213', 'are you there?']);

    // The rating question after the chat: Bob's "5" and his press of its button rate nothing.
    await kit.desk.close(riley, handoffId);
    expect(await kit.receive(alice)).toMatch(/How was your chat/);
    await bobIsTold(bob, '5', aliceId);
    await bob.send({ text: '', value: { skill: 'handoff', action: 'rate', handoffId, rating: 1 } });
    expect(bob.last?.flowHeldBy).toMatchObject({ userId: aliceId });
    expect((await chatOf(handoffId)).rating).toBeNull();
    await alice.click('4');
    expect(alice.text()).toMatch(/Thanks for rating/);
    expect((await chatOf(handoffId)).rating).toBe(4);
  });

  it('with no live chat, Bob is answered as usual; in her own conversation Alice leaves the queue', async () => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    const { alice, bob } = thread();
    await bob.say('hello');
    expect(bob.last?.flowHeldBy).toBeUndefined();
    expect(bob.text()).toMatch(/Bob/);

    await alice.say('can I talk to a person please');
    await alice.say('cancel');
    expect(alice.last?.flowHeldBy).toBeUndefined();
    expect(await kit.desk.queue()).toEqual([]);
  });
});
