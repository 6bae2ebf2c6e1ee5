import { describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { echoModule } from './fakes/echo-skill-module.js';
import type { ConnectorCall } from './fakes/fake-bot-connector.js';
import {
  AGENTS_CHANNEL,
  cardSubmit,
  channelConversation,
  executeInvoke,
  groupConversation,
  nextMessageId,
  personalConversationId,
  TENANT_ID,
  type TeamsTestUser,
} from './fakes/teams-activities.js';
import { allActions, type TeamsChat } from './fakes/teams-test-bot.js';
import {
  alice,
  bob,
  cardAction,
  type Json,
  nora,
  sam,
  supportThread,
  useOwnerTeamsBot,
} from './teams-owner-fixture.js';

/**
 * In a Teams channel thread or a group chat everyone sees the cards the bot shows the person
 * it answers, and Teams lets anyone press their buttons. A press by someone else gets a reply
 * in the thread that mentions them and says whose the buttons are, and runs nothing; the
 * person's own presses go on as before; in a personal chat nothing changes; the agents' desk
 * cards stay every agent's.
 */
describe.each(testProviders())('Teams buttons belong to whom they were shown to (%s)', (provider) => {
  // Tickets with the help center's suggestions, live agents, and the echo skill's form.
  const bot = useOwnerTeamsBot(provider, [alice, bob, nora, sam], {
    modules: [echoModule],
    rules: [
      [/^echo\b/i, 'test.echo', 'echo'],
      [/^form\b/i, 'test.form', 'echo'],
    ],
  });

  /** The conversation as stored: its flow state, version and transcript length. */
  async function stored(conversationId: string) {
    const row = await bot.database.prisma.conversation.findUniqueOrThrow({
      where: {
        channel_workspace_externalId: { channel: 'teams', workspace: TENANT_ID, externalId: conversationId },
      },
      select: { state: true, version: true, _count: { select: { messages: true } } },
    });
    return row;
  }

  /** The button labelled `label` in the cards `chat` got last, and the message that carried it. */
  function buttonOf(chat: TeamsChat, label: string): { action: Json; messageId: string } {
    for (const reply of chat.replies) {
      const action = cardAction(reply, label);
      if (action) return { action, messageId: reply.newId! };
    }
    throw new Error(`No button "${label}" in: ${chat.actions().join(' | ')}`);
  }

  /**
   * `presser` presses `label` on the card `owner` was shown last: the bot answers in the same
   * conversation with one message that mentions the presser and names the owner, runs no turn,
   * and the conversation (flow state, version, transcript) is as it was.
   */
  async function othersPressIsRefused(
    owner: TeamsChat,
    presser: TeamsTestUser,
    label: string,
    inputs: Record<string, string> = {},
  ): Promise<void> {
    const before = await stored(owner.conversation.id);
    const { action, messageId } = buttonOf(owner, label);
    const other = bot.chat(presser, owner.conversation);
    await other.send(
      cardSubmit(
        bot.connector.serviceUrl,
        presser,
        owner.conversation,
        { ...action.data, ...inputs },
        messageId,
      ),
    );
    expect(other.replies).toHaveLength(1);
    const [refusal] = other.replies as [ConnectorCall];
    expect(refusal.conversationId).toBe(owner.conversation.id);
    expect(refusal.body.text).toBe(
      `<at>${presser.name}</at>, these buttons are for ${owner.user.name} only; ` +
        'to ask me something yourself, mention me in a new message or chat with me directly.',
    );
    expect(refusal.body.entities).toEqual([
      {
        type: 'mention',
        text: `<at>${presser.name}</at>`,
        mentioned: { id: presser.id, name: presser.name },
      },
    ]);
    expect(refusal.body.attachments ?? []).toEqual([]);
    expect(await stored(owner.conversation.id)).toEqual(before);
  }

  it("Bob's presses on the ticket questions Alice is asked in her channel thread are refused; hers go on", async () => {
    const thread = supportThread(bot, alice);
    await thread.say('open a ticket: password reset link expired immediately');
    expect(thread.text()).toMatch(/sounds like a \*\*[^*]+\*\* issue/);

    await othersPressIsRefused(thread, bob, "Yes, that's it");
    await thread.click("Yes, that's it");
    expect(thread.text()).toMatch(/campaign/i);

    await othersPressIsRefused(thread, bob, 'No, not campaign-specific');
    await thread.click('No, not campaign-specific');
    expect(thread.text()).toMatch(/describe/i);

    await thread.say('Every password reset link says it has expired, even right after it arrives.');
    expect(thread.text()).toMatch(/help articles might already answer/);

    await othersPressIsRefused(thread, bob, 'No, file the ticket');
    await othersPressIsRefused(thread, bob, 'Yes, that solved it');
    await thread.click('No, file the ticket');
    expect(thread.text()).toMatch(/Should everyone in your account see this ticket/);
  });

  it("a form shown to Alice in a group chat takes only her submit, with only the form's inputs", async () => {
    const group = bot.chat(alice, groupConversation(`19:meeting_${nextMessageId()}@thread.v2`));
    group.mention = true;
    await group.say('form please');
    await othersPressIsRefused(group, bob, 'Send', { subject: 'Not mine', kind: 'a' });
    await othersPressIsRefused(group, bob, 'Cancel');

    await group.click('Send', { subject: 'Pixel broken', kind: 'b' });
    expect(group.text()).toBe(
      'clicked: {"skill":"echo","step":"submit","form":{"subject":"Pixel broken","kind":"b"}}',
    );
  });

  it("an Action.Execute press on Alice's card in a channel answers Bob alone, and changes nothing", async () => {
    const thread = supportThread(bot, alice);
    await thread.say('echo start');
    const { action, messageId } = buttonOf(thread, 'Pick me');
    const before = await stored(thread.conversation.id);

    const other = bot.chat(bob, thread.conversation);
    await other.send(
      executeInvoke(
        bot.connector.serviceUrl,
        bob,
        thread.conversation,
        { verb: 'submit', title: action.title, data: action.data },
        messageId,
      ),
    );
    expect(other.answer?.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value:
        'Bob B., these buttons are for Alice B. only; ' +
        'to ask me something yourself, mention me in a new message or chat with me directly.',
    });
    expect(other.replies).toEqual([]);
    expect(await stored(thread.conversation.id)).toEqual(before);

    await thread.send(
      executeInvoke(
        bot.connector.serviceUrl,
        alice,
        thread.conversation,
        { verb: 'submit', title: action.title, data: action.data },
        messageId,
      ),
    );
    expect(thread.text()).toBe('clicked: {"skill":"echo","step":"picked"}');
  });

  it('in a personal chat the buttons carry no owner: the user presses them as before', async () => {
    const chat = bot.chat(bob);
    await chat.say('open a ticket: the export is slow');
    const { action } = buttonOf(chat, "Yes, that's it");
    expect(JSON.stringify(action.data)).not.toContain(bob.aadObjectId);
    expect(Object.keys(action.data)).toEqual(['value']);
    await chat.click("Yes, that's it");
    expect(chat.text()).toMatch(/campaign/i);
  });

  it("any agent claims a chat waiting in the agents' channel", async () => {
    await bot.desk.setAvailability((await bot.app.services.users.byId('usr_sam'))!, 'online');
    const before = bot.connector.calls.length;
    const chat = bot.chat(nora);
    await chat.say('I want a human');
    expect(chat.text()).toMatch(/in line/);
    const posted = await bot.connector.waitFor(
      (c) => c.kind === 'create' && bot.connector.calls.indexOf(c) >= before,
    );
    const claim = allActions(posted.body.activity.attachments[0].content).find((a) => a.title === 'Claim')!;
    const answer = await bot.post(
      executeInvoke(
        bot.connector.serviceUrl,
        sam,
        channelConversation(AGENTS_CHANNEL, posted.newId!),
        { verb: claim.verb, title: 'Claim', data: claim.data },
        posted.newId!,
      ),
    );
    expect(JSON.stringify(answer.body.value)).toMatch(/Claimed by Sam Agent/);
    await bot.connector.waitFor(
      (c) => c.conversationId === personalConversationId(nora) && /Sam Agent.*joined/.test(c.body.text ?? ''),
    );
  });
});
