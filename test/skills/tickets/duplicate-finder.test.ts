import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, findDuplicate } from '../../../src/skills/tickets/duplicate-finder.js';
import { similarity, textProfile } from '../../../src/skills/tickets/text-similarity.js';
import type { TicketRecord } from '../../../src/store/ticket-record.js';

const score = (a: string, b: string) => similarity(textProfile(a), textProfile(b));

/** Rewordings of one problem, as two users (or one user twice) would write them. */
const SAME: ReadonlyArray<[string, string]> = [
  [
    'The tracking pixel stopped firing on campaign 48213\nSince Monday no conversions are recorded',
    'Pixel not firing for campaign 48213 since monday, conversions missing',
  ],
  [
    'Postback URL returns 404 for campaign 7001\nOur server-to-server postback gets a 404 from your endpoint since yesterday.',
    'postback returns 404 on campaign 7001\nThe server to server postback still answers 404 since yesterday evening.',
  ],
  [
    'Payout for May never arrived\nMy payout for May has not reached my bank account',
    'May payout missing from bank account',
  ],
  [
    'Cannot log in with SSO\nSAML login loops back to the sign in page',
    'SSO login keeps looping to sign-in page',
  ],
];

/** Different problems, several from the same area. */
const DIFFERENT: ReadonlyArray<[string, string]> = [
  ['The tracking pixel stopped firing on campaign 48213', 'Payout for May never arrived'],
  ['Postback URL returns 404 for campaign 7001', 'Deep links open the home page instead of the product'],
  [
    'Commission report totals look wrong\nThe March invoice total differs from the commission report',
    'Conversions missing in the daily report\nThe report shows fewer conversions than our system',
  ],
  [
    'Partner applications page shows an error\n500 error on Partners > Applications',
    'Partner payouts on hold\nThree partners report their payouts on hold',
  ],
  [
    'Tracking pixel not firing on checkout\nThe pixel on the thank-you page does not fire',
    'Postback not firing for app installs\nserver postback never called for installs',
  ],
];

function ticket(
  id: number,
  subject: string,
  description: string,
  campaignId: string | null = null,
): TicketRecord {
  const at = new Date('2025-06-01T00:00:00Z');
  return {
    id,
    accountId: 'a',
    creatorId: 'u',
    subject,
    issueType: 'other',
    description,
    campaignSpecific: campaignId !== null,
    campaignId,
    shared: false,
    ccEmails: [],
    status: 'open',
    assigneeId: null,
    channel: 'web',
    conversationId: null,
    createdAt: at,
    lastActivityAt: at,
    closedAt: null,
  };
}

describe('duplicate check', () => {
  it.each(SAME)('rewordings of one problem score above the threshold: %s', (a, b) => {
    expect(score(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it.each(DIFFERENT)('different problems score below it: %s', (a, b) => {
    expect(score(a, b)).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it('offers the most similar open ticket, never one about another campaign', () => {
    const candidates = [
      ticket(1001, 'Payout for May never arrived', 'Bank says nothing came in'),
      ticket(1002, 'Pixel stopped firing', 'No conversions since Monday on the thank-you page', '48213'),
      ticket(1003, 'Pixel stopped firing', 'No conversions since Monday on the thank-you page', '99999'),
    ];
    expect(findDuplicate('pixel stopped firing since monday', '48213', candidates)?.id).toBe(1002);
    expect(findDuplicate('pixel stopped firing since monday', '11111', candidates)).toBeNull();
    expect(findDuplicate('login page is blank', null, candidates)).toBeNull();
  });
});
