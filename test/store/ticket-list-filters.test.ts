import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../src/domain/user.js';
import { createTicketCommentRepository } from '../../src/store/ticket-comment-repository.js';
import { ensureTicketNumbering } from '../../src/store/ticket-numbering.js';
import {
  createTicketQueryRepository,
  type TicketCursor,
  type TicketFilter,
} from '../../src/store/ticket-query-repository.js';
import { createTicketRepository, type NewTicketData } from '../../src/store/ticket-repository.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

const on = (day: number, hour = 12) => new Date(Date.UTC(2025, 4, day, hour));
const person = (id: string, accountId: string, role: UserProfile['role'] = 'requester'): UserProfile => ({
  id,
  displayName: id,
  email: null,
  role,
  kind: 'brand',
  accountId,
});
const ann = person('ann', 'acc_a');
const ben = person('ben', 'acc_a');
const cat = person('cat', 'acc_b');
const agent = person('agent', 'acc_support', 'agent');

function draft(creator: UserProfile, subject: string, extra: Partial<NewTicketData> = {}): NewTicketData {
  return {
    accountId: creator.accountId,
    creatorId: creator.id,
    subject,
    issueType: 'other',
    description: `About ${subject}`,
    campaignId: null,
    shared: false,
    ccEmails: [],
    channel: 'web',
    conversationId: null,
    idempotencyKey: subject,
    attachments: [],
    draftAttachmentIds: [],
    ...extra,
  };
}

describe.each(testProviders())('ticket list filters on %s', (provider) => {
  let database: TestDatabase;
  const subjects = new Map<number, string>();

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    for (const id of ['acc_a', 'acc_b']) {
      await database.prisma.account.create({ data: { id, name: id, kind: 'brand' } });
    }
    await ensureTicketNumbering(database.prisma, provider);
    const tickets = createTicketRepository(database.prisma);
    const comments = createTicketCommentRepository(database.prisma);
    const filed = async (
      creator: UserProfile,
      subject: string,
      at: Date,
      extra: Partial<NewTicketData> = {},
    ) => {
      const { ticket } = await tickets.create(draft(creator, subject, extra), at);
      subjects.set(ticket.id, subject);
      return ticket.id;
    };
    await filed(ann, 'ann april', new Date(Date.UTC(2025, 3, 30, 23, 59)));
    await filed(ann, 'ann may 1 login', on(1, 0), { issueType: 'login' });
    for (let day = 2; day <= 8; day++) await filed(ann, `ann may ${day}`, on(day));
    await filed(ann, 'ann may 9 payout', on(9), { issueType: 'payments_finance' });
    await filed(ann, 'ann spring promotion', on(10), { campaignId: '48213' });
    await filed(ann, 'ann clicks of campaign 48213', on(11));
    await filed(ann, 'ann campaign 77120', on(12), { campaignId: '77120' });
    await filed(ben, 'ben private login', on(13), { issueType: 'login' });
    await filed(ben, 'ben shared login', on(14), { issueType: 'login', shared: true });
    await filed(cat, 'cat campaign', on(15), { campaignId: '48213', issueType: 'login' });
    await filed(ann, 'ann june', new Date(Date.UTC(2025, 5, 1, 0, 0)));
    const old = await filed(ann, 'ann april, answered in may', new Date(Date.UTC(2025, 3, 2)));
    await comments.addComment({
      ticketId: old,
      authorId: agent.id,
      body: 'Here is what we found',
      internal: false,
      attachments: [],
      readerId: null,
      now: on(20),
    });
  });
  afterAll(() => database.drop());

  /** Every page of the list, as subjects. */
  async function listAll(viewer: UserProfile, filter: TicketFilter, limit = 4): Promise<string[]> {
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
  const may = { from: '2025-05-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z', label: 'in May 2025' };

  it('created in a period: from inclusive, to exclusive, across pages', async () => {
    const created = await listAll(ann, { createdBy: 'me', createdAt: may });
    expect(created).toHaveLength(12);
    expect(created).toContain('ann may 1 login');
    expect(created).not.toContain('ann june');
    expect(created).not.toContain('ann april');
    expect(created).not.toContain('ann april, answered in may');
    // An open-ended period runs to the latest ticket.
    expect(await listAll(ann, { createdBy: 'me', createdAt: { from: may.to, label: 'since June' } })).toEqual(
      ['ann june'],
    );
    const queries = createTicketQueryRepository(database.prisma);
    expect(await queries.count(ann, { createdBy: 'anyone', createdAt: may })).toBe(13);
  });

  it('last activity in a period: a ticket answered in the period counts, whenever it was filed', async () => {
    const active = { from: '2025-05-20T00:00:00.000Z', to: '2025-05-21T00:00:00.000Z', label: 'on 20 May' };
    expect(await listAll(ann, { createdBy: 'anyone', lastActivityAt: active })).toEqual([
      'ann april, answered in may',
    ]);
  });

  it("issue types, and a colleague's private ticket or another account's never", async () => {
    expect(await listAll(ann, { createdBy: 'anyone', issueTypes: ['login'] })).toEqual([
      'ben shared login',
      'ann may 1 login',
    ]);
    expect(await listAll(agent, { createdBy: 'anyone', issueTypes: ['login'], createdAt: may })).toEqual([
      'cat campaign',
      'ben shared login',
      'ben private login',
      'ann may 1 login',
    ]);
  });

  it('a campaign by its campaign ID or by its mention in the text, only where the viewer may look', async () => {
    expect(await listAll(ann, { createdBy: 'anyone', campaignIds: ['48213'] })).toEqual([
      'ann clicks of campaign 48213',
      'ann spring promotion',
    ]);
    expect(await listAll(cat, { createdBy: 'anyone', campaignIds: ['48213'] })).toEqual(['cat campaign']);
    expect(await listAll(ann, { createdBy: 'anyone', campaignIds: ['48213', '77120'] }, 2)).toEqual([
      'ann campaign 77120',
      'ann clicks of campaign 48213',
      'ann spring promotion',
    ]);
  });
});
