import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsModule } from '../../../src/channels/teams/teams-module.js';
import { testProviders } from '../../support/test-database.js';
import { echoMatcher, echoModule } from './fakes/echo-skill-module.js';
import {
  channelConversation,
  executeInvoke,
  fileAttachment,
  groupConversation,
  inlineImage,
  nextMessageId,
  personalConversationId,
  personalInstall,
  personalMessage,
  SUPPORT_CHANNEL,
  TEAM_ID,
  TENANT_ID,
  teamInstall,
  teamsUser,
} from './fakes/teams-activities.js';
import { startTeamsTestBot, type TeamsTestBot } from './fakes/teams-test-bot.js';

describe.each(testProviders())('Teams channel over HTTP (%s)', (provider) => {
  let bot: TeamsTestBot;
  const alice = teamsUser('alice', 'Alice Example');

  beforeAll(async () => {
    bot = await startTeamsTestBot(provider, { modules: [echoModule, teamsModule], matcher: echoMatcher });
  });
  afterAll(async () => bot?.close());

  it('answers a personal message in the same chat, replying to the message, with typing first', async () => {
    const chat = bot.chat(alice);
    await chat.say('hi');
    expect(chat.text()).toMatch(/Alice/);
    const conversationId = personalConversationId(alice);
    const calls = bot.connector.calls.filter((c) => c.activityId === chat.lastId);
    expect(calls.map((c) => c.body.type)).toEqual(['typing', 'message']);
    expect(calls[1]).toMatchObject({ kind: 'reply', conversationId });
    expect(calls[1]!.body).toMatchObject({
      textFormat: 'markdown',
      recipient: { aadObjectId: alice.aadObjectId },
    });
  });

  it('renders a card reply as an Adaptive Card 1.5 and keeps the user as the same person across turns', async () => {
    const chat = bot.chat(alice);
    await chat.say('help');
    const [card] = chat.cards();
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(chat.text()).toMatch(/Here's what I can do/);
    expect(chat.actions()).toContain('File a ticket');
    const identities = await bot.database.prisma.channelIdentity.findMany({
      where: { channel: 'teams', externalId: alice.aadObjectId },
    });
    expect(identities).toEqual([expect.objectContaining({ workspace: TENANT_ID })]);
  });

  it('asks the member API once about a sender Teams does not list, not on every message', async () => {
    const guest = teamsUser('guest-unlisted', 'Guest Unlisted');
    const chat = bot.chat(guest);
    await chat.say('hi');
    const afterFirst = bot.connector.memberLookups;
    await chat.say('hello again');
    await chat.say('one more');
    expect(bot.connector.memberLookups).toBe(afterFirst);
  });

  it('offers the menu when nothing matched', async () => {
    const chat = bot.chat(alice);
    await chat.say("what's the weather in Paris");
    expect(chat.text()).toMatch(/I'm not sure I understood/);
    expect(chat.actions()).toEqual(
      expect.arrayContaining(['File a ticket', 'My tickets', 'Talk to a person']),
    );
  });

  it('hears a channel @mention without the mention, and answers in the reply chain', async () => {
    const bob = teamsUser('bob', 'Bob Example');
    const root = nextMessageId();
    const chat = bot.chat(bob, channelConversation(SUPPORT_CHANNEL, root));
    chat.mention = true;
    await chat.say('echo where is my pixel?');
    expect(chat.text()).toMatch(/^heard: echo where is my pixel\?$/m);
    expect(chat.replies[0]).toMatchObject({
      kind: 'reply',
      conversationId: `${SUPPORT_CHANNEL};messageid=${root}`,
      activityId: chat.lastId,
    });
    const stored = await bot.database.prisma.conversation.findFirst({
      where: { channel: 'teams', externalId: `${SUPPORT_CHANNEL};messageid=${root}` },
    });
    expect(JSON.parse(stored!.reference!)).toMatchObject({
      serviceUrl: bot.connector.serviceUrl,
      conversation: { id: `${SUPPORT_CHANNEL};messageid=${root}` },
    });
  });

  it('stays out of channel conversations that do not mention it', async () => {
    const chat = bot.chat(
      teamsUser('carl', 'Carl Chatter'),
      channelConversation(SUPPORT_CHANNEL, nextMessageId()),
    );
    await chat.say('echo lunch at noon?');
    expect(bot.connector.calls.filter((c) => c.activityId === chat.lastId)).toEqual([]);
  });

  it('answers an @mention in a group chat', async () => {
    const chat = bot.chat(teamsUser('gina', 'Gina Group'), groupConversation('19:meeting_group01@thread.v2'));
    chat.mention = true;
    await chat.say('echo hello group');
    expect(chat.text()).toMatch(/^heard: echo hello group$/m);
    expect(chat.replies[0]!.conversationId).toBe('19:meeting_group01@thread.v2');
  });

  it('turns an Action.Submit into the clicked value, with form inputs under `form`', async () => {
    const chat = bot.chat(teamsUser('fred', 'Fred Form'));
    await chat.say('form please');
    const [card] = chat.cards();
    expect(card.body.map((e: { id?: string }) => e.id).filter(Boolean)).toEqual(['subject', 'kind']);
    await chat.click('Send', { subject: 'Pixel broken', kind: 'b' });
    expect(chat.text()).toBe(
      'clicked: {"skill":"echo","step":"submit","form":{"subject":"Pixel broken","kind":"b"}}',
    );
    await chat.say('form again');
    await chat.click('Cancel', { subject: 'ignored' });
    expect(chat.text()).toBe('clicked: {"skill":"echo","step":"cancel"}');
  });

  it('answers an Action.Execute invoke with the replies as the card that replaces the clicked one', async () => {
    const chat = bot.chat(teamsUser('erin', 'Erin Execute'));
    await chat.say('echo start');
    const choices = chat.cards()[0];
    const pick = choices.actions[0];
    await chat.send(
      executeInvoke(
        bot.connector.serviceUrl,
        chat.user,
        chat.conversation,
        { verb: 'submit', title: pick.title, data: pick.data },
        chat.replies[0]!.newId!,
      ),
    );
    expect(chat.answer).toMatchObject({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { version: '1.5' } },
    });
    expect(chat.text()).toBe('clicked: {"skill":"echo","step":"picked"}');
    expect(chat.replies).toEqual([]);
  });

  it('passes files and pasted images on as attachments, without the HTML copy of the message', async () => {
    const chat = bot.chat(teamsUser('fiona', 'Fiona Files'));
    await chat.say('echo see attached', {
      attachments: [fileAttachment('pixel-log.pdf', 'pdf'), inlineImage(bot.connector.serviceUrl)],
    });
    expect(chat.text()).toContain(
      'files: pixel-log.pdf (application/pdf) https://contoso-my.sharepoint.com/personal/alice/Documents/Microsoft Teams Chat Files/pixel-log.pdf; ' +
        `attachment-2.png (image/png) ${bot.connector.serviceUrl}v3/attachments/0-weu-d2-abc/views/original`,
    );
  });

  it('handles a retried activity once', async () => {
    const activity = personalMessage(bot.connector.serviceUrl, teamsUser('rita', 'Rita Retry'), 'echo once');
    await bot.post(activity);
    await bot.post(activity);
    const replies = bot.connector.calls.filter(
      (c) => c.activityId === activity.id && c.body.type === 'message',
    );
    expect(replies).toHaveLength(1);
  });

  it('keeps the typing indicator going while a turn takes long', async () => {
    const chat = bot.chat(teamsUser('sly', 'Sly Slow'));
    await chat.say('slow please');
    const calls = bot.connector.calls.filter((c) => c.activityId === chat.lastId).map((c) => c.body.type);
    expect(calls[0]).toBe('typing');
    expect(calls.at(-1)).toBe('message');
  });

  it('welcomes on install, stores the reference, and reaches the chat proactively', async () => {
    const ivy = teamsUser('ivy', 'Ivy Install');
    const install = personalInstall(bot.connector.serviceUrl, ivy);
    const answer = await bot.post(install);
    expect(answer.status).toBe(200);
    const welcome = bot.connector.calls.find((c) => c.activityId === install.id);
    expect(welcome?.body.text).toMatch(/^Hi Ivy! I'm the help desk bot/);
    const conversation = await bot.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'teams', externalId: personalConversationId(ivy) },
    });
    expect(JSON.parse(conversation.reference!)).toMatchObject({ user: { aadObjectId: ivy.aadObjectId } });

    await bot.app.services.notifier.send(conversation.id, [
      { type: 'notice', level: 'success', text: 'Ticket #1042 was solved.' },
    ]);
    const pushed = await bot.connector.waitFor(
      (c) => c.conversationId === personalConversationId(ivy) && c.body.attachments?.length > 0,
    );
    expect(pushed.kind).toBe('reply');
    expect(JSON.stringify(pushed.body.attachments[0].content)).toContain('Ticket #1042 was solved.');
  });

  it('stores the reference on installationUpdate too, naming the user from the member API', async () => {
    const nia = teamsUser('nia', 'Nia Noname', 'nia@contoso.example');
    bot.connector.members.set(nia.id, { ...nia });
    const update: Record<string, unknown> = {
      ...personalInstall(bot.connector.serviceUrl, nia),
      type: 'installationUpdate',
      action: 'add',
      from: { id: nia.id, aadObjectId: nia.aadObjectId },
    };
    delete update.membersAdded;
    expect((await bot.post(update)).status).toBe(200);
    expect(bot.connector.calls.filter((c) => c.activityId === update.id)).toEqual([]);
    const conversation = await bot.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'teams', externalId: personalConversationId(nia) },
    });
    const user = await bot.database.prisma.user.findUniqueOrThrow({ where: { id: conversation.userId } });
    expect(user).toMatchObject({ displayName: 'Nia Noname', email: 'nia@contoso.example' });
  });

  it('welcomes a team on install in its channel', async () => {
    const install = teamInstall(bot.connector.serviceUrl, teamsUser('tom', 'Tom Teamowner'));
    await bot.post(install);
    const welcome = bot.connector.calls.find((c) => c.activityId === install.id);
    expect(welcome).toMatchObject({ conversationId: TEAM_ID });
    expect(welcome?.body.text).toMatch(/Mention me/);
  });

  it('retries a proactive message while the connector is down', async () => {
    const chat = bot.chat(teamsUser('otto', 'Otto Outage'));
    await chat.say('hi');
    const conversation = await bot.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'teams', externalId: chat.conversation.id },
    });
    bot.connector.down = true;
    try {
      await bot.app.services.notifier.send(conversation.id, [{ type: 'text', text: 'Agent Sam joined.' }]);
      await expect
        .poll(async () =>
          bot.database.prisma.outboundMessage.findFirst({ where: { conversationId: conversation.id } }),
        )
        .toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      bot.connector.down = false;
    }
    await bot.database.prisma.outboundMessage.updateMany({
      where: { conversationId: conversation.id },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    const delivered = await bot.connector.waitFor(
      (c) => c.conversationId === chat.conversation.id && c.body.text === 'Agent Sam joined.',
    );
    expect(delivered.kind).toBe('reply');
  });

  it('retries only the messages of a proactive delivery the connector did not take', async () => {
    const chat = bot.chat(teamsUser('paula', 'Paula Parts'));
    await chat.say('hi');
    const conversation = await bot.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'teams', externalId: chat.conversation.id },
    });
    // Two messages (a card each); the connector refuses the second one once.
    let refused = 0;
    bot.connector.refuse = (method, _path, body) => {
      const refuse = refused === 0 && method === 'POST' && /Second part/.test(JSON.stringify(body ?? ''));
      if (refuse) refused++;
      return refuse;
    };
    const before = bot.connector.calls.length;
    try {
      await bot.app.services.notifier.send(conversation.id, [
        { type: 'notice', level: 'info', text: 'First part' },
        { type: 'notice', level: 'info', text: 'Second part' },
      ]);
      await expect.poll(() => refused, { timeout: 10_000 }).toBe(1);
    } finally {
      bot.connector.refuse = null;
    }
    await expect
      .poll(
        async () =>
          (
            await bot.database.prisma.outboundMessage.findFirst({
              where: { conversationId: conversation.id },
            })
          )?.status,
        { timeout: 15_000, interval: 100 },
      )
      .toBe('sent');
    const posted = bot.connector
      .messagesIn(chat.conversation.id)
      .filter((c) => bot.connector.calls.indexOf(c) >= before)
      .map((c) => (/First part/.test(JSON.stringify(c.body)) ? 'first' : 'second'));
    expect(posted).toEqual(['first', 'second']);
  });

  it('queues the answer when the connector fails during the turn, answers 200, and posts it once Teams is back', async () => {
    const lou = teamsUser('lou', 'Lou Lost');
    const activity = personalMessage(bot.connector.serviceUrl, lou, 'echo hello again');
    bot.connector.down = true;
    let first: Awaited<ReturnType<typeof bot.post>>;
    try {
      first = await bot.post(activity);
    } finally {
      bot.connector.down = false;
    }
    expect(first.status).toBe(200);
    const conversation = await bot.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'teams', externalId: personalConversationId(lou) },
    });
    const queued = await bot.database.prisma.outboundMessage.findMany({
      where: { conversationId: conversation.id },
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toContain('hello again');
    // The Bot Framework's re-delivery is a duplicate: nothing more is posted or queued for it.
    expect((await bot.post(activity)).status).toBe(200);
    await bot.database.prisma.outboundMessage.updateMany({
      where: { conversationId: conversation.id, status: 'pending' },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await bot.connector.waitFor(
      (c) => c.conversationId === personalConversationId(lou) && /hello again/.test(c.body.text ?? ''),
    );
    await expect
      .poll(async () =>
        bot.database.prisma.outboundMessage.findMany({ where: { conversationId: conversation.id } }),
      )
      .toEqual([expect.objectContaining({ status: 'sent' })]);
    const stored = await bot.database.prisma.message.findMany({
      where: { conversationId: conversation.id, direction: 'out' },
    });
    expect(stored.filter((m) => /hello again/.test(m.text))).toHaveLength(1);
  });

  it('queues the welcome when the connector fails during the install', async () => {
    const ida = teamsUser('ida', 'Ida Install');
    const install = personalInstall(bot.connector.serviceUrl, ida);
    bot.connector.down = true;
    let answer: Awaited<ReturnType<typeof bot.post>>;
    try {
      answer = await bot.post(install);
    } finally {
      bot.connector.down = false;
    }
    expect(answer.status).toBe(200);
    const conversation = await bot.database.prisma.conversation.findFirstOrThrow({
      where: { channel: 'teams', externalId: personalConversationId(ida) },
    });
    await bot.database.prisma.outboundMessage.updateMany({
      where: { conversationId: conversation.id, status: 'pending' },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    const welcome = await bot.connector.waitFor(
      (c) => c.conversationId === personalConversationId(ida) && /^Hi Ida!/.test(c.body.text ?? ''),
    );
    expect(welcome.kind).toBe('reply');
  });

  it('ignores activities it has nothing to do with', async () => {
    const reaction: Record<string, unknown> = {
      ...personalMessage(bot.connector.serviceUrl, alice, ''),
      type: 'messageReaction',
      reactionsAdded: [{ type: 'like' }],
    };
    expect((await bot.post(reaction)).status).toBe(200);
    const unknownInvoke: Record<string, unknown> = {
      ...personalMessage(bot.connector.serviceUrl, alice, ''),
      type: 'invoke',
      name: 'task/fetch',
    };
    expect((await bot.post(unknownInvoke)).status).toBe(501);
    const ids = [reaction, unknownInvoke].map((a) => a.id as string);
    expect(bot.connector.calls.some((c) => ids.includes(c.activityId ?? ''))).toBe(false);
  });

  it('refuses a body that is not an activity', async () => {
    expect((await bot.post([1, 2])).status).toBe(400);
  });

  it('refuses an activity that fails validation with 400', async () => {
    for (const activity of [
      { type: 5 },
      { type: 'message' },
      { type: 'message', text: 'hi', serviceUrl: bot.connector.serviceUrl, conversation: { id: 7 } },
    ]) {
      const answer = await bot.post(activity);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'bad_request' });
    }
  });
});
