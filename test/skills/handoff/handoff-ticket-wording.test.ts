import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, handoffRules, startHandoffKit } from './handoff-kit.js';

const ticketNumbers = (text: string) => text.match(/#\d+/g) ?? [];

describe.each(testProviders())(
  'what the bot says about the ticket a request for a person files, on %s',
  (provider) => {
    let kit: HandoffKit;
    beforeAll(async () => {
      // A description of a problem may read as a docs question; it is still the description.
      kit = await startHandoffKit(provider, {
        rules: [[/\breport\b/i, 'docs.search', 'docs'], ...handoffRules],
      });
    });
    afterAll(() => kit.close());
    beforeEach(() => kit.reset());

    it('no agent, nothing said yet: the ticket is filed, the bot asks what the problem is and adds the answer', async () => {
      const bob = kit.bot.chat('bob');
      await bob.say('talk to a human');
      const said = bob.text();
      expect(said).toMatch(/No agent is available for live chat right now\. I've filed ticket \*\*#\d+\*\*/);
      expect(said).not.toMatch(/what you told me|this conversation/);
      expect(said).toMatch(/What's the problem\?/);
      expect(bob.actions().map((a) => a.label)).toEqual(['Notify me', 'No thanks']);
      const [number] = ticketNumbers(said);

      await bob.say('Our conversion pixel stopped firing on the checkout page yesterday');
      expect(bob.text()).toContain(`added that to ticket **${number}**`);
      const id = Number(number!.slice(1));
      expect(kit.tickets.log.comments).toEqual([
        expect.objectContaining({
          ticketId: id,
          body: 'Our conversion pixel stopped firing on the checkout page yesterday',
          internal: false,
        }),
      ]);

      // The question is answered: the next message is a new request.
      await bob.say('hello');
      expect(bob.text()).toMatch(/(Hi|Hello) /);
      expect(kit.tickets.log.comments).toHaveLength(1);
    });

    it('no agent, nothing said yet: "Notify me" still works while the bot waits for the description', async () => {
      const bob = kit.bot.chat('bob');
      await bob.say('talk to a human');
      const [number] = ticketNumbers(bob.text());
      await bob.click('Notify me');
      expect(bob.text()).toMatch(/I'll message you here as soon as an agent is available/);
      await bob.say('Commissions for May are missing in the report');
      expect(bob.text()).toContain(`added that to ticket **${number}**`);
    });

    it('no agent, nothing said yet: thanks is not taken for the description', async () => {
      const bob = kit.bot.chat('bob');
      await bob.say('talk to a human');
      await bob.say('thanks');
      expect(kit.tickets.log.comments).toEqual([]);
      expect(bob.text()).toMatch(/in the middle of something/);
    });

    it('no agent, after describing the problem: the ticket keeps the conversation and nothing more is asked', async () => {
      const ann = kit.bot.chat('ann');
      await ann.say('my tracking pixel stopped firing yesterday');
      await ann.say('talk to a person');
      const said = ann.text();
      expect(said).toMatch(/I've filed ticket \*\*#\d+\*\* with this conversation/);
      expect(said).not.toMatch(/What's the problem/);
    });

    it('an agent online, nothing said yet: the ticket number once, and the user is asked what the problem is', async () => {
      await kit.desk.setAvailability(await kit.agent('riley'), 'online');
      const bob = kit.bot.chat('bob');
      await bob.say('talk to a human');
      const said = bob.text();
      expect(said).toMatch(/number 1\*\* in line/);
      expect(ticketNumbers(said)).toHaveLength(1);
      expect(said).not.toMatch(/what you told me|this conversation/);
      expect(said).toMatch(/tell me what the problem is/i);
    });

    it('an agent online, after describing the problem: the ticket number once, and it keeps the conversation', async () => {
      await kit.desk.setAvailability(await kit.agent('riley'), 'online');
      const ann = kit.bot.chat('ann');
      await ann.say('my tracking pixel stopped firing yesterday');
      await ann.say('talk to a person');
      const said = ann.text();
      expect(said).toMatch(/number 1\*\* in line/);
      expect(ticketNumbers(said)).toHaveLength(1);
      expect(said).toMatch(/keeps this conversation/);
    });
  },
);
