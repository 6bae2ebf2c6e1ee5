import { describe, expect, it } from 'vitest';
import {
  extractTicketNumbers,
  extractUnknownTicketNumbers,
  isTicketId,
} from '../../../src/nlu/entities/ticket-numbers.js';

describe('extractTicketNumbers', () => {
  it.each([
    ['#1042', [1042]],
    ['status of 1042?', [1042]],
    ['ticket 1042', [1042]],
    ['Ticket no. 1042 please', [1042]],
    ['ticket number: 1042', [1042]],
    ['T-1042', [1042]],
    ['HD-1042 and hd1043', [1042, 1043]],
    ['tickets 1042, 1043 and 1044', [1042, 1043, 1044]],
    ['close 1042.', [1042]],
    ['case #77 and ticket 88', [77, 88]],
    ['update on #1042, see also #1042', [1042]],
  ])('finds %j', (text, expected) => {
    expect(extractTicketNumbers(text)).toEqual(expected);
  });

  it.each([
    ['campaign 48213 is broken'],
    ['campaign id 48213'],
    ['cid=48213'],
    ['partner 40213 joined'],
    ['since 2026-10-01'],
    ['tickets from March 2025'],
    ['show my tickets from may 3 to may 10 2025'],
    ['since May 3rd, 2025'],
    ['created 3 may 2025'],
    ['between the 3rd of May 2025 and now'],
    ['in 2024 we had more'],
    ['we paid $1500 for 3000 clicks'],
    ['20% more, 12.50 EUR'],
    ['last 7 days'],
    ['call me at 10:30'],
    ['see https://example.com/tickets/1042'],
    ['mail ops1042@example.com'],
    ['just words here'],
    [''],
  ])('finds none in %j', (text) => {
    expect(extractTicketNumbers(text)).toEqual([]);
  });

  it('keeps campaign and ticket apart in one message', () => {
    expect(extractTicketNumbers('campaign 48213 is the one from ticket #1042')).toEqual([1042]);
  });
});

describe('extractUnknownTicketNumbers', () => {
  it.each([
    ['status of #0', ['0']],
    ['close ticket 5', ['5']],
    ['reply to #0: please ignore', ['0']],
    ['case no. 7, please', ['7']],
    ['status of ticket 99999999999999999999', ['99999999999999999999']],
    ['status of ticket 1234567890', ['1234567890']],
    ['status of ticket -5', ['-5']],
    ['status of ticket 1e3', ['1e3']],
  ])('finds %j, a ticket number that cannot be one', (text, expected) => {
    expect(extractUnknownTicketNumbers(text)).toEqual(expected);
  });

  it.each([
    ['status of ticket 1042'],
    ['#1042 and case 77'],
    ['I filed a ticket 3 days ago'],
    ['a ticket 2 weeks old'],
    ['campaign 5 in ticket 1042'],
    ['the 2nd ticket'],
    ['see https://example.com/ticket/5'],
    ['it&#39;s broken'],
    ['my open tickets'],
    [''],
  ])('finds none in %j', (text) => {
    expect(extractUnknownTicketNumbers(text)).toEqual([]);
  });
});

describe('isTicketId', () => {
  it.each([1, 1042, 2_147_483_647])('takes %d', (id) => {
    expect(isTicketId(id)).toBe(true);
  });

  // PostgreSQL's integer column ends at 2147483647; SQLite and Prisma fail on 1e20.
  it.each([0, -5, 1.5, 2_147_483_648, 1e20, Number.NaN, Number.POSITIVE_INFINITY, '1042', null])(
    'refuses %j',
    (id) => {
      expect(isTicketId(id)).toBe(false);
    },
  );
});
