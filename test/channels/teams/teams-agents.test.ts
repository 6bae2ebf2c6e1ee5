import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESERVATION_LEASE_MS } from '../../../src/channels/teams/agents/teams-agent-threads.js';
import { createTeamsModule } from '../../../src/channels/teams/teams-module.js';
import type { UserProfile } from '../../../src/domain/user.js';
import type { AgentDesk } from '../../../src/skills/handoff/agent-desk.js';
import { createHandoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { handoffRules } from '../../skills/handoff/handoff-kit.js';
import { keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import type { ConnectorCall } from './fakes/fake-bot-connector.js';
import {
  AGENTS_CHANNEL,
  channelConversation,
  executeInvoke,
  message,
  personalConversationId,
  teamsUser,
} from './fakes/teams-activities.js';
import { allActions, startTeamsTestBot, type TeamsTestBot } from './fakes/teams-test-bot.js';

describe.each(testProviders())('agents in Teams (%s)', (provider) => {
  let bot: TeamsTestBot;
  let desk: AgentDesk;
  // Teams people whose e-mail (from the member API) links them to the seeded directory.
  const alice = teamsUser('alice', 'Alice B.', 'alice@acme.example');
  const sam = teamsUser('sam', 'Sam A.', 'sam@support.example');
  const riley = teamsUser('riley', 'Riley A.', 'riley@support.example');
  const bob = teamsUser('bob', 'Bob B.', 'bob@acme.example');

  beforeAll(async () => {
    let captured: AgentDesk | null = null;
    bot = await startTeamsTestBot(provider, {
      matcher: keywordMatcher(handoffRules),
      env: { TEAMS_AGENTS_CHANNEL: AGENTS_CHANNEL },
      modules: [
        ticketsModule,
        createHandoffModule({
          queueUpdateDelayMs: 0,
          sweepIntervalMs: 3_600_000,
          onCreated: (inner) => {
            captured = inner.desk;
          },
        }),
        createTeamsModule({ agentsResyncIntervalMs: 200 }),
      ],
    });
    desk = captured as unknown as AgentDesk;
    for (const user of [alice, sam, riley, bob]) {
      bot.connector.members.set(user.id, {
        id: user.id,
        aadObjectId: user.aadObjectId,
        name: user.name,
        email: user.email,
        userPrincipalName: user.email,
      });
    }
  });
  afterAll(async () => bot?.close());
  beforeEach(async () => {
    const db = bot.app.services.db;
    await db.handoff.updateMany({
      where: { status: { in: ['pending', 'assigned', 'transferred'] } },
      data: { status: 'resolved' },
    });
    await db.agentProfile.updateMany({ data: { availability: 'offline', maxChats: 3 } });
  });

  const profile = async (id: string): Promise<UserProfile> => (await bot.app.services.users.byId(id))!;
  const inThread = (threadId: string) => (c: ConnectorCall) =>
    c.conversationId === threadId && (c.kind === 'send' || c.kind === 'reply') && c.body.type === 'message';
  const textOf = (c: ConnectorCall) => `${c.body.text ?? ''}${JSON.stringify(c.body.attachments ?? '')}`;

  /** Alice escalates in her personal chat; resolves to the escalation card's thread. */
  async function escalate(): Promise<{ threadId: string; rootId: string; card: ConnectorCall }> {
    await desk.setAvailability(await profile('usr_sam'), 'online');
    const chat = bot.chat(alice);
    await chat.say('hello');
    expect(chat.text()).toMatch(/Alice/);
    const before = bot.connector.calls.length;
    await chat.say('my tracking pixel stopped firing, can I talk to a person please');
    expect(chat.text()).toMatch(/in line/);
    const card = await bot.connector.waitFor(
      (c) => c.kind === 'create' && bot.connector.calls.indexOf(c) >= before,
    );
    return { threadId: `${AGENTS_CHANNEL};messageid=${card.newId}`, rootId: card.newId!, card };
  }

  /** An agent clicks a button of the escalation card (Action.Execute in the channel). */
  async function clickCard(
    who: typeof sam,
    rootId: string,
    card: unknown,
    title: string,
    inputs: Record<string, string> = {},
  ) {
    const action = allActions(card).find((a) => a.title === title);
    if (!action) throw new Error(`no "${title}" in ${allActions(card).map((a) => a.title)}`);
    const answer = await bot.post(
      executeInvoke(
        bot.connector.serviceUrl,
        who,
        channelConversation(AGENTS_CHANNEL, rootId),
        { verb: action.verb, title, data: { ...action.data, ...inputs } },
        rootId,
      ),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    return answer.body.value;
  }

  it('posts the escalation to the agents channel; the claiming agent talks to the user in its thread', async () => {
    const { threadId, rootId, card } = await escalate();
    const escalation = card.body.activity.attachments[0].content;
    expect(card.body.channelData.channel.id).toBe(AGENTS_CHANNEL);
    expect(JSON.stringify(escalation)).toMatch(/Live chat waiting/);
    expect(JSON.stringify(escalation)).toMatch(/Alice Brand/);
    expect(allActions(escalation).map((a) => a.title)).toEqual(['Claim']);

    // Bob is not an agent: his click changes nothing.
    const refused = await clickCard(bob, rootId, escalation, 'Claim');
    expect(JSON.stringify(refused)).toMatch(/Only support agents can do this/);
    expect((await desk.queue()).map((c) => c.status)).toEqual(['pending']);

    // Sam claims: the card turns into his, the thread says so, Alice hears it.
    const claimed = await clickCard(sam, rootId, escalation, 'Claim');
    expect(JSON.stringify(claimed)).toMatch(/Claimed by Sam Agent/);
    expect(allActions(claimed).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Add note', 'Ticket status', 'Transfer', 'Close chat', 'Save note']),
    );
    const joined = await bot.connector.waitFor(
      (c) => inThread(threadId)(c) && /is talking with/.test(textOf(c)),
    );
    expect(textOf(joined)).toMatch(/\*\*Sam Agent\*\* is talking with Alice Brand/);
    await bot.connector.waitFor((c) => inThread(threadId)(c) && /The conversation so far/.test(textOf(c)));
    await bot.connector.waitFor(
      (c) => c.conversationId === personalConversationId(alice) && /Sam Agent.*joined/.test(textOf(c)),
    );

    // Alice writes; it shows up in the thread.
    await bot.chat(alice).say('it is campaign 48213');
    const relayed = await bot.connector.waitFor((c) => inThread(threadId)(c) && /48213/.test(textOf(c)));
    expect(relayed.body.text).toBe('**Alice Brand:** it is campaign 48213');

    // Sam replies in the thread (no mention needed with the channel permission); Alice gets it.
    const reply = message(
      bot.connector.serviceUrl,
      sam,
      channelConversation(AGENTS_CHANNEL, rootId),
      'Looking at it now',
    );
    expect((await bot.post(reply)).status).toBe(200);
    const delivered = await bot.connector.waitFor(
      (c) => c.conversationId === personalConversationId(alice) && /Looking at it now/.test(textOf(c)),
    );
    expect(delivered.kind).toBe('reply');

    // Riley, another agent, mentions the bot in the thread: told who has the chat; nothing reaches Alice.
    const riley1 = message(
      bot.connector.serviceUrl,
      riley,
      channelConversation(AGENTS_CHANNEL, rootId),
      'can I help?',
      { mention: true },
    );
    await bot.post(riley1);
    const hint = bot.connector.calls.find((c) => c.activityId === riley1.id);
    expect(hint?.body.text).toBe('Sam Agent is handling this chat.');

    // Note and status from the card.
    const noted = await clickCard(sam, rootId, claimed, 'Save note', {
      note: 'Pixel domain changed',
    });
    expect(JSON.stringify(noted)).toMatch(/Note saved on the ticket/);
    const statused = await clickCard(sam, rootId, claimed, 'Set status', {
      status: 'awaiting_response',
    });
    expect(JSON.stringify(statused)).toMatch(/Ticket status set to \*\*Awaiting your response\*\*/);
    const chatNow = (await desk.chatsOf(await profile('usr_sam')))[0]!;
    const ticket = await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id: chatNow.ticketId } });
    expect(ticket.status).toBe('awaiting_response');
    const notes = await bot.app.services.db.ticketComment.findMany({
      where: { ticketId: ticket.id, internal: true },
    });
    expect(notes.map((n) => n.body)).toContain('Pixel domain changed');

    // Close: the card shows it, the thread says so, Alice is told.
    const closed = await clickCard(sam, rootId, claimed, 'Close chat');
    expect(JSON.stringify(closed)).toMatch(/Chat closed/);
    expect(allActions(closed)).toEqual([]);
    await bot.connector.waitFor((c) => inThread(threadId)(c) && /The agent closed this chat/.test(textOf(c)));
    await bot.connector.waitFor(
      (c) => c.conversationId === personalConversationId(alice) && /closed the chat/.test(textOf(c)),
    );
    const updates = bot.connector.calls.filter((c) => c.kind === 'update' && c.activityId === rootId);
    expect(updates.length).toBeGreaterThan(0);
  });

  it('offers a solution from the card only with its text, which Alice gets with the status', async () => {
    const { rootId, card } = await escalate();
    const claimed = await clickCard(sam, rootId, card.body.activity.attachments[0].content, 'Claim');
    const chat = (await desk.chatsOf(await profile('usr_sam')))[0]!;
    const db = bot.app.services.db;
    const ticket = () => db.ticket.findUniqueOrThrow({ where: { id: chat.ticketId } });

    // Solution Offered with the solution field left empty: an error on the card, nothing changed.
    const refused = await clickCard(sam, rootId, claimed, 'Set status', {
      status: 'solution_offered',
      solution: '  ',
    });
    expect(JSON.stringify(refused)).toMatch(/Solution Offered needs the solution.*Nothing was changed/);
    expect((await ticket()).status).toBe('in_progress');

    const offered = await clickCard(sam, rootId, claimed, 'Set status', {
      status: 'solution_offered',
      solution: 'Move the pixel above the consent banner.',
    });
    expect(JSON.stringify(offered)).toMatch(/Ticket status set to \*\*Solution Offered\*\*/);
    expect((await ticket()).status).toBe('solution_offered');
    const replies = await db.ticketComment.findMany({ where: { ticketId: chat.ticketId, internal: false } });
    expect(replies.map((r) => r.body)).toContain('Move the pixel above the consent banner.');
    const told = await bot.connector.waitFor(
      (c) =>
        c.conversationId === personalConversationId(alice) &&
        /Move the pixel above the consent banner/.test(textOf(c)),
    );
    expect(textOf(told)).toMatch(/Solution Offered/);
    await desk.close(await profile('usr_sam'), chat.handoffId);
  });

  it('transfers a chat to a team from the card, back to waiting with the note', async () => {
    const { threadId, rootId, card } = await escalate();
    const claimed = await clickCard(sam, rootId, card.body.activity.attachments[0].content, 'Claim');
    const transfer = allActions(claimed).find((a) => a.title === 'Transfer')!;
    expect(JSON.stringify(transfer.card)).toMatch(/Team: Payments and finance.*Agent: Riley Agent/);
    const transferred = await clickCard(sam, rootId, claimed, 'Transfer chat', {
      target: 'team:team_finance',
      transferNote: 'Payout question, finance knows best',
    });
    expect(allActions(transferred).map((a) => a.title)).toEqual(['Claim']);
    const note = await bot.connector.waitFor(
      (c) => inThread(threadId)(c) && /Payout question/.test(c.body.text ?? ''),
    );
    expect(note.body.text).toMatch(/^Transferred by Sam Agent .*: Payout question, finance knows best$/);
    const [waiting] = await desk.queue();
    expect(waiting).toMatchObject({ teamId: 'team_finance' });
  });

  it("keeps a user's message for the agents' thread while the connector refuses it, and posts it once", async () => {
    const { threadId, rootId, card } = await escalate();
    await clickCard(sam, rootId, card.body.activity.attachments[0].content, 'Claim');
    await bot.connector.waitFor((c) => inThread(threadId)(c) && /is talking with/.test(textOf(c)));
    // Only the user's message is refused: the claim's posts are all in.
    await bot.connector.waitFor((c) => inThread(threadId)(c) && /The conversation so far/.test(textOf(c)));
    let refused = 0;
    bot.connector.refuse = (method, path) => {
      const refuse = method === 'POST' && path.startsWith(`/v3/conversations/${threadId}/activities`);
      if (refuse) refused++;
      return refuse;
    };
    const relayed = (c: ConnectorCall) => inThread(threadId)(c) && /invoice 7731/.test(textOf(c));
    try {
      await bot.chat(alice).say('invoice 7731 was charged twice');
      await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(bot.connector.calls.filter(relayed)).toEqual([]);
    } finally {
      bot.connector.refuse = null;
    }
    const posted = await bot.connector.waitFor(relayed, 15_000);
    expect(posted.body.text).toBe('**Alice Brand:** invoice 7731 was charged twice');
    await new Promise((r) => setTimeout(r, 1000));
    expect(bot.connector.calls.filter(relayed)).toHaveLength(1);
  });

  it('keeps the conversation so far for the claiming agent while the connector refuses it, before the lines after it', async () => {
    const { threadId, rootId, card } = await escalate();
    // The connector refuses the transcript once; the thread's other posts go through.
    let refused = 0;
    bot.connector.refuse = (method, path, body) => {
      const refuse =
        refused === 0 &&
        method === 'POST' &&
        path.startsWith(`/v3/conversations/${threadId}/activities`) &&
        /The conversation so far/.test(JSON.stringify(body ?? ''));
      if (refuse) refused++;
      return refuse;
    };
    const transcript = (c: ConnectorCall) =>
      inThread(threadId)(c) && /The conversation so far/.test(textOf(c));
    const relayed = (c: ConnectorCall) => inThread(threadId)(c) && /invoice 7731/.test(textOf(c));
    try {
      await clickCard(sam, rootId, card.body.activity.attachments[0].content, 'Claim');
      await expect.poll(() => refused, { timeout: 10_000 }).toBe(1);
      await bot.chat(alice).say('invoice 7731 was charged twice');

      const posted = await bot.connector.waitFor(transcript, 15_000);
      expect(textOf(posted)).toMatch(/my tracking pixel stopped firing/);
      await bot.connector.waitFor(relayed, 15_000);
    } finally {
      bot.connector.refuse = null;
    }
    await new Promise((r) => setTimeout(r, 1000));
    const thread = bot.connector.messagesIn(threadId).map(textOf);
    const at = (pattern: RegExp) => thread.findIndex((t) => pattern.test(t));
    expect(thread.filter((t) => /The conversation so far/.test(t))).toHaveLength(1);
    expect(at(/is talking with/)).toBeGreaterThanOrEqual(0);
    expect(at(/is talking with/)).toBeLessThanOrEqual(at(/The conversation so far/));
    expect(at(/The conversation so far/)).toBeLessThan(at(/invoice 7731/));
  });

  /** Teams' size limit of one message (about 28 KB), as the connector enforces it. */
  const TEAMS_MESSAGE_BYTES = 28 * 1024;
  /** A long message of Alice's (about 1,500 characters), its number at the start and `END-<n>` at the end. */
  const longMessage = (n: number) =>
    `Message ${n}: ${'the pixel on the checkout page fires twice and then never again '.repeat(24)}END-${n}`;

  /** Alice escalates, then writes 20 long messages while she waits; resolves once the thread shows the last one. */
  async function escalateLongChat(): Promise<{ threadId: string; rootId: string; card: ConnectorCall }> {
    const escalated = await escalate();
    for (let n = 1; n <= 20; n++) await bot.chat(alice).say(longMessage(n));
    await bot.connector.waitFor((c) => inThread(escalated.threadId)(c) && /END-20/.test(textOf(c)), 10_000);
    return escalated;
  }

  it('shows the claiming agent a long chat in a transcript Teams takes: entries cut short, the oldest left out', async () => {
    const { threadId, rootId, card } = await escalateLongChat();
    bot.connector.maxActivityBytes = TEAMS_MESSAGE_BYTES;
    try {
      await clickCard(sam, rootId, card.body.activity.attachments[0].content, 'Claim');
      const joined = await bot.connector.waitFor(
        (c) => inThread(threadId)(c) && /is talking with/.test(textOf(c)),
        5000,
      );
      const transcript = await bot.connector.waitFor(
        (c) => inThread(threadId)(c) && /The conversation so far/.test(textOf(c)),
        5000,
      );
      expect(bot.connector.calls.indexOf(joined)).toBeLessThan(bot.connector.calls.indexOf(transcript));
      const shown = textOf(transcript);
      expect(Buffer.byteLength(JSON.stringify(transcript.body), 'utf16le')).toBeLessThan(
        TEAMS_MESSAGE_BYTES * 0.8,
      );
      // The newest messages are there, each cut short; the oldest ones are counted, not shown.
      expect(shown).toMatch(/Message 20: the pixel/);
      expect(shown).not.toMatch(/END-\d+/);
      expect(shown).toMatch(/…/);
      expect(shown).not.toMatch(/Message 1: /);
      expect(shown).toMatch(/Earlier messages left out: \d+\./);
      expect(shown).toMatch(/The full conversation is in the agent console/);
    } finally {
      bot.connector.maxActivityBytes = null;
    }
  });

  it('posts the claim line and the next lines at once when Teams refuses the transcript as too large', async () => {
    const { threadId, rootId, card } = await escalateLongChat();
    // Small enough to refuse the transcript, not the claim line or a short relayed message.
    bot.connector.maxActivityBytes = 8 * 1024;
    const refusedTranscript = () =>
      bot.connector.calls.some((c) => inThread(threadId)(c) && /The conversation so far/.test(textOf(c)));
    try {
      await clickCard(sam, rootId, card.body.activity.attachments[0].content, 'Claim');
      await bot.connector.waitFor((c) => inThread(threadId)(c) && /is talking with/.test(textOf(c)), 3000);
      await bot.chat(alice).say('invoice 7731 was charged twice');
      const relayed = await bot.connector.waitFor(
        (c) => inThread(threadId)(c) && /invoice 7731/.test(textOf(c)),
        3000,
      );
      expect(relayed.body.text).toBe('**Alice Brand:** invoice 7731 was charged twice');
    } finally {
      bot.connector.maxActivityBytes = null;
    }
    // The transcript was given up, not kept for a retry in front of the chat's other lines.
    await new Promise((r) => setTimeout(r, 2500));
    expect(refusedTranscript()).toBe(false);
    const thread = bot.connector.messagesIn(threadId).map(textOf);
    const at = (pattern: RegExp) => thread.findIndex((t) => pattern.test(t));
    expect(at(/is talking with/)).toBeGreaterThan(at(/END-20/));
    expect(at(/invoice 7731/)).toBeGreaterThan(at(/is talking with/));
  });

  it('posts the escalation though an instance that stopped while posting it left its reservation', async () => {
    const { rootId } = await escalate();
    const [waiting] = await desk.queue();
    // As if the instance that reserved the chat had stopped before its card went out.
    const db = bot.app.services.db;
    const reservedAt = new Date(Date.now() - 30_000);
    await db.agentThread.update({
      where: { handoffId_channel: { handoffId: waiting!.handoffId, channel: 'teams' } },
      data: { threadKey: `pending:${waiting!.handoffId}:stopped`, createdAt: reservedAt },
    });
    const before = bot.connector.calls.length;
    const cards = () => bot.connector.calls.slice(before).filter((c) => c.kind === 'create');
    // A fresh reservation is respected: the instance holding it may still be posting.
    await new Promise((r) => setTimeout(r, 600));
    expect(cards()).toEqual([]);
    await db.agentThread.update({
      where: { handoffId_channel: { handoffId: waiting!.handoffId, channel: 'teams' } },
      data: { createdAt: new Date(Date.now() - RESERVATION_LEASE_MS - 1000) },
    });
    const posted = await bot.connector.waitFor((c) => c.kind === 'create' && cards().includes(c));
    expect(posted.newId).not.toBe(rootId);
    expect(JSON.stringify(posted.body.activity.attachments[0].content)).toMatch(/Alice Brand/);
    await new Promise((r) => setTimeout(r, 600));
    expect(cards()).toHaveLength(1);
  });

  it('asks the member API again when it did not answer in time: an agent is not kept as a requester', async () => {
    // Riley on a second device: an identity the bot has never seen, linked through her e-mail.
    const rileyLaptop = teamsUser('riley-laptop', 'Riley A.', 'riley@support.example');
    bot.connector.members.set(rileyLaptop.id, {
      id: rileyLaptop.id,
      aadObjectId: rileyLaptop.aadObjectId,
      name: rileyLaptop.name,
      email: rileyLaptop.email,
    });
    const { rootId, card } = await escalate();
    const escalation = card.body.activity.attachments[0].content;
    bot.connector.memberDelayMs = 3000;
    try {
      const refused = await clickCard(rileyLaptop, rootId, escalation, 'Claim');
      expect(JSON.stringify(refused)).toMatch(/Only support agents can do this/);
    } finally {
      bot.connector.memberDelayMs = 0;
    }
    const claimed = await clickCard(rileyLaptop, rootId, escalation, 'Claim');
    expect(JSON.stringify(claimed)).toMatch(/Claimed by Riley Agent/);
    expect((await desk.chatsOf(await profile('usr_riley'))).map((c) => c.status)).toEqual(['assigned']);
  });

  it('posts the escalation once the bot is added to the agents team, though it was refused at first', async () => {
    await desk.setAvailability(await profile('usr_sam'), 'online');
    const chat = bot.chat(alice);
    await chat.say('hello');
    const before = bot.connector.calls.length;
    let refused = 0;
    bot.connector.refuse = (method, path) => {
      const refuse = method === 'POST' && path === '/v3/conversations';
      if (refuse) refused++;
      return refuse;
    };
    try {
      await chat.say('my payout is late, I need a person');
      expect(chat.text()).toMatch(/in line/);
      await expect.poll(() => refused).toBeGreaterThan(0);
      expect(bot.connector.calls.slice(before).filter((c) => c.kind === 'create')).toEqual([]);
    } finally {
      bot.connector.refuse = null;
    }
    const posted = await bot.connector.waitFor(
      (c) => c.kind === 'create' && bot.connector.calls.indexOf(c) >= before,
    );
    expect(JSON.stringify(posted.body.activity.attachments[0].content)).toMatch(/Alice Brand/);
    await new Promise((r) => setTimeout(r, 600));
    expect(bot.connector.calls.slice(before).filter((c) => c.kind === 'create')).toHaveLength(1);
  });
});
