import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerSnapshots } from '../../../src/skills/partners/partner-snapshots.js';
import { createPartnerRepository, type PartnerRepository } from '../../../src/store/partner-repository.js';
import { inPartnerTransaction, replacePartners } from '../../../src/store/partner-writer.js';
import { type TestDatabase, testProviders } from '../../support/test-database.js';
import { createPartnerTestDatabase } from './partner-test-directory.js';

const ACCOUNT = 'acc_northpeak';

describe.each(testProviders())('partner snapshots on %s', (provider) => {
  let database: TestDatabase;
  let repository: PartnerRepository;
  beforeAll(async () => {
    database = await createPartnerTestDatabase(provider);
    repository = createPartnerRepository(database.prisma);
  });
  afterAll(() => database.drop());

  /** Counts the name lists read, i.e. the name indexes built. */
  function counting(): { repository: PartnerRepository; loads: () => number } {
    let loads = 0;
    return {
      repository: {
        ...repository,
        names: (accountId) => {
          loads += 1;
          return repository.names(accountId);
        },
      },
      loads: () => loads,
    };
  }

  it('keeps the name index while the directory is unchanged, and rebuilds it after a change', async () => {
    let clock = 0;
    const spy = counting();
    const snapshots = createPartnerSnapshots(spy.repository, { ttlMs: 60_000, now: () => clock });
    const first = await snapshots.get(ACCOUNT);
    expect(spy.loads()).toBe(1);

    clock += 61_000;
    expect(await snapshots.get(ACCOUNT)).toBe(first);
    expect(spy.loads()).toBe(1);

    const partner = (await repository.byPartnerId(ACCOUNT, '100234'))!;
    await inPartnerTransaction(database.prisma, (tx) =>
      replacePartners(tx, database.provider, ACCOUNT, [{ ...partner, name: 'Quillfeather Outfitters' }]),
    );
    // Within the time to live the copy in memory is kept as it is.
    expect(await snapshots.get(ACCOUNT)).toBe(first);
    clock += 61_000;
    const second = await snapshots.get(ACCOUNT);
    expect(second).not.toBe(first);
    expect(spy.loads()).toBe(2);
    expect(second.names.exact('Quillfeather Outfitters').map((e) => e.partnerId)).toEqual(['100234']);
    expect(first.names.exact('Quillfeather Outfitters')).toEqual([]);
  });

  it('changes the version when a partner is written and only then', async () => {
    const before = await repository.version(ACCOUNT);
    expect(await repository.version(ACCOUNT)).toBe(before);
    const partner = (await repository.byPartnerId(ACCOUNT, '100234'))!;
    await inPartnerTransaction(database.prisma, (tx) =>
      replacePartners(tx, database.provider, ACCOUNT, [{ ...partner, contactName: 'Ada Byrne' }]),
    );
    expect(await repository.version(ACCOUNT)).not.toBe(before);
  });
});
