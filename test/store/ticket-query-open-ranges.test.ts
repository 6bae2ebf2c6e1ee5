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

const ann = {
  id: 'ann',
  displayName: 'ann',
  email: null,
  role: 'requester',
  kind: 'brand',
  accountId: 'acc_a',
} as const satisfies UserProfile;
const agent = { ...ann, id: 'agent', accountId: 'acc_support', role: 'agent' } as const satisfies UserProfile;
const at = (month: number, day: number, hour = 12) => new Date(Date.UTC(2025, month - 1, day, hour));
const april = '2025-04-01T00:00:00.000Z';

/** Time ranges open at one end: "before April" has only `to`, "since April" only `from`. */
describe.each(testProviders())('ticket lists over a period open at one end on %s', (provider) => {
  let database: TestDatabase;
  const subjects = new Map<number, string>();

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await database.prisma.account.create({ data: { id: 'acc_a', name: 'acc_a', kind: 'brand' } });
    await ensureTicketNumbering(database.prisma, provider);
    const tickets = createTicketRepository(database.prisma);
    const filed = async (subject: string, when: Date) => {
      const { ticket } = await tickets.create(
        {
          accountId: ann.accountId,
          creatorId: ann.id,
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
        },
        when,
      );
      subjects.set(ticket.id, subject);
      return ticket.id;
    };
    for (let day = 1; day <= 6; day++) await filed(`march ${day}`, at(3, day));
    await filed('last instant of march', new Date(Date.UTC(2025, 2, 31, 23, 59, 59, 999)));
    await filed('first instant of april', new Date(april));
    await filed('april 2', at(4, 2));
    const answered = await filed('march, answered in april', at(3, 10));
    await createTicketCommentRepository(database.prisma).addComment({
      ticketId: answered,
      authorId: agent.id,
      body: 'Here is what we found',
      internal: false,
      attachments: [],
      readerId: null,
      now: at(4, 3),
    });
  });
  afterAll(() => database.drop());

  /** Every page of the list, as subjects. */
  async function listAll(viewer: UserProfile, filter: TicketFilter, limit = 3): Promise<string[]> {
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
  const beforeApril = { to: april, label: 'before April 2025' };
  const filedInMarch = [
    'march, answered in april',
    'last instant of march',
    'march 6',
    'march 5',
    'march 4',
    'march 3',
    'march 2',
    'march 1',
  ];

  it('created before a date: every ticket filed up to that instant (excluded), across pages', async () => {
    const createdAt = beforeApril;
    expect(await listAll(ann, { createdBy: 'me', createdAt })).toEqual(filedInMarch);
    expect(await listAll(agent, { createdBy: 'anyone', createdAt })).toEqual(filedInMarch);
    const queries = createTicketQueryRepository(database.prisma);
    expect(await queries.count(ann, { createdBy: 'anyone', createdAt })).toBe(8);
    const first = await queries.list(ann, { createdBy: 'anyone', createdAt }, { limit: 3 });
    expect(first).toMatchObject({ remaining: 8, remainingCapped: false });
  });

  it('last activity before a date: a March ticket answered in April is not in it', async () => {
    const lastActivityAt = beforeApril;
    expect(await listAll(ann, { createdBy: 'anyone', lastActivityAt })).toEqual(
      filedInMarch.filter((s) => s !== 'march, answered in april'),
    );
  });

  it('an end and a start still work as before, on their own and together', async () => {
    expect(
      await listAll(ann, { createdBy: 'anyone', createdAt: { from: april, label: 'since April 2025' } }),
    ).toEqual(['april 2', 'first instant of april']);
    expect(
      await listAll(ann, {
        createdBy: 'anyone',
        createdAt: { from: '2025-03-05T00:00:00.000Z', to: april, label: 'since 5 March' },
        lastActivityAt: { from: april, label: 'since April 2025' },
      }),
    ).toEqual(['march, answered in april']);
  });
});
