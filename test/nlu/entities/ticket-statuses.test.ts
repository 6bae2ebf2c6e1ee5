import { describe, expect, it } from 'vitest';
import { extractStatuses } from '../../../src/nlu/entities/ticket-statuses.js';

describe('extractStatuses', () => {
  it.each([
    ['show my open tickets', ['open']],
    ['which are still open?', ['open']],
    ['pending tickets', ['open']],
    ['tickets in progress', ['in_progress']],
    ['tickets being worked on', ['in_progress']],
    ['tickets awaiting my response', ['awaiting_response']],
    ['which tickets are waiting on me', ['awaiting_response']],
    ['tickets that need my reply', ['awaiting_response']],
    ['tickets with a solution offered', ['solution_offered']],
    ['where support proposed a fix', ['solution_offered']],
    ['closed tickets from last week', ['closed']],
    ['resolved ones', ['closed']],
    ['open or closed, all of them', ['closed', 'open']],
  ])('finds %j', (text, expected) => {
    expect(extractStatuses(text)).toEqual(expected);
  });

  it.each([
    ['how do I open a ticket'],
    ['please open one for me'],
    ['can you open a new case'],
    ['open ticket for me'],
    ['close 1042'],
    ['I want to reopen it'],
    ['just some words'],
    // Told in a note or a reply, waiting for the customer is no status to set.
    ['we are still waiting for the client to confirm'],
    ['waiting on the customer for the feed url'],
    ['partners cant open attachments since the update'],
    ['can partners open another link'],
    [''],
  ])('finds none in %j', (text) => {
    expect(extractStatuses(text)).toEqual([]);
  });
});
