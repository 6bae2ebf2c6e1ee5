import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketRecipients } from '../../src/store/ticket-recipients.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('ticket recipients on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    for (const id of ['acc_a', 'acc_b']) {
      await database.prisma.account.create({ data: { id, name: id, kind: 'brand' } });
    }
    const user = (id: string, accountId: string, email: string | null) =>
      database.prisma.user.create({
        data: { id, accountId, email, displayName: id, role: 'requester', kind: 'brand' },
      });
    await user('bob', 'acc_a', 'Bob@Acme.com');
    await user('eve', 'acc_a', 'eve@acme.com');
    await user('nomail', 'acc_a', null);
    await user('bob-elsewhere', 'acc_b', 'BOB@acme.com');
  });
  afterAll(() => database.drop());

  it('finds CC colleagues whatever the letter case of their stored e-mail, only in the same account', async () => {
    const recipients = createTicketRecipients(database.prisma);
    const found = await recipients.usersByEmail('acc_a', ['bob@acme.com', 'EVE@acme.com', 'nobody@acme.com']);
    expect(found.sort()).toEqual(['bob', 'eve']);
    expect(await recipients.usersByEmail('acc_b', ['bob@acme.com'])).toEqual(['bob-elsewhere']);
    expect(await recipients.usersByEmail('acc_a', [])).toEqual([]);
  });
});
