import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChoicesReply } from '../../../src/core/reply.js';
import { loadResponses, type Responses } from '../../../src/core/responses.js';
import { OPEN_STATUSES } from '../../../src/domain/ticket-statuses.js';
import { ticketListReply } from '../../../src/skills/tickets/ticket-list-reply.js';
import type { TicketFilter } from '../../../src/store/ticket-query-repository.js';

const now = new Date('2025-06-02T09:00:00Z');
const lastMonth = { from: '2025-05-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z', label: 'last month' };
const nothing = { items: [], next: null, remaining: 0, remainingCapped: false, offset: 0 };

describe('an empty ticket list', () => {
  let responses: Responses;
  beforeAll(async () => {
    responses = await loadResponses(resolve('content/responses'));
  });
  const prompt = (filter: TicketFilter) => {
    const [reply] = ticketListReply(responses, filter, nothing, now);
    return (reply as ChoicesReply).prompt;
  };

  it('says which filter found nothing and suggests something other than what was asked', () => {
    const closed = prompt({ createdBy: 'anyone', statuses: ['closed'] });
    expect(closed).toMatch(/^No tickets found \(status Closed\)\./);
    expect(closed).not.toContain('“closed tickets”');
    expect(closed).toContain('“my tickets”');

    const created = prompt({ createdBy: 'anyone', createdAt: lastMonth });
    expect(created).toMatch(/^No tickets found \(created last month\)\./);

    const mine = prompt({ createdBy: 'me', statuses: [...OPEN_STATUSES] });
    expect(mine).toMatch(/^You have no tickets \(open\)\./);
    expect(mine).not.toContain('“my tickets”');
    expect(mine).toContain('“closed tickets”');

    const assigned = prompt({ createdBy: 'anyone', assignedToMe: true, statuses: [...OPEN_STATUSES] });
    expect(assigned).toMatch(/^No tickets are assigned to you \(open\)\./);
    expect(assigned).not.toContain('“my tickets”');
  });

  it('suggests nothing narrower than an empty "all tickets"', () => {
    expect(prompt({ createdBy: 'anyone' })).toBe('No tickets found.');
  });
});
