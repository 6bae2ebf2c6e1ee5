import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * A ticket list reads its matches newest ticket number first and stops after a page
 * (ticket-query-repository.ts `list`). That is quick only when an index walks in that
 * order; otherwise every ticket of a 20k-ticket account is read and sorted per request.
 * SQLite's plan says so without any data: no temporary B-tree for the ORDER BY.
 */
describe('ticket list query plans on sqlite', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database.drop());

  const page = 'ORDER BY "id" DESC LIMIT 101';
  const lists = {
    'my tickets': `SELECT "id" FROM "Ticket" WHERE "creatorId" = 'u1' ${page}`,
    "my account's tickets": `SELECT "id" FROM "Ticket" WHERE "accountId" = 'a1' AND ("creatorId" = 'u1' OR "shared" = 1) ${page}`,
    "an agent's assigned tickets": `SELECT "id" FROM "Ticket" WHERE "assigneeId" = 'agent' ${page}`,
    'the next page of my account': `SELECT "id" FROM "Ticket" WHERE "accountId" = 'a1' AND "id" < 5000 ${page}`,
  };

  it.each(Object.entries(lists))('walks an index in list order for %s', async (_, sql) => {
    const plan = await database.sql.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
    const steps = plan.map((row) => row.detail).join('\n');
    expect(steps).toMatch(/SEARCH Ticket USING (COVERING )?INDEX/);
    expect(steps).not.toContain('TEMP B-TREE');
  });
});
