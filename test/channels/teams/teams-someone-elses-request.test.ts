import { describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import type { ConnectorCall } from './fakes/fake-bot-connector.js';
import { groupConversation, nextMessageId, TENANT_ID, type TeamsTestUser } from './fakes/teams-activities.js';
import type { TeamsChat } from './fakes/teams-test-bot.js';
import { alice, bob, supportThread, useOwnerTeamsBot } from './teams-owner-fixture.js';

/**
 * In a channel's reply chain (or a group chat) the bot asks Alice the questions of her ticket;
 * Bob, in the same conversation, mentions the bot. His words are no answer to her questions and
 * no cancel, and his "confirm" files nothing: he is told, by @mention, that Alice is in the
 * middle of a request there and where to start his own. Alice goes on as before. With no
 * question open, Bob's mention is his own request, as ever.
 */
describe.each(testProviders())("Teams: someone else's request in a shared conversation (%s)", (provider) => {
  const bot = useOwnerTeamsBot(provider, [alice, bob]);

  /** The conversation's open flow and pending switch, as stored (the marks of handled events aside). */
  async function flowIn(conversationId: string) {
    const row = await bot.database.prisma.conversation.findUniqueOrThrow({
      where: {
        channel_workspace_externalId: { channel: 'teams', workspace: TENANT_ID, externalId: conversationId },
      },
      select: { state: true },
    });
    const { flow, pendingInterrupt } = JSON.parse(row.state);
    return { flow, pendingInterrupt };
  }

  /** Alice's ticket in `chat`, up to the question asking her to describe the problem. */
  async function aliceDescribing(chat: TeamsChat): Promise<void> {
    await chat.say('open a ticket: the tracking pixel stopped firing');
    await chat.click("Yes, that's it");
    await chat.click('No, not campaign-specific');
    expect(chat.text()).toMatch(/describe the problem/i);
  }

  /**
   * Bob says `words` where Alice is asked: one message, mentioning him, says whose request it is
   * and where to start his own; nothing else is posted, and Alice's flow is as it was.
   */
  async function bobIsTold(chat: TeamsChat, words: string, sender: TeamsTestUser = bob): Promise<void> {
    const before = await flowIn(chat.conversation.id);
    expect(before.flow.owner).toMatchObject({ externalId: alice.aadObjectId });
    const other = bot.chat(sender, chat.conversation);
    other.mention = true;
    await other.say(words);
    expect(other.replies).toHaveLength(1);
    const [told] = other.replies as [ConnectorCall];
    expect(told.conversationId).toBe(chat.conversation.id);
    expect(told.body.text).toBe(
      `<at>${sender.name}</at>, ${alice.name} is in the middle of a request here, so I left it as it is. ` +
        'To start one of your own, mention me in a new post or chat with me directly.',
    );
    expect(told.body.entities).toEqual([
      { type: 'mention', text: `<at>${sender.name}</at>`, mentioned: { id: sender.id, name: sender.name } },
    ]);
    expect(told.body.attachments ?? []).toEqual([]);
    expect(await flowIn(chat.conversation.id)).toEqual(before);
  }

  it("in a channel's reply chain Bob neither answers, cancels nor files Alice's ticket; she goes on", async () => {
    const thread = supportThread(bot, alice);
    await aliceDescribing(thread);
    for (const words of [
      'fwiw the pixel fires fine on our staging site, so I do not think anything is broken',
      'cancel',
      'no, only me',
      'confirm',
    ]) {
      await bobIsTold(thread, words);
    }
    expect(await bot.database.prisma.ticket.count({ where: { creatorId: 'usr_bob' } })).toBe(0);

    await thread.say('The pixel on our checkout page stopped firing yesterday; conversions dropped to zero.');
    expect(thread.text()).toMatch(/Should everyone in your account see this ticket/);
  });

  it("in a group chat Bob's cancel leaves Alice's ticket open for her", async () => {
    const group = bot.chat(alice, groupConversation(`19:meeting_${nextMessageId()}@thread.v2`));
    group.mention = true;
    await aliceDescribing(group);
    await bobIsTold(group, 'cancel');
    await group.say('cancel');
    expect(group.text()).toMatch(/cancelled/i);
  });

  it("with no question open in the reply chain, Bob's mention is his own request", async () => {
    const thread = supportThread(bot, alice);
    await thread.say('open a ticket: the export is slow');
    await thread.say('cancel');
    expect(thread.text()).toMatch(/cancelled/i);

    const other = bot.chat(bob, thread.conversation);
    other.mention = true;
    await other.say('open a ticket: the tracking pixel is gone from checkout');
    expect(other.text()).toMatch(/sounds like a \*\*[^*]+\*\* issue/);
    expect((await flowIn(thread.conversation.id)).flow.owner).toMatchObject({ externalId: bob.aadObjectId });
  });
});
