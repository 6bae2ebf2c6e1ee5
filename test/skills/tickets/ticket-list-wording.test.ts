import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { type Chat, startTestBot, type TestBot } from '../../support/conversation.js';
import { listedSubjects } from './ticket-test-bot.js';

/**
 * List requests in everyday wording, routed by the trained intent engine: a status named with
 * "not" is every status but that one, and apostrophes inside words ("haven't", "it's") are no
 * quotes around a search phrase. Parsing only: SQLite is enough (both databases list in the
 * other list transcripts).
 */
describe('ticket lists asked in everyday wording', () => {
  let bot: TestBot;
  let alice: Chat;

  beforeAll(async () => {
    bot = await startTestBot('sqlite', { modules: [ticketsModule] });
    alice = bot.chat('alice');
    await alice.say('hello');
    const desk = bot.app.services.shared.tickets as TicketDesk;
    const file = (subject: string) =>
      desk.create({
        requester: alice.last!.user,
        subject,
        issueType: 'other',
        description: `${subject}: details for support.`,
        shared: false,
        ccEmails: [],
        channel: 'web',
        conversationId: null,
        idempotencyKey: subject,
      });
    await file('Pixel stopped firing');
    const done = await file('Old invoice question');
    await bot.chat('sam').say(`close #${done.id}`);
  });
  afterAll(() => bot.close());

  for (const asked of [
    'show my tickets that are not closed',
    "show my tickets that aren't closed",
    'my tickets not yet resolved',
    'which of my tickets are still not solved?',
  ]) {
    it(`"${asked}": the open ticket, not the closed one`, async () => {
      await alice.say(asked);
      expect(alice.intent()).toBe('ticket.list');
      expect(listedSubjects(alice)).toEqual(['Pixel stopped firing']);
    });
  }

  for (const asked of [
    "list my tickets that haven't been answered yet, it's urgent",
    "what's open in my tickets? I can't find them",
  ]) {
    it(`"${asked}": no search for the words between two apostrophes`, async () => {
      await alice.say(asked);
      expect(alice.intent()).toBe('ticket.list');
      expect(alice.text()).not.toContain('matching');
      expect(listedSubjects(alice)).toEqual(['Pixel stopped firing']);
    });
  }

  it('"aren\'t open": the closed ticket only', async () => {
    await alice.say("which of my tickets aren't open?");
    expect(alice.intent()).toBe('ticket.list');
    expect(listedSubjects(alice)).toEqual(['Old invoice question']);
  });

  it('"you\'re" is no "re" (about): no search for the words after it', async () => {
    await alice.say("list the tickets you're working on for me");
    expect(alice.intent()).toBe('ticket.list');
    expect(alice.text()).not.toContain('matching');
    expect(listedSubjects(alice)).toEqual(['Pixel stopped firing']);
  });

  it('words in single quotes are still a search phrase', async () => {
    await alice.say("show all my tickets about 'invoice question'");
    expect(alice.intent()).toBe('ticket.list');
    expect(listedSubjects(alice)).toEqual(['Old invoice question']);
  });
});
