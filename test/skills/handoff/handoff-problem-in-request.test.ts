import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, handoffRules, startHandoffKit } from './handoff-kit.js';

const PAYOUTS = 'I need to talk to a person, our May payouts to partners are missing';

describe.each(testProviders())('a request for a person that says what the problem is, on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider, {
      // "someone" asks for a person too, as the intent engine reads it.
      rules: [[/\bsomeone\b/i, 'agent.handoff', 'handoff'], ...handoffRules],
    });
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const lastTicket = () => kit.bot.app.services.db.ticket.findFirstOrThrow({ orderBy: { id: 'desc' } });

  it('no agent: the ticket is filed with the problem as its subject, and nothing more is asked', async () => {
    const bob = kit.bot.chat('bob');
    await bob.say(PAYOUTS);
    const said = bob.text();
    expect(said).toMatch(
      /No agent is available for live chat right now\. I've filed ticket \*\*#\d+\*\* with this conversation/,
    );
    expect(said).not.toMatch(/What's the problem/);
    const ticket = await lastTicket();
    expect(ticket.subject).toBe('our May payouts to partners are missing');
    expect(ticket.description).toContain(PAYOUTS);

    // The next message is a message of its own, not the ticket's description.
    await bob.say('Please hurry');
    expect(kit.tickets.log.comments).toEqual([]);
  });

  it('an agent online: the queue message does not ask for the problem already told', async () => {
    await kit.desk.setAvailability(await kit.agent('riley'), 'online');
    const bob = kit.bot.chat('bob');
    await bob.say(PAYOUTS);
    const said = bob.text();
    expect(said).toMatch(/number 1\*\* in line/);
    expect(said).toMatch(/keeps this conversation/);
    expect(said).not.toMatch(/tell me what the problem is/i);
    expect((await lastTicket()).subject).toBe('our May payouts to partners are missing');
  });

  it('a long problem is cut to the subject limit', async () => {
    const bob = kit.bot.chat('bob');
    const problem = `the partner payouts for ${'May and June and July '.repeat(10)}are missing`;
    await bob.say(`talk to a person: ${problem}`);
    expect(bob.text()).not.toMatch(/What's the problem/);
    expect((await lastTicket()).subject).toBe(problem.replace(/\s+/g, ' ').slice(0, 120));
  });

  for (const request of ['talk to a person', 'can i talk to someone pls', 'a person please, asap']) {
    it(`"${request}" says nothing about the problem: the bot still asks`, async () => {
      const bob = kit.bot.chat('bob');
      await bob.say(request);
      expect(bob.text()).toMatch(/I've filed ticket \*\*#\d+\*\* for you\. What's the problem\?/);
      expect((await lastTicket()).subject).toBe('Live chat request');
    });
  }
});
