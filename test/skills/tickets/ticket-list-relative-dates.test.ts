import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../../src/domain/user.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import { ticketFilterSchema } from '../../../src/skills/tickets/ticket-list-filter.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { listedSubjects, listTitle, startTicketBot, type TicketBot, testClock } from './ticket-test-bot.js';

const DAY = 24 * 3_600_000;

describe.each(testProviders())('ticket lists narrowed by relative dates on %s', (provider) => {
  let bot: TicketBot;
  let desk: TicketDesk;
  // Thursday 20 March 2025; the questions are asked on Thursday 10 April.
  const clock = testClock('2025-03-20T09:00:00Z');
  let nora: Chat;
  let noraProfile: UserProfile;
  const ids = new Map<string, number>();

  async function file(subject: string): Promise<void> {
    const ticket = await desk.create({
      requester: noraProfile,
      subject,
      issueType: 'other',
      description: `${subject}: details for support.`,
      campaignId: null,
      shared: false,
      ccEmails: [],
      channel: 'web',
      conversationId: null,
      idempotencyKey: `${provider}-${subject}`,
    });
    ids.set(subject, ticket.id);
  }

  beforeAll(async () => {
    bot = await startTicketBot(provider, { clock: clock.now });
    desk = bot.app.services.shared.tickets as TicketDesk;
    nora = bot.chat('nora');
    await nora.say('hello');
    noraProfile = nora.last!.user;
    await file('March pixel problem'); // Thu 20 March
    clock.advance(15 * DAY);
    await file('Early April login trouble'); // Fri 4 April
    clock.advance(3 * DAY);
    await file('Monday payout question'); // Mon 7 April
    clock.advance(2 * DAY);
    await file('Wednesday feed import'); // Wed 9 April
    await desk.setStatus(noraProfile, ids.get('Early April login trouble')!, 'closed');
    clock.advance(DAY); // Thu 10 April 09:00
  });
  afterAll(() => bot.close());

  it('"tickets created 3 days ago" lists the tickets of that calendar day', async () => {
    await nora.say('tickets created 3 days ago');
    expect(listTitle(nora)).toBe('Tickets you can see (created 3 days ago): 1 of 1');
    expect(listedSubjects(nora)).toEqual(['Monday payout question']);
  });

  it('"tickets created last friday" lists that Friday\'s ticket, closed too (a named period shows every status)', async () => {
    await nora.say('tickets created last friday');
    expect(listTitle(nora)).toBe('Tickets you can see (created last Friday): 1 of 1');
    expect(listedSubjects(nora)).toEqual(['Early April login trouble']);
  });

  it('"tickets created before april" lists only the tickets filed before April, and says so', async () => {
    await nora.say('tickets created before april');
    expect(listTitle(nora)).toBe('Tickets you can see (created before April 2025): 1 of 1');
    expect(listedSubjects(nora)).toEqual(['March pixel problem']);
  });

  it('"tickets until last week" ends where last week starts (Monday 31 March)', async () => {
    await nora.say('tickets until last week');
    expect(listTitle(nora)).toBe('Tickets you can see (created before last week): 1 of 1');
    expect(listedSubjects(nora)).toEqual(['March pixel problem']);
  });

  it('"tickets updated before yesterday" narrows the last activity (the ticket closed yesterday is out)', async () => {
    // The closed ticket's last activity is its closing, on Wednesday 9 April (yesterday).
    await nora.say('tickets updated before yesterday');
    expect(listTitle(nora)).toBe('Tickets you can see (updated before yesterday): 2 of 2');
    expect(listedSubjects(nora)).toEqual(['Monday payout question', 'March pixel problem']);
  });

  it('"tickets since March" still runs on to now', async () => {
    await nora.say('tickets since March');
    expect(listTitle(nora)).toBe('Tickets you can see (created since March 2025): 4 of 4');
  });

  it('a list button whose filter has only an end (or, as older buttons, a start) still lists that period', async () => {
    const list = (createdAt: Record<string, string>) =>
      nora.send({
        text: '',
        value: { skill: 'tickets', action: 'list', filter: { createdBy: 'anyone', createdAt } },
      });
    await list({ to: '2025-04-01T00:00:00.000Z', label: 'before April 2025' });
    expect(listTitle(nora)).toBe('Tickets you can see (created before April 2025): 1 of 1');
    expect(listedSubjects(nora)).toEqual(['March pixel problem']);
    await list({ from: '2025-04-07T00:00:00.000Z', label: 'since Monday' });
    expect(listTitle(nora)).toBe('Tickets you can see (created since Monday): 2 of 2');
    expect(listedSubjects(nora)).toEqual(['Wednesday feed import', 'Monday payout question']);
  });
});

describe('a list filter coming back from a button', () => {
  const parse = (createdAt: unknown) => ticketFilterSchema.safeParse({ createdBy: 'anyone', createdAt });

  it('parses a period with only an end, only a start, or both', () => {
    for (const range of [
      { to: '2025-04-01T00:00:00.000Z', label: 'before April 2025' },
      { from: '2025-03-01T00:00:00.000Z', label: 'since March 2025' },
      { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z', label: 'in March 2025' },
    ]) {
      expect(parse(range)).toEqual({ success: true, data: { createdBy: 'anyone', createdAt: range } });
    }
  });

  it('refuses a period with neither end, or an end that is no instant', () => {
    expect(parse({ label: 'whenever' }).success).toBe(false);
    expect(parse({ to: 'april', label: 'before April' }).success).toBe(false);
  });
});
