import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsModule } from '../../../src/skills/docs/docs-module.js';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';

describe.each(testProviders())('help-doc answers in the chat on %s', (provider) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(provider, { modules: [docsModule] });
  });
  afterAll(() => bot.close());

  it('answers a how-to question with the section, a deep link, more results and "Did this help?"', async () => {
    const alice = bot.chat('alice');
    await alice.say('hey how do i set up the tracking pixel?');
    expect(alice.intent()).toBe('docs.search');
    const card = alice.replies.find((r) => r.type === 'card');
    expect(card).toMatchObject({
      type: 'card',
      url: expect.stringMatching(/^https:\/\/help\.example\.com\/articles\/set-up-the-tracking-pixel#/),
    });
    expect(alice.text()).toMatch(/\*\*(pixel|tag)\*\*/i);
    expect(alice.actions().map((a) => a.label)).toEqual(expect.arrayContaining(['Yes, thanks', 'No']));

    await alice.click('Yes, thanks');
    expect(alice.text()).toMatch(/glad/i);
    const stored = await bot.database.prisma.docAnswer.findFirst({
      where: { query: { contains: 'tracking pixel' } },
    });
    expect(stored).toMatchObject({ context: 'search', helpful: true });
    expect(JSON.parse(stored!.sectionIds)[0]).toMatch(/^set-up-the-tracking-pixel#/);
  });

  it('takes feedback once, and offers a ticket or a person when the answer did not help', async () => {
    const bob = bot.chat('bob');
    await bob.say('how do i reset my password');
    const no = bob.actions().find((a) => a.label === 'No')!;
    await bob.click('No');
    expect(bob.actions().map((a) => a.label)).toEqual(['File a ticket', 'Talk to a person']);
    await bob.send({ text: '', value: no.value });
    expect(bob.text()).toMatch(/already have your feedback/);
  });

  it("tells a colleague in a shared thread that only the asker can rate the answer, and keeps the asker's rating", async () => {
    const thread = 'C0TEAM:1718000000.000100';
    const alice = bot.chat('alice', { channel: 'slack', conversationKey: thread });
    const carol = bot.chat('carol', { channel: 'slack', conversationKey: thread });
    await alice.say('how can i reset my password');
    const yes = alice.actions().find((a) => a.label === 'Yes, thanks')!;

    await carol.send({ text: '', value: yes.value });
    expect(carol.text()).toBe('Only the person who asked can rate this answer.');
    const answer = { where: { query: { contains: 'how can i reset my password' } } };
    expect(await bot.database.prisma.docAnswer.findFirst(answer)).toMatchObject({ helpful: null });

    await alice.click('No');
    expect(alice.actions().map((a) => a.label)).toEqual(['File a ticket', 'Talk to a person']);
    expect(await bot.database.prisma.docAnswer.findFirst(answer)).toMatchObject({ helpful: false });
  });

  it('says so instead of guessing when the docs do not answer', async () => {
    const alice = bot.chat('alice');
    await alice.say('how do i book a meeting room in the berlin office');
    expect(alice.text()).toMatch(/couldn't find|not sure I understood/);
    expect(alice.replies.some((r) => r.type === 'card')).toBe(false);
  });

  it.each(['tell me about *', 'what is * about', 'e* e* e* e*', 'tell me about', 'anything at all'])(
    'answers "%s", which names no topic, without an article and with the offer of a ticket or a person',
    async (question) => {
      const alice = bot.chat('alice');
      await alice.say(question);
      expect(alice.replies.some((r) => r.type === 'card')).toBe(false);
      expect(alice.text()).toMatch(/couldn't find a help article|not sure I understood/);
      expect(alice.actions().map((a) => a.label)).toEqual(
        expect.arrayContaining(['File a ticket', 'Talk to a person']),
      );
    },
  );

  it('keeps brand-only articles from partner users', async () => {
    const pat = bot.chat('pat');
    await pat.say('how do i set up server to server postback for my program');
    const card = pat.replies.find((r) => r.type === 'card');
    if (card && card.type === 'card') expect(card.url).not.toMatch(/set-up-server-to-server-postback/);
  });

  it('lets admins, and only admins, reload the docs and see the deflection figures', async () => {
    const bob = bot.chat('bob');
    await bob.say('/helpdesk reload-docs');
    expect(bob.text()).toMatch(/Only admins/);
    const ada = bot.chat('ada');
    await ada.say('/helpdesk reload-docs');
    expect(ada.text()).toMatch(/Help docs reloaded: \d+ articles, \d+ sections/);
    await ada.say('/helpdesk stats');
    expect(ada.text()).toMatch(/questions, \d+ answered from the docs, 1 marked helpful/);
  });
});
