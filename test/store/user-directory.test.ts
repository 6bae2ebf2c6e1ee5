import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../src/domain/user.js';
import { visibleTicketsWhere } from '../../src/store/ticket-visibility.js';
import { createUserDirectory, DEMO_BRAND_ACCOUNT_ID } from '../../src/store/user-directory.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('user directory on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
    await database.prisma.account.upsert({
      where: { id: DEMO_BRAND_ACCOUNT_ID },
      create: { id: DEMO_BRAND_ACCOUNT_ID, name: 'Demo brand', kind: 'brand' },
      update: {},
    });
  });
  afterEach(() => database.drop());

  async function sharedTicket(creator: UserProfile, subject: string): Promise<void> {
    await database.prisma.ticket.create({
      data: {
        accountId: creator.accountId,
        creatorId: creator.id,
        subject,
        issueType: 'other',
        description: subject,
        shared: true,
        searchText: subject.toLowerCase(),
        channel: 'slack',
      },
    });
  }

  const visibleTo = async (viewer: UserProfile) =>
    (
      await database.prisma.ticket.findMany({ where: visibleTicketsWhere(viewer), orderBy: { id: 'asc' } })
    ).map((t) => t.subject);

  it("gives each Slack workspace and Teams tenant its own account: users of two never see each other's shared tickets", async () => {
    const users = createUserDirectory(database.prisma);
    const acme1 = await users.resolve('slack', 'T0ACME', { externalId: 'U1', displayName: 'Ann Acme' });
    const acme2 = await users.resolve('slack', 'T0ACME', { externalId: 'U2', displayName: 'Bob Acme' });
    const globex = await users.resolve('slack', 'T0GLOBEX', { externalId: 'U1', displayName: 'Gil Globex' });
    const tenantA = await users.resolve('teams', 'tenant-a', { externalId: 'aad-1' });
    const tenantB = await users.resolve('teams', 'tenant-b', { externalId: 'aad-2' });

    expect(acme1.accountId).toBe(acme2.accountId);
    const accounts = [acme1, globex, tenantA, tenantB].map((u) => u.accountId);
    expect(new Set(accounts).size).toBe(4);
    expect(accounts).not.toContain(DEMO_BRAND_ACCOUNT_ID);
    expect(await database.prisma.account.count({ where: { id: { in: accounts } } })).toBe(4);

    await sharedTicket(acme1, 'Acme pixel broken');
    await sharedTicket(globex, 'Globex payout late');
    await sharedTicket(tenantA, 'Tenant A report');
    expect(await visibleTo(acme2)).toEqual(['Acme pixel broken']);
    expect(await visibleTo(globex)).toEqual(['Globex payout late']);
    expect(await visibleTo(tenantB)).toEqual([]);
  });

  it('keeps newcomers of the local web and terminal chats in the demo account', async () => {
    const users = createUserDirectory(database.prisma);
    expect((await users.resolve('web', '', { externalId: 'visitor-1' })).accountId).toBe(
      DEMO_BRAND_ACCOUNT_ID,
    );
    expect((await users.resolve('console', '', { externalId: 'pat' })).accountId).toBe(DEMO_BRAND_ACCOUNT_ID);
  });

  it('creates a workspace account once when its first users arrive at the same time', async () => {
    const users = createUserDirectory(database.prisma);
    const profiles = await Promise.all(
      ['U1', 'U2', 'U3', 'U4'].map((id) => users.resolve('slack', 'T0NEW', { externalId: id })),
    );
    expect(new Set(profiles.map((p) => p.accountId))).toEqual(new Set(['acc_slack_T0NEW']));
  });
});
