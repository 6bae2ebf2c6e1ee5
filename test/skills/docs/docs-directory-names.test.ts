import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { docsModule } from '../../../src/skills/docs/docs-module.js';
import { partnerNameKey } from '../../../src/store/partner-name-key.js';
import { type Chat, startTestBot, type TestBot } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';

/** The section the answer card links to, or null when the bot found nothing to answer with. */
function answeredSection(chat: Chat): string | null {
  const card = chat.replies.find((r): r is Extract<Reply, { type: 'card' }> => r.type === 'card');
  return card?.url ?? null;
}

describe.each(testProviders())(
  'how-to questions that name a brand or partner of the directory, on %s',
  (provider) => {
    let bot: TestBot;
    beforeAll(async () => {
      bot = await startTestBot(provider, { modules: [docsModule] });
      // A partner in Acme Outdoor's directory (alice's brand) whose name no help article uses.
      await bot.database.prisma.partner.create({
        data: {
          accountId: 'acc_demo_brand',
          partnerId: '700123',
          name: 'Quillmont Outfitters',
          nameKey: partnerNameKey('Quillmont Outfitters'),
          joinedVia: 'direct',
          stage: 'Joined',
        },
      });
    });
    afterAll(() => bot.close());

    it('a partner naming a brand gets the section the same question gets without the name', async () => {
      const pat = bot.chat('pat');
      await pat.say('what is my commission rate?');
      const unnamed = answeredSection(pat);
      expect(unnamed).not.toBeNull();
      await pat.say('what is my commission rate with Acme Outdoor?');
      expect(answeredSection(pat)).toBe(unnamed);
      expect(pat.text()).not.toMatch(/Acme/);

      await pat.say('how do i get paid');
      const payouts = answeredSection(pat);
      // "Set up how you get paid" (asked: "how do i get paid") or the payout schedule.
      expect(payouts).toMatch(/payment-settings|payout/);
      await pat.say('how do i get paid by Acme Outdoor');
      expect(answeredSection(pat)).toBe(payouts);
    });

    it('a brand naming a partner of its directory gets the section the same question gets without the name', async () => {
      const alice = bot.chat('alice');
      await alice.say('how do I change the terms');
      const unnamed = answeredSection(alice);
      expect(unnamed).not.toBeNull();
      await alice.say('how do I change the terms for Quillmont Outfitters');
      expect(answeredSection(alice)).toBe(unnamed);
    });

    it('a made-up name that is in no directory still counts as a word the answer must cover', async () => {
      const alice = bot.chat('alice');
      await alice.say('how do I change the terms for Brambleworth Outfitters');
      expect(answeredSection(alice)).toBeNull();
      expect(alice.text()).toMatch(/couldn't find/);
    });

    it("a partner of one brand's directory is not a known name for another account's users", async () => {
      const pat = bot.chat('pat');
      await pat.say('how do i get paid by Quillmont Outfitters');
      expect(answeredSection(pat)).toBeNull();
    });
  },
);
