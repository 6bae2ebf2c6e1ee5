import { describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import type { ConnectorCall } from './fakes/fake-bot-connector.js';
import {
  cardSubmit,
  personalConversationId,
  TENANT_ID,
  type TeamsTestUser,
} from './fakes/teams-activities.js';
import type { TeamsChat } from './fakes/teams-test-bot.js';
import {
  alice,
  bob,
  cardAction as buttonIn,
  nora,
  supportThread,
  useOwnerTeamsBot,
} from './teams-owner-fixture.js';

/**
 * The cards of a message the bot posts into someone's channel thread outside the turn are still
 * that person's: a turn's replies the connector refused at first and the outbox posts later, and
 * proactive messages such as "an agent is available now". In a personal chat nothing changes.
 */
describe.each(testProviders())('Teams cards posted outside the turn keep their owner (%s)', (provider) => {
  const bot = useOwnerTeamsBot(provider, [alice, bob, nora]);

  /** The first message posted into `conversationId` after call `from` that has a button `label`. */
  function postedWith(conversationId: string, label: string, from: number): Promise<ConnectorCall> {
    return bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= from &&
        (c.kind === 'send' || c.kind === 'reply') &&
        c.conversationId === conversationId &&
        buttonIn(c, label) !== undefined,
      15_000,
    );
  }

  /** `chat`'s user presses `label` on the posted message `call` (Action.Submit). */
  function press(chat: TeamsChat, call: ConnectorCall, label: string) {
    const action = buttonIn(call, label);
    return chat.send(
      cardSubmit(bot.connector.serviceUrl, chat.user, chat.conversation, { ...action.data }, call.newId!),
    );
  }

  async function transcriptLength(conversationKey: string) {
    return bot.database.prisma.message.count({
      where: { conversation: { channel: 'teams', workspace: TENANT_ID, externalId: conversationKey } },
    });
  }

  /**
   * Bob presses `label` on a message in Alice's thread: he is answered by mention; nothing runs.
   * Sent outside her turn, the message names her as the directory knows her (linked by e-mail).
   */
  async function bobIsRefused(thread: TeamsChat, call: ConnectorCall, label: string) {
    const before = await transcriptLength(thread.conversation.id);
    const other = bot.chat(bob, thread.conversation);
    await press(other, call, label);
    expect(other.replies).toHaveLength(1);
    expect(other.replies[0]!.body.text).toBe(
      `<at>${bob.name}</at>, these buttons are for Alice Brand only; ` +
        'to ask me something yourself, mention me in a new message or chat with me directly.',
    );
    expect(await transcriptLength(thread.conversation.id)).toBe(before);
  }

  /** Live chats asked for by this Teams user. */
  async function handoffsOf(user: TeamsTestUser) {
    const identity = await bot.database.prisma.channelIdentity.findUnique({
      where: {
        channel_workspace_externalId: {
          channel: 'teams',
          workspace: TENANT_ID,
          externalId: user.aadObjectId,
        },
      },
    });
    // Someone the bot never ran a turn for has asked for nothing.
    return identity ? bot.database.prisma.handoff.count({ where: { userId: identity.userId } }) : 0;
  }

  it("a reply to Alice's mention that the connector took only on the outbox's retry is still hers", async () => {
    const thread = supportThread(bot, alice);
    let refused = 0;
    bot.connector.refuse = (method, path, body) => {
      const first = method === 'POST' && path.includes(thread.conversation.id) && body?.type === 'message';
      if (first && refused === 0) refused++;
      else return false;
      return true;
    };
    const from = bot.connector.calls.length;
    try {
      await thread.say('open a ticket: password reset link expired immediately');
      expect(thread.replies).toEqual([]);
      const retried = await postedWith(thread.conversation.id, "Yes, that's it", from);
      expect(refused).toBe(1);

      await bobIsRefused(thread, retried, "Yes, that's it");
      await press(thread, retried, "Yes, that's it");
      expect(thread.text()).toMatch(/campaign/i);
    } finally {
      bot.connector.refuse = null;
    }
  });

  it('"Talk to a person" sent to Alice\'s thread when an agent comes online is hers; in a personal chat anyone\'s', async () => {
    // Nobody is online: Alice (in a channel thread) and Nora (in her personal chat) ask to be told.
    const thread = supportThread(bot, alice);
    await thread.say('I want to talk to a human');
    await thread.click('Notify me');
    expect(thread.text()).toMatch(/as soon as an agent is available/);
    const personal = bot.chat(nora);
    await personal.say('I want to talk to a human');
    await personal.click('Notify me');

    // Sam comes online: both are told, outside any turn of theirs.
    const from = bot.connector.calls.length;
    await bot.desk.setAvailability((await bot.app.services.users.byId('usr_sam'))!, 'online');
    const inThread = await postedWith(thread.conversation.id, 'Talk to a person', from);
    const inPersonal = await postedWith(personalConversationId(nora), 'Talk to a person', from);

    await bobIsRefused(thread, inThread, 'Talk to a person');
    expect(await handoffsOf(bob)).toBe(0);
    await press(thread, inThread, 'Talk to a person');
    expect(thread.text()).toMatch(/in line|connect|agent/i);
    expect(await handoffsOf(alice)).toBe(1);

    expect(JSON.stringify(buttonIn(inPersonal, 'Talk to a person').data)).not.toContain(nora.aadObjectId);
    await press(personal, inPersonal, 'Talk to a person');
    expect(personal.text()).toMatch(/in line|connect|agent/i);
  });
});
