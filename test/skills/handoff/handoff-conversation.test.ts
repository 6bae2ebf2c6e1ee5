import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe.each(testProviders())('live chat with an agent on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
  });
  afterAll(() => kit.close());
  beforeEach(() => kit.reset());

  const online = async (...webIds: string[]) => {
    for (const id of webIds) await kit.desk.setAvailability(await kit.agent(id), 'online');
  };

  it('queues the user, lets an agent take over, relays both ways, closes and asks for a rating', async () => {
    await online('sam');
    const sam = await kit.agent('sam');
    const alice = kit.bot.chat('alice');

    await alice.say('hello');
    await alice.say('my tracking pixel stopped firing yesterday');
    await alice.say('can I talk to a person please');
    expect(alice.intent()).toBe('agent.handoff');
    expect(alice.text()).toMatch(/number 1\*\* in line for General support/);
    expect(alice.text()).toMatch(/Estimated wait: about \d+ min/);
    expect(alice.text()).toMatch(/Your request is ticket \*\*#\d+\*\*\. .* It keeps this conversation/);

    const [waiting] = await kit.desk.queue();
    expect(waiting).toMatchObject({ status: 'pending', position: 1, requester: { name: 'Alice Brand' } });
    expect(waiting!.ticketSubject).toBe('my tracking pixel stopped firing yesterday');
    expect(waiting!.summary).toContain('“my tracking pixel stopped firing yesterday”');
    expect(waiting!.requester.accountName).toMatch(/Acme Outdoor/);

    // Waiting in the queue, messages are kept for the agent and the user hears so, with their place in line.
    await alice.say('it is campaign 48213');
    expect(alice.text()).toMatch(/^Added to your request.*number 1\*\* in line/);

    const claim = await kit.desk.claim(sam, waiting!.handoffId);
    expect(claim.ok).toBe(true);
    expect(await kit.receive(alice)).toMatch(/\*\*Sam Agent\*\* has joined the chat/);
    expect(kit.tickets.log.assignments).toContainEqual({ ticketId: waiting!.ticketId, assigneeId: sam.id });

    await alice.say('are you there?');
    expect(alice.replies).toEqual([]);
    await alice.say('', [
      { name: 'pixel.png', mimeType: 'image/png', size: 2048, content: new Uint8Array(2048) },
    ]);
    expect(alice.replies).toEqual([]);
    await kit.settle();
    const relayed = kit.events
      .filter((e) => e.type === 'user-message')
      .map((e) => (e.type === 'user-message' ? e.entry.text : ''));
    expect(relayed).toEqual(['it is campaign 48213', 'are you there?', '📎 pixel.png (2 kB)']);
    expect(kit.tickets.log.comments).toContainEqual(
      expect.objectContaining({ ticketId: waiting!.ticketId, files: ['pixel.png'], internal: false }),
    );

    const transcript = await kit.desk.transcript(waiting!.handoffId);
    expect(transcript.map((e) => `${e.author}: ${e.text}`)).toEqual(
      expect.arrayContaining([
        'user: my tracking pixel stopped firing yesterday',
        'user: it is campaign 48213',
        'user: are you there?',
      ]),
    );

    const greeting = (await kit.desk.cannedReplies()).find((c) => c.name === 'greeting')!;
    await kit.desk.reply(sam, waiting!.handoffId, greeting.text);
    await kit.desk.note(sam, waiting!.handoffId, 'Looks like the pixel domain changed');
    await kit.desk.setTicketStatus(sam, waiting!.handoffId, 'awaiting_response');
    expect(await kit.receive(alice)).toBe(
      `Hi Alice, I'm Sam Agent from support. I'm looking at ticket ${waiting!.ticketNumber} now.`,
    );
    expect(kit.tickets.log.statuses).toContainEqual({
      ticketId: waiting!.ticketId,
      status: 'awaiting_response',
    });
    const agentSide = kit.events
      .filter((e) => e.type === 'agent-message')
      .map((e) => (e.type === 'agent-message' ? `${e.entry.author}: ${e.entry.text}` : ''));
    expect(agentSide).toContain('note: Looks like the pixel domain changed');

    await kit.desk.close(sam, waiting!.handoffId);
    expect(await kit.receive(alice)).toMatch(
      /Sam Agent\*\* has closed the chat[\s\S]*How was your chat with Sam Agent\?/,
    );
    expect(kit.events.map((e) => e.type)).toEqual(expect.arrayContaining(['queued', 'claimed', 'closed']));

    await alice.click('4');
    expect(alice.text()).toMatch(/Thanks for rating/);
    await alice.say('quick and friendly');
    expect(alice.text()).toMatch(/I've passed that on/);
    const stored = await kit.bot.app.services.db.handoff.findUnique({ where: { id: waiting!.handoffId } });
    expect(stored).toMatchObject({ status: 'resolved', rating: 4, ratingComment: 'quick and friendly' });
    expect(
      kit.tickets.log.comments.some((c) => c.internal && c.body.startsWith('Live chat transcript')),
    ).toBe(true);

    // The bot is back.
    await alice.say('hello');
    expect(alice.text()).toMatch(/(Hi|Hello) Alice/);
  });

  it('files a ticket and offers to notify when no agent is online, then notifies', async () => {
    const alice = kit.bot.chat('alice');
    await alice.say('I need a human');
    expect(alice.text()).toMatch(
      /No agent is available for live chat right now\. I've filed ticket \*\*#\d+\*\*/,
    );
    await alice.click('Notify me');
    expect(alice.text()).toMatch(/I'll message you here as soon as an agent is available/);
    expect(await kit.desk.queue()).toEqual([]);

    // Sam comes online with the chat command.
    const samChat = kit.bot.chat('sam');
    await samChat.say('/helpdesk online');
    expect(samChat.text()).toMatch(/You're now \*\*online\*\*/);
    expect(await kit.receive(alice)).toMatch(/Good news: an agent is available/);
    await alice.click('Talk to a person');
    expect(alice.text()).toMatch(/number 1\*\* in line/);
    expect(alice.text()).toMatch(/Your ticket \*\*#\d+\*\* stays open|Your request is ticket/);
    expect((await kit.desk.queue()).length).toBe(1);
  });

  it('says when the team is back outside business hours', async () => {
    await online('sam', 'riley');
    const hour = new Date().getUTCHours();
    const [open, close, day] = hour <= 20 ? [hour + 2, hour + 3, 'today'] : [1, 2, 'tomorrow'];
    const hh = (n: number) => `${String(n).padStart(2, '0')}:00`;
    const week = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [hh(open), hh(close)]]),
    );
    await kit.bot.app.services.db.team.updateMany({
      data: { timezone: 'UTC', businessHours: JSON.stringify(week) },
    });

    const nora = kit.bot.chat('nora');
    await nora.say('let me talk to an agent');
    expect(nora.text()).toContain(`back ${day} at ${hh(open)} (UTC)`);
    expect(nora.text()).toMatch(/I've filed ticket/);
    expect(nora.actions().map((a) => a.label)).toEqual(['Notify me', 'No thanks']);
    await nora.click('No thanks');
    expect(nora.text()).toMatch(/You can follow ticket \*\*#\d+\*\*/);
  });

  it('moves the queue and tells waiting users their new place', async () => {
    await online('sam');
    const sam = await kit.agent('sam');
    const [alice, bob, nora] = [kit.bot.chat('alice'), kit.bot.chat('bob'), kit.bot.chat('nora')];
    await alice.say('agent please');
    await bob.say('agent please');
    expect(bob.text()).toMatch(/number 2\*\*/);
    await nora.say('agent please');
    expect(nora.text()).toMatch(/number 3\*\*/);
    await kit.receive(bob);
    await kit.receive(nora);

    const queue = await kit.desk.queue();
    expect(queue.map((c) => [c.requester.name, c.position])).toEqual([
      ['Alice Brand', 1],
      ['Bob Brand', 2],
      ['Nora Northpeak', 3],
    ]);
    // An old "talk to a person" button does not queue the user twice.
    await bob.send({ text: '', value: { skill: 'handoff', action: 'start' } });
    expect(bob.text()).toMatch(/already in line \(number 2\)/);
    expect(await kit.desk.queue()).toHaveLength(3);

    await kit.desk.claim(sam, queue[0]!.handoffId);
    expect(await kit.receive(bob)).toMatch(/You're \*\*next\*\* in line/);
    expect(await kit.receive(nora)).toMatch(/You're now \*\*number 2\*\* in line/);
    expect(await kit.receive(alice)).toMatch(/has joined/);

    // Bob leaves the queue: Nora moves up, Bob's chat is abandoned and his ticket stays.
    await bob.say('end chat');
    expect(bob.text()).toMatch(/You've left the queue\. Ticket \*\*#\d+\*\* stays open/);
    expect(await kit.receive(nora)).toMatch(/next\*\* in line/);
    expect((await kit.desk.queue()).map((c) => c.requester.name)).toEqual(['Nora Northpeak']);
    await bob.say('hello');
    expect(bob.text()).toMatch(/(Hi|Hello) Bob/);
  });

  it('lets the user end an assigned chat and rate it', async () => {
    await online('sam');
    const sam = await kit.agent('sam');
    const alice = kit.bot.chat('alice');
    await alice.say('talk to a person');
    const [chat] = await kit.desk.queue();
    await kit.desk.claim(sam, chat!.handoffId);
    await alice.say('End chat!');
    expect(alice.text()).toMatch(/You've left the live chat/);
    expect(alice.actions().map((a) => a.label)).toEqual(['1', '2', '3', '4', '5']);
    await kit.settle();
    expect(kit.events.find((e) => e.type === 'closed')).toMatchObject({ by: 'user' });
    await alice.click('5');
    await alice.click('Skip');
    expect(alice.text()).toMatch(/Thanks!/);
    await expect(kit.desk.reply(sam, chat!.handoffId, 'still there?')).rejects.toThrow(/not assigned to you/);
  });

  it('offers a person after "this didn\'t help" and after two unhelpful answers', async () => {
    await online('riley');
    const pat = kit.bot.chat('pat');
    await pat.say('This didn’t help.');
    expect(pat.text()).toMatch(/Would you like to talk to a person\?/);
    await pat.click('No thanks');
    expect(pat.text()).toMatch(/Type \*\*help\*\*/);

    await pat.say('blorp');
    expect(pat.text()).not.toMatch(/Would you like to talk to a person/);
    await pat.say('zzzt');
    // The menu fallback already puts "Talk to a person" first: no second offer.
    expect(pat.actions()[0]?.label).toBe('Talk to a person');
    await pat.click('Talk to a person');
    expect(pat.text()).toMatch(/number 1\*\* in line/);
  });

  it('transfers to another agent with a note, and to a team', async () => {
    await online('sam', 'riley');
    const [sam, riley] = [await kit.agent('sam'), await kit.agent('riley')];
    const alice = kit.bot.chat('alice');
    await alice.say('I want an agent');
    const [chat] = await kit.desk.queue();
    await kit.desk.claim(sam, chat!.handoffId);
    await kit.desk.transfer(sam, chat!.handoffId, { agentId: riley.id }, 'Tracking question, Riley knows it');
    expect(await kit.receive(alice)).toMatch(/transferring you to \*\*Riley Agent\*\*/);
    await kit.settle();
    expect(kit.events.find((e) => e.type === 'transferred')).toMatchObject({
      note: 'Transferred by Sam Agent to Riley Agent: Tracking question, Riley knows it',
    });
    expect((await kit.desk.chatsOf(riley)).map((c) => c.status)).toEqual(['transferred']);
    expect(await kit.desk.claim(sam, chat!.handoffId)).toEqual({ ok: false, reason: 'taken' });

    // Messages while transferred still reach the chat; until the new agent joins, the user hears so.
    await alice.say('hello?');
    expect(alice.text()).toMatch(/^Added to your request — an agent will see it when they join/);

    expect((await kit.desk.claim(riley, chat!.handoffId)).ok).toBe(true);
    expect(await kit.receive(alice)).toMatch(/Riley Agent\*\* has joined/);
    await kit.desk.transfer(riley, chat!.handoffId, { teamId: 'team_finance' }, '');
    expect(await kit.receive(alice)).toMatch(/transferring you to our Payments and finance team/);
    const moved = await kit.desk.chat(chat!.handoffId);
    expect(moved).toMatchObject({ status: 'transferred', teamId: 'team_finance', agentId: null });
    expect((await kit.desk.claim(sam, chat!.handoffId)).ok).toBe(true);
  });

  it('lets exactly one of two agents claim a chat, and respects capacity', async () => {
    await online('sam', 'riley');
    const [sam, riley] = [await kit.agent('sam'), await kit.agent('riley')];
    await kit.bot.chat('alice').say('agent');
    await kit.bot.chat('bob').say('agent');
    const [first, second] = await kit.desk.queue();
    const results = await Promise.all([
      kit.desk.claim(sam, first!.handoffId),
      kit.desk.claim(riley, first!.handoffId),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'taken' });

    await kit.bot.app.services.db.agentProfile.updateMany({ data: { maxChats: 1 } });
    const winner = results[0]!.ok ? sam : riley;
    expect(await kit.desk.claim(winner, second!.handoffId)).toEqual({ ok: false, reason: 'at-capacity' });
    const requester = await kit.agent('alice');
    expect(await kit.desk.claim(requester, second!.handoffId)).toEqual({ ok: false, reason: 'not-an-agent' });
    await expect(kit.desk.setAvailability(requester, 'online')).rejects.toThrow(/Only support agents/);
  });

  it('only lets agents set an availability by command', async () => {
    const alice = kit.bot.chat('alice');
    await alice.say('/helpdesk online');
    expect(alice.text()).toMatch(/Only support agents/);
    const riley = kit.bot.chat('riley');
    await riley.say('/helpdesk away');
    expect(riley.text()).toMatch(/You're now \*\*away\*\*/);
    expect((await kit.desk.me(await kit.agent('riley')))?.availability).toBe('away');
  });
});
