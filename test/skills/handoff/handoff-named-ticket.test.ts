import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../../src/domain/user.js';
import { ensureTicketNumbering } from '../../../src/store/ticket-numbering.js';
import { testProviders } from '../../support/test-database.js';
import { type HandoffKit, startHandoffKit } from './handoff-kit.js';

describe.each(testProviders())('asking for a person about a ticket on %s', (provider) => {
  let kit: HandoffKit;
  beforeAll(async () => {
    kit = await startHandoffKit(provider);
    // Ticket numbers as in production (from 1000), as users type them.
    await ensureTicketNumbering(kit.bot.app.services.db, provider);
  });
  afterAll(() => kit.close());
  beforeEach(async () => {
    await kit.reset();
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
  });

  const fileTicket = async (requester: UserProfile, subject: string) =>
    kit.tickets.create({
      requester,
      subject,
      issueType: 'other',
      description: subject,
      channel: 'web',
      idempotencyKey: `test:${subject}`,
    });
  const ticketsOf = async (userId: string) =>
    kit.bot.app.services.db.ticket.count({ where: { creatorId: userId } });

  it('links the chat to the ticket the user names', async () => {
    const alice = await kit.agent('alice');
    const payouts = await fileTicket(alice, 'Payouts missing for March');
    const before = await ticketsOf(alice.id);

    const chat = kit.bot.chat('alice');
    await chat.say(`can I talk to a person about ticket ${payouts.id}`);
    expect(chat.text()).toMatch(/in line/);
    expect(chat.text()).not.toMatch(/I've filed ticket/);

    const [waiting] = await kit.desk.queue();
    expect(waiting!.ticketId).toBe(payouts.id);
    expect(await ticketsOf(alice.id)).toBe(before);
  });

  it("files a new ticket when the named one is someone else's private ticket", async () => {
    const bob = await kit.agent('bob');
    const private_ = await fileTicket(bob, 'Bob private billing question');

    const chat = kit.bot.chat('alice');
    await chat.say(`let me talk to a person about #${private_.id}`);
    expect(chat.text()).toMatch(/Your request is ticket \*\*#\d+\*\*/);
    const [waiting] = await kit.desk.queue();
    expect(waiting!.ticketId).not.toBe(private_.id);
    expect(waiting!.ticketNumber).not.toContain(String(private_.id));
  });
});
