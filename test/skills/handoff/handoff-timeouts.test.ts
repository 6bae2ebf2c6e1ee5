import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

// Defaults: nobody claims within 5 min → offer; agent silent 3 min → reminder; user silent 15 min → close.
describe.each(testProviders())('live chat timeouts on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const sweep = () => kit.internals.sweeper.sweepOnce();
  const status = async (handoffId: string) =>
    (await kit.bot.app.services.db.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status;

  it('offers to leave an unclaimed chat as a ticket, again after "keep waiting", and expires an ignored offer', async () => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    const alice = kit.bot.chat('alice');
    await alice.say('talk to an agent');
    const [chat] = await kit.desk.queue();

    kit.advance(4);
    expect((await sweep()).offered).toBe(0);
    kit.advance(2);
    expect((await sweep()).offered).toBe(1);
    expect((await sweep()).offered).toBe(0);
    expect(await kit.receive(alice)).toMatch(
      /No agent has picked up your chat yet\. Would you like to leave it as ticket/,
    );
    await alice.click('Keep waiting');
    expect(alice.text()).toMatch(/you stay in line \(number 1\)/);

    kit.advance(4);
    expect((await sweep()).offered).toBe(0);
    kit.advance(2);
    expect((await sweep()).offered).toBe(1);
    await kit.receive(alice);
    await alice.click('Leave it as a ticket');
    expect(alice.text()).toMatch(/ticket \*\*#\d+\*\* stays open and an agent will reply there/);
    expect(await status(chat!.handoffId)).toBe('expired');
    expect(await kit.desk.queue()).toEqual([]);

    const bob = kit.bot.chat('bob');
    await bob.say('agent please');
    const [bobs] = await kit.desk.queue();
    kit.advance(6);
    expect((await sweep()).offered).toBe(1);
    kit.advance(14);
    expect((await sweep()).expired).toBe(0);
    kit.advance(2);
    expect((await sweep()).expired).toBe(1);
    expect(await kit.receive(bob)).toMatch(/taken you out of the queue because it has been quiet/);
    expect(await status(bobs!.handoffId)).toBe('expired');
    await kit.settle();
    expect(
      kit.events.filter((e) => e.type === 'closed').map((e) => (e.type === 'closed' ? e.by : '')),
    ).toEqual(['user', 'timeout']);
  });

  it('reminds a silent agent once per user message and closes a chat the user left silent', async () => {
    const sam = await kit.agent('sam');
    await kit.desk.setAvailability(sam, 'online');
    const alice = kit.bot.chat('alice');
    await alice.say('agent');
    const [chat] = await kit.desk.queue();
    await kit.desk.claim(sam, chat!.handoffId);

    kit.advance(2);
    expect((await sweep()).reminded).toBe(0);
    kit.advance(2);
    expect((await sweep()).reminded).toBe(1);
    expect((await sweep()).reminded).toBe(0);
    await kit.settle();
    expect(kit.events.find((e) => e.type === 'reminder')).toMatchObject({ agentId: sam.id });

    await kit.desk.reply(sam, chat!.handoffId, 'Hi! Looking now.');
    kit.advance(1);
    await alice.say('thanks, any news?');
    await kit.settle();
    kit.advance(4);
    expect((await sweep()).reminded).toBe(1);

    await kit.desk.reply(sam, chat!.handoffId, 'Fixed: the pixel fires again.');
    kit.advance(14);
    expect((await sweep()).closed).toBe(0);
    kit.advance(2);
    expect((await sweep()).closed).toBe(1);
    expect(await kit.receive(alice)).toMatch(/closed this chat because it has been quiet for a while/);
    expect(await status(chat!.handoffId)).toBe('resolved');
    await alice.say('hello');
    expect(alice.text()).toMatch(/(Hi|Hello) Alice/);
  });

  it('tells a waiting user once business hours and an agent make live chat possible', async () => {
    const alice = kit.bot.chat('alice');
    await alice.say('can I talk to a person');
    await alice.click('Notify me');
    expect((await sweep()).watchersNotified).toBe(0);
    // An agent's availability changed elsewhere (another instance, the database).
    await kit.bot.app.services.db.agentProfile.update({
      where: { userId: (await kit.agent('riley')).id },
      data: { availability: 'online' },
    });
    expect((await sweep()).watchersNotified).toBe(1);
    expect((await sweep()).watchersNotified).toBe(0);
    expect(await kit.receive(alice)).toMatch(/Good news/);
  });
});
