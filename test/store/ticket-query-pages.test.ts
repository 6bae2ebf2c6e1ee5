import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../src/domain/user.js';
import { createTicketCommentRepository } from '../../src/store/ticket-comment-repository.js';
import { ensureTicketNumbering } from '../../src/store/ticket-numbering.js';
import { createTicketQueryRepository } from '../../src/store/ticket-query-repository.js';
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
const minute = (n: number) => new Date(Date.UTC(2025, 5, 2, 9, n));

/** "More" continues the list the user is reading, whatever happens to its tickets meanwhile. */
describe.each(testProviders())('ticket list pages on %s', (provider) => {
  let database: TestDatabase;
  const ids: number[] = [];
  const subjects = new Map<number, string>();

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await database.prisma.account.create({ data: { id: 'acc_a', name: 'acc_a', kind: 'brand' } });
    await ensureTicketNumbering(database.prisma, provider);
    const tickets = createTicketRepository(database.prisma);
    for (let n = 1; n <= 8; n++) {
      const subject = `question ${n}`;
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
        minute(n),
      );
      ids.push(ticket.id);
      subjects.set(ticket.id, subject);
    }
  });
  afterAll(() => database.drop());

  it('lists the newest ticket first, and a ticket answered between two pages once, with the same count', async () => {
    const queries = createTicketQueryRepository(database.prisma);
    const filter = { createdBy: 'me', statuses: ['open'] } as const;
    const first = await queries.list(ann, filter, { limit: 5 });
    expect(first.items.map((t) => subjects.get(t.id))).toEqual([
      'question 8',
      'question 7',
      'question 6',
      'question 5',
      'question 4',
    ]);
    expect(first.remaining).toBe(8);

    // Support answers the oldest ticket, not shown yet, while Ann reads the first page.
    await createTicketCommentRepository(database.prisma).addComment({
      ticketId: ids[0]!,
      authorId: agent.id,
      body: 'We are looking at it.',
      internal: false,
      attachments: [],
      readerId: null,
      now: minute(30),
    });

    const second = await queries.list(ann, filter, { limit: 5, after: first.next! });
    expect(second.items.map((t) => subjects.get(t.id))).toEqual(['question 3', 'question 2', 'question 1']);
    expect(5 + second.remaining).toBe(8);
    expect(second.next).toBeNull();
  });
});
