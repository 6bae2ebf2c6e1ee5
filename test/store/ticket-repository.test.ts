import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../src/domain/user.js';
import { createTicketCommentRepository } from '../../src/store/ticket-comment-repository.js';
import { ensureTicketNumbering, FIRST_TICKET_ID } from '../../src/store/ticket-numbering.js';
import { createTicketQueryRepository } from '../../src/store/ticket-query-repository.js';
import { createTicketRepository, type NewTicketData } from '../../src/store/ticket-repository.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

const at = (minute: number) => new Date(Date.UTC(2025, 5, 2, 9, minute));
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

function draft(creator: UserProfile, key: string, extra: Partial<NewTicketData> = {}): NewTicketData {
  return {
    accountId: creator.accountId,
    creatorId: creator.id,
    subject: `Subject ${key}`,
    issueType: 'other',
    description: `Description of ${key}`,
    campaignId: null,
    shared: false,
    ccEmails: [],
    channel: 'web',
    conversationId: null,
    idempotencyKey: key,
    attachments: [],
    draftAttachmentIds: [],
    ...extra,
  };
}

describe.each(testProviders())('ticket repositories on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    for (const id of ['acc_a', 'acc_b']) {
      await database.prisma.account.create({ data: { id, name: id, kind: 'brand' } });
    }
    await ensureTicketNumbering(database.prisma, provider);
    // A second instance starting on the same database changes nothing.
    await ensureTicketNumbering(database.prisma, provider);
  });
  afterAll(() => database.drop());

  it('numbers tickets from 1000 and files one ticket per idempotency key, even when submits race', async () => {
    const tickets = createTicketRepository(database.prisma);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => tickets.create(draft(ann, 'same-key'), at(0))),
    );
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]!.ticket.id).toBe(FIRST_TICKET_ID);
    // PostgreSQL sequences skip the numbers the losing inserts drew; numbers only ever grow.
    const next = await tickets.create(draft(ann, 'other-key'), at(1));
    expect(next.ticket.id).toBeGreaterThan(FIRST_TICKET_ID);
    expect(await database.prisma.ticket.count({ where: { idempotencyKey: 'same-key' } })).toBe(1);
    await ensureTicketNumbering(database.prisma, provider);
    expect((await tickets.create(draft(ann, 'third-key'), at(2))).ticket.id).toBeGreaterThan(next.ticket.id);
  });

  it('refuses a status change when the ticket moved meanwhile, and records every change as an event', async () => {
    const tickets = createTicketRepository(database.prisma);
    const { ticket } = await tickets.create(draft(ann, 'status-key'), at(3));
    const base = { ticketId: ticket.id, actorId: agent.id, readerId: null, now: at(4) };
    expect(await tickets.changeStatus({ ...base, from: 'open', to: 'in_progress' })).toMatchObject({
      status: 'in_progress',
    });
    expect(await tickets.changeStatus({ ...base, from: 'open', to: 'closed' })).toBeNull();
    const closed = await tickets.changeStatus({ ...base, from: 'in_progress', to: 'closed' });
    expect(closed?.closedAt).toEqual(at(4));
    expect(
      (await tickets.events(ticket.id)).map((e) => [e.type, e.data.from ?? null, e.data.to ?? null]),
    ).toEqual([
      ['created', null, null],
      ['status', 'open', 'in_progress'],
      ['status', 'in_progress', 'closed'],
    ]);
  });

  it('takes an unassigned ticket for one agent only, even when two act at once, and never takes an assigned one', async () => {
    const tickets = createTicketRepository(database.prisma);
    const { ticket } = await tickets.create(draft(ann, 'claim-key'), at(3));
    const results = await Promise.all(
      ['agent', 'riley'].map((assigneeId) =>
        tickets.assignIfUnassigned({ ticketId: ticket.id, assigneeId, actorId: assigneeId, now: at(4) }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'agent' : 'riley';
    expect((await tickets.byId(ticket.id))?.assigneeId).toBe(winner);
    expect(
      await tickets.assignIfUnassigned({
        ticketId: ticket.id,
        assigneeId: 'other',
        actorId: 'other',
        now: at(5),
      }),
    ).toBe(false);
    expect((await tickets.byId(ticket.id))?.assigneeId).toBe(winner);
    expect((await tickets.events(ticket.id)).filter((e) => e.type === 'assign').map((e) => e.data)).toEqual([
      { from: null, to: winner },
    ]);
  });

  it('unread: activity by someone else makes a ticket unread; a shared ticket is read once anyone in the account saw it', async () => {
    const tickets = createTicketRepository(database.prisma);
    const queries = createTicketQueryRepository(database.prisma);
    const comments = createTicketCommentRepository(database.prisma);
    const { ticket: own } = await tickets.create(draft(ann, 'unread-own'), at(5));
    const { ticket: shared } = await tickets.create(draft(ben, 'unread-shared', { shared: true }), at(5));
    expect((await queries.visible(ann, own.id))?.unread).toBe(false);

    const reply = {
      authorId: agent.id,
      body: 'Looking into it',
      internal: false,
      attachments: [],
      readerId: null,
      now: at(6),
    };
    await comments.addComment({ ...reply, ticketId: own.id });
    await comments.addComment({ ...reply, ticketId: shared.id });
    expect((await queries.visible(ann, own.id))?.unread).toBe(true);
    expect((await queries.visible(ann, shared.id))?.unread).toBe(true);
    const unread = await queries.list(ann, { createdBy: 'anyone', read: 'unread' }, { limit: 50 });
    expect(unread.items.map((t) => t.id)).toEqual(expect.arrayContaining([own.id, shared.id]));

    await tickets.markRead(shared.id, ben.id, at(7));
    expect((await queries.visible(ann, shared.id))?.unread).toBe(false);
    // An internal note is not news for the requester.
    await tickets.markRead(own.id, ann.id, at(7));
    await comments.addComment({ ...reply, ticketId: own.id, internal: true, now: at(8) });
    expect((await queries.visible(ann, own.id))?.unread).toBe(false);
  });

  it('lists only what the viewer may see, in stable pages even when activity times tie', async () => {
    const tickets = createTicketRepository(database.prisma);
    const queries = createTicketQueryRepository(database.prisma);
    const mine: number[] = [];
    for (let i = 0; i < 12; i++) mine.push((await tickets.create(draft(cat, `page-${i}`), at(30))).ticket.id);
    const colleague = person('dan', 'acc_b');
    await tickets.create(draft(colleague, 'dan-private'), at(31));
    const sharedByDan = (await tickets.create(draft(colleague, 'dan-shared', { shared: true }), at(31)))
      .ticket.id;

    const seen: number[] = [];
    let after: Parameters<typeof queries.list>[2]['after'];
    for (;;) {
      const page = await queries.list(cat, { createdBy: 'anyone' }, { limit: 5, after });
      seen.push(...page.items.map((t) => t.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual([sharedByDan, ...[...mine].reverse()]);
    expect(await queries.count(cat, { createdBy: 'anyone' })).toBe(13);
    expect(await queries.count(cat, { createdBy: 'me' })).toBe(12);
    expect(await queries.count(ann, { createdBy: 'anyone', ids: [sharedByDan] })).toBe(0);
    expect(await queries.count(agent, { createdBy: 'anyone', ids: [sharedByDan] })).toBe(1);
    expect(await queries.count(cat, { createdBy: 'anyone', keywords: ['page-1'] })).toBe(3);
  });

  it('finds keywords with % and _ as typed, never as wildcards, and still only what the viewer may see', async () => {
    const tickets = createTicketRepository(database.prisma);
    const queries = createTicketQueryRepository(database.prisma);
    const filed = async (creator: UserProfile, key: string, subject: string, shared = false) =>
      (await tickets.create(draft(creator, key, { subject, shared }), at(40))).ticket.id;
    const exact = await filed(ben, 'wild-1', 'Links lose utm_source and pay 100% of fees');
    await filed(ben, 'wild-2', 'Links lose utmXsource and pay 1000 of fees');
    const slash = await filed(ben, 'wild-3', 'Path C:\\exports\\feed fails', true);
    const elsewhere = await filed(cat, 'wild-4', 'utm_source missing too');

    const ids = async (viewer: UserProfile, keywords: string[]) =>
      (await queries.list(viewer, { createdBy: 'anyone', keywords }, { limit: 10 })).items.map((t) => t.id);
    expect(await ids(ben, ['utm_source'])).toEqual([exact]);
    expect(await ids(ben, ['100%'])).toEqual([exact]);
    expect(await ids(ben, ['utm_sourced', 'lose'])).toEqual([]);
    expect(await ids(ben, ['UTM_Source', 'fees'])).toEqual([exact]);
    expect(await ids(ben, ['c:\\exports'])).toEqual([slash]);
    expect(await queries.count(ben, { createdBy: 'anyone', keywords: ['utm_source'] })).toBe(1);
    // A colleague's private ticket stays hidden; staff see every account's.
    expect(await ids(ann, ['utm_source'])).toEqual([]);
    expect(await ids(agent, ['utm_source'])).toEqual([elsewhere, exact]);
  });
});
