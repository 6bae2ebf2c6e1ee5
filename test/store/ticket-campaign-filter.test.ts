import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../src/domain/user.js';
import { createTicketCommentRepository } from '../../src/store/ticket-comment-repository.js';
import { ensureTicketNumbering } from '../../src/store/ticket-numbering.js';
import {
  createTicketQueryRepository,
  type TicketCursor,
  type TicketFilter,
} from '../../src/store/ticket-query-repository.js';
import { createTicketRepository } from '../../src/store/ticket-repository.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

const person = (id: string, accountId: string, role: UserProfile['role'] = 'requester'): UserProfile => ({
  id,
  displayName: id,
  email: null,
  role,
  kind: 'brand',
  accountId,
});
const ann = person('ann', 'acc_a');
const cat = person('cat', 'acc_b');
const agent = person('agent', 'acc_support', 'agent');
const day = (n: number) => new Date(Date.UTC(2025, 4, n, 12));

describe.each(testProviders())('tickets of a campaign on %s', (provider) => {
  let database: TestDatabase;
  const subjects = new Map<number, string>();

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    for (const id of ['acc_a', 'acc_b']) {
      await database.prisma.account.create({ data: { id, name: id, kind: 'brand' } });
    }
    await ensureTicketNumbering(database.prisma, provider);
    const tickets = createTicketRepository(database.prisma);
    let n = 0;
    const filed = async (
      who: UserProfile,
      subject: string,
      description: string,
      campaignId: string | null = null,
    ) => {
      const { ticket } = await tickets.create(
        {
          accountId: who.accountId,
          creatorId: who.id,
          subject,
          issueType: 'other',
          description,
          campaignId,
          shared: false,
          ccEmails: [],
          channel: 'web',
          conversationId: null,
          idempotencyKey: subject,
          attachments: [],
          draftAttachmentIds: [],
        },
        day(++n),
      );
      subjects.set(ticket.id, subject);
      return ticket.id;
    };
    await filed(ann, 'Spring promotion numbers low', 'conversions look low', '4821');
    await filed(ann, 'Clicks missing on campaign 4821', 'since Monday');
    await filed(ann, 'Campaign 148213 clicks missing', 'clicks missing on campaign 148213', '148213');
    await filed(ann, 'Payout of 4821 dollars wrong', 'invoice 4821 is wrong');
    await filed(ann, 'Pixel question', 'cid=4821, the pixel is not firing');
    await filed(ann, 'Campaign 48210 paused', 'paused by itself');
    await filed(ann, 'Two campaigns dropped', 'Campaigns 3300 and #4821 both dropped');
    const later = await filed(ann, 'Reporting delay', 'reports arrive a day late');
    await filed(cat, 'Campaign 4821 at cat', 'another account');
    await createTicketCommentRepository(database.prisma).addComment({
      ticketId: later,
      authorId: ann.id,
      body: 'It is campaign 4821 again',
      internal: false,
      attachments: [],
      readerId: ann.id,
      now: day(20),
    });
  });
  afterAll(() => database.drop());

  async function listAll(viewer: UserProfile, filter: TicketFilter, limit: number): Promise<string[]> {
    const queries = createTicketQueryRepository(database.prisma);
    const seen: string[] = [];
    let after: TicketCursor | undefined;
    for (;;) {
      const page = await queries.list(viewer, filter, { limit, ...(after ? { after } : {}) });
      seen.push(...page.items.map((t) => subjects.get(t.id) ?? `#${t.id}`));
      if (!page.next) return seen;
      after = page.next;
    }
  }

  const campaign4821 = [
    'Reporting delay',
    'Two campaigns dropped',
    'Pixel question',
    'Clicks missing on campaign 4821',
    'Spring promotion numbers low',
  ];

  it('"campaign 4821": its campaign ID or the text naming it, never 148213, 48210 or "invoice 4821"', async () => {
    const filter: TicketFilter = { createdBy: 'anyone', campaignIds: ['4821'] };
    expect(await listAll(ann, filter, 10)).toEqual(campaign4821);
    expect(await listAll(ann, filter, 2)).toEqual(campaign4821);
    const queries = createTicketQueryRepository(database.prisma);
    expect(await queries.count(ann, filter)).toBe(5);
    const first = await queries.list(ann, filter, { limit: 2 });
    expect(first.remaining).toBe(5);
    expect(first.remainingCapped).toBe(false);
    expect(await listAll(cat, filter, 10)).toEqual(['Campaign 4821 at cat']);
    // Newest ticket first: "Reporting delay" is not moved up by its later comment.
    expect(await listAll(agent, filter, 3)).toEqual(['Campaign 4821 at cat', ...campaign4821]);
  });

  it('several campaigns, and other filters still narrow', async () => {
    expect(await listAll(ann, { createdBy: 'anyone', campaignIds: ['148213', '3300'] }, 1)).toEqual([
      'Two campaigns dropped',
      'Campaign 148213 clicks missing',
    ]);
    expect(
      await listAll(ann, { createdBy: 'anyone', campaignIds: ['4821'], keywords: ['pixel'] }, 1),
    ).toEqual(['Pixel question']);
    expect(await listAll(ann, { createdBy: 'anyone', campaignIds: ['482'] }, 5)).toEqual([]);
  });
});
