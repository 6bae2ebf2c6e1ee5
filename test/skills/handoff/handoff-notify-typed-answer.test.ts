import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, handoffRules, startHandoffKit } from './handoff-kit.js';

const NOTIFY_SET = /OK, I'll message you here as soon as an agent is available\./;
const NOTIFY_DECLINED = /OK\. You can follow ticket \*\*#\d+\*\* any time/;
const DESCRIPTION = 'Our conversion pixel stopped firing on the checkout page yesterday';
const PAYOUTS = 'I need to talk to a person, our May payouts to partners are missing';

describe.each(testProviders())('typing the answer to "Shall I message you…?", on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider, {
      // As the intent engine reads them: a bare "no" / "no need" cancels, "no thanks" thanks.
      rules: [[/^(no|nah|no need)$/i, 'flow.cancel', 'core'], ...handoffRules],
    });
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const waitingWatches = () =>
    kit.bot.app.services.db.availabilityWatch.count({ where: { notifiedAt: null } });
  const ticketNumber = (chat: Chat) => chat.text().match(/#\d+/)?.[0];

  /** "talk to a human" with no agent: the ticket is filed, the bot asks for the problem and offers to notify. */
  async function askForPerson(chat: Chat): Promise<string> {
    await chat.say('talk to a human');
    expect(chat.text()).toMatch(/What's the problem\?/);
    expect(chat.text()).toMatch(/Shall I message you here when someone is available\?/);
    expect(chat.actions().map((a) => a.label)).toEqual(['Notify me', 'No thanks']);
    return ticketNumber(chat)!;
  }

  for (const answer of ['yes', 'sure', 'ok', 'yes please', 'notify me']) {
    it(`"${answer}" works as Notify me; the problem typed next is still added to the ticket`, async () => {
      const bob = kit.bot.chat('bob');
      const number = await askForPerson(bob);
      await bob.say(answer);
      expect(bob.text()).toMatch(NOTIFY_SET);
      expect(bob.text()).not.toMatch(/added that to ticket/);
      expect(kit.tickets.log.comments).toEqual([]);
      expect(await waitingWatches()).toBe(1);

      await bob.say(DESCRIPTION);
      expect(bob.text()).toContain(`added that to ticket **${number}**`);
      expect(kit.tickets.log.comments.map((c) => c.body)).toEqual([DESCRIPTION]);
    });
  }

  for (const answer of ['no', 'no thanks', 'nah', 'nope', 'no thank you']) {
    it(`"${answer}" works as No thanks; the problem typed next is still added to the ticket`, async () => {
      const bob = kit.bot.chat('bob');
      const number = await askForPerson(bob);
      await bob.say(answer);
      expect(bob.text()).toMatch(NOTIFY_DECLINED);
      expect(bob.text()).toContain(`ticket **${number}**`);
      expect(bob.text()).not.toMatch(/switch to your new request|added that to ticket/);
      expect(kit.tickets.log.comments).toEqual([]);
      expect(await waitingWatches()).toBe(0);

      await bob.say(DESCRIPTION);
      expect(bob.text()).toContain(`added that to ticket **${number}**`);
    });
  }

  for (const answer of ['please', 'Please!', 'please do', 'yes please']) {
    it(`"${answer}" alone works as Notify me`, async () => {
      const bob = kit.bot.chat('bob');
      await askForPerson(bob);
      await bob.say(answer);
      expect(bob.text()).toMatch(NOTIFY_SET);
      expect(bob.text()).not.toMatch(/added that to ticket/);
      expect(kit.tickets.log.comments).toEqual([]);
      expect(await waitingWatches()).toBe(1);
    });
  }

  it('a description, even one that starts with "no", is still added to the ticket', async () => {
    const bob = kit.bot.chat('bob');
    const number = await askForPerson(bob);
    const problem = 'no conversions are tracked on the checkout page since Monday';
    await bob.say(problem);
    expect(bob.text()).toContain(`added that to ticket **${number}**`);
    expect(kit.tickets.log.comments.map((c) => c.body)).toEqual([problem]);
    expect(await waitingWatches()).toBe(0);
  });

  it('the question is answered once: after a click, a typed "yes" is not a second answer', async () => {
    const bob = kit.bot.chat('bob');
    await askForPerson(bob);
    await bob.click('No thanks');
    expect(bob.text()).toMatch(NOTIFY_DECLINED);
    await bob.say('yes');
    expect(bob.text()).not.toMatch(NOTIFY_SET);
    expect(await waitingWatches()).toBe(0);
  });

  it('the problem told with the request: "yes" and "no" still answer the question', async () => {
    const bob = kit.bot.chat('bob');
    await bob.say(PAYOUTS);
    expect(bob.text()).not.toMatch(/What's the problem/);
    expect(bob.actions().map((a) => a.label)).toEqual(['Notify me', 'No thanks']);
    await bob.say('yes');
    expect(bob.text()).toMatch(NOTIFY_SET);
    expect(await waitingWatches()).toBe(1);

    const nora = kit.bot.chat('nora');
    await nora.say(PAYOUTS);
    await nora.say('no thanks');
    expect(nora.text()).toMatch(NOTIFY_DECLINED);
    expect(kit.tickets.log.comments).toEqual([]);
  });

  it('the problem told with the request: the question holds for the next message only', async () => {
    const bob = kit.bot.chat('bob');
    await bob.say(PAYOUTS);
    await bob.say('hello');
    expect(bob.text()).toMatch(/(Hi|Hello) /);
    await bob.say('yes');
    expect(bob.text()).not.toMatch(NOTIFY_SET);
    expect(await waitingWatches()).toBe(0);
  });
});
