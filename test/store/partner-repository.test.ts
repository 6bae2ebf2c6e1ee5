import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerRepository } from '../../src/store/partner-repository.js';
import { seedSampleDirectory } from '../../src/store/seed/partner-seeding.js';
import { createPartnerTestDatabase, QUESTION_NOW } from '../skills/partners/partner-test-directory.js';
import { type TestDatabase, testProviders } from '../support/test-database.js';

describe.each(testProviders())('partner repository on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createPartnerTestDatabase(provider);
  });
  afterAll(() => database.drop());

  it('seeds each demo brand once', async () => {
    const again = await seedSampleDirectory(database.prisma, database.provider, 'acc_demo_brand', {
      anchorDate: QUESTION_NOW,
    });
    expect(again.seeded).toBe(0);
    expect(await database.prisma.partner.count({ where: { accountId: 'acc_demo_brand' } })).toBe(360);
    expect(await database.prisma.partner.count({ where: { accountId: 'acc_northpeak' } })).toBe(330);
  });

  it('finds a partner by its ID written with leading zeros, as spreadsheets and users sometimes do', async () => {
    const repository = createPartnerRepository(database.prisma);
    expect((await repository.byPartnerId('acc_demo_brand', '000100234'))?.accountManager).toBe('Priya Shah');
    expect(await repository.byPartnerId('acc_northpeak', '000100481')).toBeNull();
  });

  it('finds a partner an older import stored with leading zeros, by its ID with or without them', async () => {
    const repository = createPartnerRepository(database.prisma);
    const where = { accountId: 'acc_demo_brand', partnerId: '100234' };
    await database.prisma.partner.updateMany({ where, data: { partnerId: '000100234' } });
    try {
      for (const typed of ['100234', '0100234', '000100234']) {
        expect((await repository.byPartnerId('acc_demo_brand', typed))?.accountManager).toBe('Priya Shah');
      }
    } finally {
      await database.prisma.partner.updateMany({
        where: { ...where, partnerId: '000100234' },
        data: { partnerId: '100234' },
      });
    }
  });

  it("never returns another account's partner, even for a partner ID both programs have", async () => {
    const repository = createPartnerRepository(database.prisma);
    const demo = await repository.byPartnerId('acc_demo_brand', '100234');
    const northpeak = await repository.byPartnerId('acc_northpeak', '100234');
    expect(demo?.accountManager).toBe('Priya Shah');
    expect(northpeak?.accountManager).toBe('Liam Chen');
    expect(await repository.byPartnerId('acc_northpeak', '100481')).toBeNull();
    expect(await repository.byRowIds('acc_northpeak', [demo!.id])).toEqual([]);
    expect(await repository.byDomain('acc_northpeak', 'northwinddeals.com')).toEqual([]);
    const all = await repository.list('acc_northpeak', {}, 'name', { offset: 0, limit: 1000 });
    expect(all.items.every((p) => p.accountId === 'acc_northpeak')).toBe(true);
  });

  it('pages without overlap or gaps in both sort orders', async () => {
    const repository = createPartnerRepository(database.prisma);
    for (const sort of ['name', 'joined-newest', 'joined-oldest'] as const) {
      const seen: string[] = [];
      for (let offset = 0; offset < 400; offset += 10) {
        const page = await repository.list('acc_demo_brand', { contractStatus: ['Active'] }, sort, {
          offset,
          limit: 10,
        });
        seen.push(...page.items.map((p) => p.partnerId));
        if (page.items.length < 10) break;
      }
      expect(new Set(seen).size).toBe(195);
      expect(seen).toHaveLength(195);
    }
  });

  it('combines filters with AND, values with OR, and treats "unassigned" as no manager', async () => {
    const repository = createPartnerRepository(database.prisma);
    const unassigned = await repository.count('acc_demo_brand', { manager: [null] });
    const dana = await repository.count('acc_demo_brand', { manager: ['Dana Whitfield'] });
    expect(await repository.count('acc_demo_brand', { manager: ['Dana Whitfield', null] })).toBe(
      unassigned + dana,
    );
    const travel = await repository.count('acc_demo_brand', { promotionalArea: ['Travel'] });
    const travelInCanada = await repository.count('acc_demo_brand', {
      promotionalArea: ['Travel'],
      country: ['CA'],
    });
    expect(travelInCanada).toBeGreaterThan(0);
    expect(travelInCanada).toBeLessThan(travel);
    const joined = await repository.count('acc_demo_brand', {
      joined: { from: '2026-05-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' },
    });
    expect(joined).toBe(16);
  });

  it('counts group members the same way alone and with other filters, within the account', async () => {
    const repository = createPartnerRepository(database.prisma);
    const groups = await database.prisma.partnerGroup.findMany({
      where: { accountId: 'acc_demo_brand' },
      select: { name: true },
      orderBy: { name: 'asc' },
    });
    expect(groups.length).toBeGreaterThanOrEqual(2);
    const names = groups.slice(0, 2).map((g) => g.name);
    for (const group of [[names[0]!], names]) {
      const expected = await database.prisma.partner.count({
        where: { accountId: 'acc_demo_brand', groups: { some: { group: { name: { in: group } } } } },
      });
      expect(expected).toBeGreaterThan(0);
      expect(await repository.count('acc_demo_brand', { group })).toBe(expected);
      // The same partners through the general path (a condition that every partner meets).
      expect(await repository.count('acc_demo_brand', { group, reach: { min: 0 } })).toBe(expected);
      const page = await repository.list('acc_demo_brand', { group }, 'name', { offset: 0, limit: 5 });
      expect(page.total).toBe(expected);
    }
    expect(await repository.count('acc_northpeak', { group: [names[0]!, 'No such group'] })).toBe(
      await database.prisma.partner.count({
        where: { accountId: 'acc_northpeak', groups: { some: { group: { name: names[0]! } } } },
      }),
    );
  });

  it('pages a group combined with another filter like any other filter, total included', async () => {
    const repository = createPartnerRepository(database.prisma);
    const [group] = await database.prisma.partnerGroup.findMany({
      where: { accountId: 'acc_demo_brand' },
      select: { name: true },
      orderBy: { name: 'asc' },
    });
    const filter = { group: [group!.name], stage: ['Joined' as const, 'New' as const] };
    const expected = await database.prisma.partner.count({
      where: {
        accountId: 'acc_demo_brand',
        stage: { in: ['Joined', 'New'] },
        groups: { some: { group: { name: group!.name } } },
      },
    });
    expect(expected).toBeGreaterThan(10);
    expect(await repository.count('acc_demo_brand', filter)).toBe(expected);
    for (const sort of ['name', 'joined-newest', 'joined-oldest'] as const) {
      const seen: string[] = [];
      for (let offset = 0; offset < expected + 10; offset += 10) {
        const page = await repository.list('acc_demo_brand', filter, sort, { offset, limit: 10 });
        expect(page.total).toBe(expected);
        seen.push(...page.items.map((p) => p.partnerId));
      }
      expect(new Set(seen).size).toBe(expected);
      expect(seen).toHaveLength(expected);
    }
    const past = await repository.list('acc_demo_brand', filter, 'name', { offset: expected + 5, limit: 10 });
    expect(past).toEqual({ total: expected, items: [] });
  });
});
