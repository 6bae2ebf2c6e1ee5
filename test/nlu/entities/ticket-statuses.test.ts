import { describe, expect, it } from 'vitest';
import {
  extractNegatedStatuses,
  extractStatuses,
  withoutNegatedStatuses,
} from '../../../src/nlu/entities/ticket-statuses.js';

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

describe('extractNegatedStatuses', () => {
  it.each([
    ['show my tickets that are not closed', ['closed']],
    ["show my tickets that aren't closed", ['closed']],
    ['tickets that aren’t closed', ['closed']],
    ['my tickets not yet resolved', ['closed']],
    ['which of my tickets are still not solved?', ['closed']],
    ['tickets that have not been solved', ['closed']],
    ['open tickets not in progress', ['in_progress']],
    ["tickets that aren't open", ['open']],
  ])('finds %j', (text, expected) => {
    expect(extractNegatedStatuses(text)).toEqual(expected);
  });

  it.each([
    ['closed tickets'],
    ['not sure, show closed tickets'],
    ['tickets I did not open'],
    ["I can't open my tickets"],
    ["partners don't open the closed ones"],
    [''],
  ])('finds none in %j', (text) => {
    expect(extractNegatedStatuses(text)).toEqual([]);
  });

  it('leaves the statuses that are named without "not"', () => {
    expect(extractStatuses(withoutNegatedStatuses('open tickets not in progress'))).toEqual(['open']);
    expect(extractStatuses(withoutNegatedStatuses("tickets that aren't closed"))).toEqual([]);
  });
});
