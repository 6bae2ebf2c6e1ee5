import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe.each(testProviders())('leaving a transferred chat on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  it('leaves the queue before the new agent joins: no rating, the transcript under the agent who was there', async () => {
    for (const id of ['sam', 'riley']) await kit.desk.setAvailability(await kit.agent(id), 'online');
    const [sam, riley] = [await kit.agent('sam'), await kit.agent('riley')];
    const alice = kit.bot.chat('alice');
    await alice.say('I want an agent');
    const [chat] = await kit.desk.queue();
    await kit.desk.claim(sam, chat!.handoffId);
    await kit.desk.reply(sam, chat!.handoffId, 'Let me find someone who knows tracking.');
    await kit.desk.transfer(sam, chat!.handoffId, { agentId: riley.id }, 'Tracking question');
    expect(await kit.receive(alice)).toMatch(/transferring you to \*\*Riley Agent\*\*/);

    await alice.say('end chat');
    expect(alice.text()).toMatch(/You've left the queue\. Ticket \*\*#\d+\*\* stays open/);
    expect(alice.text()).not.toMatch(/How was your chat/);
    expect(alice.actions()).toEqual([]);

    const stored = await kit.bot.app.services.db.handoff.findUnique({ where: { id: chat!.handoffId } });
    expect(stored?.status).toBe('abandoned');
    const transcript = kit.tickets.log.comments.filter(
      (c) => c.internal && c.body.startsWith('Live chat transcript'),
    );
    expect(transcript).toEqual([expect.objectContaining({ ticketId: chat!.ticketId, actorId: sam.id })]);
    expect(transcript[0]!.body).toContain('Let me find someone who knows tracking.');
  });
});
