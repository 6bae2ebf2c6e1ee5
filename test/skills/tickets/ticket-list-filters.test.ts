import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../../src/domain/user.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import {
  addRequester,
  listedSubjects,
  listTitle,
  startTicketBot,
  type TicketBot,
  testClock,
} from './ticket-test-bot.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(testProviders())(
  'ticket lists narrowed by period, issue type and campaign on %s',
  (provider) => {
    let bot: TicketBot;
    let desk: TicketDesk;
    const clock = testClock('2025-04-10T09:00:00Z');
    let nora: Chat;
    let nick: Chat;
    let alice: Chat;
    let noraProfile: UserProfile;
    let nickProfile: UserProfile;
    const ids = new Map<string, number>();

    async function file(
      who: UserProfile,
      subject: string,
      options: { shared?: boolean; issueType?: string; campaignId?: string } = {},
    ): Promise<void> {
      const ticket = await desk.create({
        requester: who,
        subject,
        issueType: options.issueType ?? 'other',
        description: `${subject}: details for support.`,
        campaignId: options.campaignId ?? null,
        shared: options.shared ?? false,
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
      await addRequester(bot, 'nick', 'acc_northpeak', 'nick@northpeak.example');
      nora = bot.chat('nora');
      nick = bot.chat('nick');
      alice = bot.chat('alice');
      await nora.say('hello');
      await nick.say('hello');
      await alice.say('hello');
      noraProfile = nora.last!.user;
      nickProfile = nick.last!.user;
      // Nora lives in New York: her "last month" starts and ends at New York midnight.
      await bot.app.services.db.user.update({
        where: { id: noraProfile.id },
        data: { timezone: 'America/New_York' },
      });

      await file(noraProfile, 'April pixel problem'); // 10 April
      clock.advance(20 * DAY + 17 * HOUR); // 1 May 02:00 UTC, still 30 April in New York
      await file(noraProfile, 'Late April banner question');
      clock.advance(14 * DAY); // 15 May
      await file(noraProfile, 'May payout question', { issueType: 'payments_finance' });
      await file(noraProfile, 'Conversions missing on the spring promotion', { campaignId: '48213' });
      await file(noraProfile, 'Clicks for campaign 48213 look low');
      await file(noraProfile, 'Campaign 77120 clicks not tracked', { campaignId: '77120' });
      await file(noraProfile, 'May feed import');
      await file(nickProfile, 'Shared login trouble', { shared: true, issueType: 'login' });
      await file(nickProfile, 'Nick private login question', { issueType: 'login' });
      clock.advance(20 * DAY - 17 * HOUR); // 4 June 09:00 UTC
      await file(noraProfile, 'June login issue', { issueType: 'login' });
      await desk.addComment(noraProfile, ids.get('April pixel problem')!, 'Any news on this?');
    });
    afterAll(() => bot.close());

    it('"tickets created last month": only tickets created in May of the user\'s time zone, every status, paged with More', async () => {
      await nora.say('tickets created last month');
      expect(listTitle(nora)).toBe('Tickets you can see (created last month): 5 of 6');
      const firstPage = listedSubjects(nora);
      await nora.click('More');
      expect(listTitle(nora)).toBe('Tickets you can see (created last month): 6 of 6');
      expect([...firstPage, ...listedSubjects(nora)].sort()).toEqual([
        'Campaign 77120 clicks not tracked',
        'Clicks for campaign 48213 look low',
        'Conversions missing on the spring promotion',
        'May feed import',
        'May payout question',
        'Shared login trouble',
      ]);

      await nora.say('my tickets created last month');
      expect(listTitle(nora)).toBe('Your tickets (created last month): 5 of 5');
      expect(listedSubjects(nora)).not.toContain('Shared login trouble');
    });

    it('"open tickets for login issues": Login tickets only, a colleague\'s private one never', async () => {
      await nora.say('open tickets for login issues');
      expect(listTitle(nora)).toBe('Tickets you can see (open, Login): 2 of 2');
      expect(listedSubjects(nora)).toEqual(['June login issue', 'Shared login trouble']);
    });

    it('"find tickets mentioning campaign 48213": the campaign\'s tickets (by campaign ID or text), not every campaign', async () => {
      await nora.say('find tickets mentioning campaign 48213');
      expect(listTitle(nora)).toBe('Tickets you can see (open, campaign 48213): 2 of 2');
      expect(listedSubjects(nora).sort()).toEqual([
        'Clicks for campaign 48213 look low',
        'Conversions missing on the spring promotion',
      ]);
    });

    it('"show me all open tickets" is every visible ticket, not only the user\'s own', async () => {
      await nora.say('show me all open tickets');
      expect(listTitle(nora)).toBe('Tickets you can see (open): 5 of 9');
      const firstPage = listedSubjects(nora);
      await nora.click('More');
      expect(listTitle(nora)).toBe('Tickets you can see (open): 9 of 9');
      expect([...firstPage, ...listedSubjects(nora)]).toContain('Shared login trouble');
      expect([...firstPage, ...listedSubjects(nora)]).not.toContain('Nick private login question');
      await nora.say('show me my open tickets');
      expect(listTitle(nora)).toBe('Your tickets (open): 5 of 8');
      await nora.say('tickets created by me this month');
      expect(listTitle(nora)).toBe('Your tickets (created this month): 1 of 1');
    });

    it('"which tickets were updated today": activity today, not the unread filter', async () => {
      await nora.say('which tickets were updated today');
      expect(listTitle(nora)).toBe('Tickets you can see (updated today): 2 of 2');
      expect(listedSubjects(nora)).toEqual(['June login issue', 'April pixel problem']);
    });

    it('"status of my tickets from april 5 to april 20", read as a status question, lists the tickets of that period', async () => {
      await nora.say('status of my tickets from april 5 to april 20');
      expect(nora.text()).not.toContain('Which one?');
      expect(listTitle(nora)).toMatch(/^Your tickets \(created .+\): 1 of 1$/);
      expect(listedSubjects(nora)).toEqual(['April pixel problem']);
      // One ticket asked about, no period: its status as before.
      await nora.say(`status of ${ids.get('June login issue')}`);
      expect(nora.text()).toContain('· June login issue');
    });

    it('periods never widen what a user may see', async () => {
      await nick.say('tickets created last month');
      expect(listedSubjects(nick).sort()).toEqual(['Nick private login question', 'Shared login trouble']);
      await alice.say('tickets created last month');
      expect(listedSubjects(alice)).toEqual([]);
      await alice.say('find tickets mentioning campaign 48213');
      expect(listedSubjects(alice)).toEqual([]);
    });

    it('"show open and closed tickets" lists both, and two statuses named together keep both', async () => {
      await desk.setStatus(noraProfile, ids.get('May feed import')!, 'closed');
      await nora.say('show my closed tickets');
      expect(listTitle(nora)).toBe('Your tickets (status Closed): 1 of 1');
      await nora.say('show open and closed tickets');
      expect(listTitle(nora)).toBe('Tickets you can see (open or Closed): 5 of 9');
      await nora.say('my pending and closed tickets');
      expect(listTitle(nora)).toBe('Your tickets (open or Closed): 5 of 8');
      await bot.chat('sam').say(`${ids.get('June login issue')} in progress`);
      await nora.say('show in progress and closed tickets');
      expect(listTitle(nora)).toBe('Tickets you can see (status In Progress or Closed): 2 of 2');
      expect(listedSubjects(nora).sort()).toEqual(['June login issue', 'May feed import']);
    });
  },
);
