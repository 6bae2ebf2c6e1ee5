import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  importPartnerCsv,
  PartnerImportError,
} from '../../../../src/skills/partners/import/partner-import.js';
import { createPartnerRepository } from '../../../../src/store/partner-repository.js';
import { readSeedDirectory, seedDirectory } from '../../../../src/store/seed/seed-directory.js';
import { createTestDatabase, type TestDatabase, testProviders } from '../../../support/test-database.js';

const FIRST_FILE = [
  'PARTNER ID , partner_name,Website,Country,State,Contract Status,Date joined,Direct / Marketplace,Groups,Account manager,Contact,Media properties,Social reach',
  '900001,Trail Mix Deals,trailmixdeals.com,Canada,Ontario,Active,2025-03-01,Marketplace,Premium;Loyalty,Dana Whitfield,Ana Lee <ana@trailmixdeals.com>,instagram https://instagram.com/trailmix (12000),12000',
  '900002,Peak Coupons,https://peakcoupons.de,DE,,Suspended,2024-11-30,Direct,,Marcus Lee,,,',
  'abc,Bad ID Partner,bad.example,US,,Active,2025-01-01,Direct,,,,,',
  '900003,Wrong Country,wrong.example,Narnia,,Active,2025-13-01,Sideways,,,,,',
  '900004,"Quoted, Name",quoted.example,US,TX,,,,,,,,',
  '900001,Trail Mix Again,again.example,US,,Active,2025-01-01,Direct,,,,,',
].join('\n');

describe.each(testProviders())('partner CSV import on %s', (provider) => {
  let database: TestDatabase;
  /** Each test imports into a brand account of its own, in one database per provider. */
  let ACCOUNT = '';
  let n = 0;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedDirectory(database.prisma, await readSeedDirectory('content/seed/directory.yml'));
  });
  afterAll(() => database.drop());
  beforeEach(async () => {
    ACCOUNT = `acc_import_${++n}`;
    await database.prisma.account.create({ data: { id: ACCOUNT, name: `Import ${n}`, kind: 'brand' } });
  });

  const run = (csv: string, extra: Partial<Parameters<typeof importPartnerCsv>[3]> = {}) =>
    importPartnerCsv(database.prisma, database.provider, csv, { accountId: ACCOUNT, ...extra });

  it('imports the good rows and reports each bad row with its line and reason', async () => {
    const summary = await run(FIRST_FILE);
    expect(summary).toMatchObject({ rows: 6, created: 3, updated: 0, unknownColumns: [] });
    expect(summary.rejected).toEqual([
      { line: 4, partnerId: null, reason: 'Partner ID “abc” is not a number' },
      {
        line: 5,
        partnerId: '900003',
        reason:
          'Country “Narnia” is not a country (use a two-letter code such as CA or a country name); ' +
          'Date joined “2025-13-01” is not a date written YYYY-MM-DD; Direct / Marketplace “Sideways” is not Direct or Marketplace',
      },
      { line: 7, partnerId: '900001', reason: 'Partner ID 900001 is already on line 2' },
    ]);

    const repository = createPartnerRepository(database.prisma);
    expect(await repository.byPartnerId(ACCOUNT, '900001')).toMatchObject({
      name: 'Trail Mix Deals',
      domain: 'trailmixdeals.com',
      country: 'CA',
      state: 'ON',
      contractStatus: 'Active',
      stage: 'Joined',
      joinedAt: new Date('2025-03-01T00:00:00Z'),
      joinedVia: 'marketplace',
      groups: ['Loyalty', 'Premium'],
      accountManager: 'Dana Whitfield',
      contactName: 'Ana Lee',
      contactEmail: 'ana@trailmixdeals.com',
      media: [{ kind: 'instagram', url: 'https://instagram.com/trailmix', reach: 12000 }],
      socialReach: 12000,
    });
    // No contract status: a prospect, without a join date.
    expect(await repository.byPartnerId(ACCOUNT, '900004')).toMatchObject({
      name: 'Quoted, Name',
      contractStatus: null,
      joinedAt: null,
      stage: 'New',
    });
    expect(await database.prisma.partner.count({ where: { accountId: ACCOUNT } })).toBe(3);
  });

  it('updates partners by partner ID on re-import; empty cells keep the stored values', async () => {
    await run(FIRST_FILE);
    const summary = await run(
      [
        'Partner ID,Partner name,Account manager,Groups,Contract status,Country',
        '900001,,Priya Shah,VIP,,',
        '900002,Peak Coupons GmbH,,,Active,',
        '900005,,,,,US',
      ].join('\n'),
    );
    expect(summary).toMatchObject({ rows: 3, created: 0, updated: 2 });
    expect(summary.rejected).toEqual([
      {
        line: 4,
        partnerId: '900005',
        reason: 'Partner ID 900005 is not in the directory, and the row has no Partner name to add it',
      },
    ]);
    const repository = createPartnerRepository(database.prisma);
    expect(await repository.byPartnerId(ACCOUNT, '900001')).toMatchObject({
      name: 'Trail Mix Deals',
      accountManager: 'Priya Shah',
      groups: ['VIP'],
      contractStatus: 'Active',
      country: 'CA',
      media: [{ kind: 'instagram', url: 'https://instagram.com/trailmix', reach: 12000 }],
    });
    expect(await repository.byPartnerId(ACCOUNT, '900002')).toMatchObject({
      name: 'Peak Coupons GmbH',
      contractStatus: 'Active',
      accountManager: 'Marcus Lee',
    });
    expect(await database.prisma.partner.count({ where: { accountId: ACCOUNT } })).toBe(3);
  });

  it('writes nothing when the write fails half-way', async () => {
    await run(FIRST_FILE);
    const rows = ['Partner ID,Partner name,Account manager'];
    for (let i = 0; i < 1200; i++) rows.push(`${910000 + i},Bulk Partner ${i},Tom Becker`);
    rows.push('900001,,Elena Rossi');
    let chunks = 0;
    await expect(
      run(rows.join('\n'), {
        onProgress: (p) => {
          if (p.phase === 'writing' && ++chunks === 2) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await database.prisma.partner.count({ where: { accountId: ACCOUNT } })).toBe(3);
    const kept = await createPartnerRepository(database.prisma).byPartnerId(ACCOUNT, '900001');
    expect(kept?.accountManager).toBe('Dana Whitfield');
  });

  it('refuses a file without a Partner ID column, and a partner account', async () => {
    await expect(run('Name,Website\nX,x.example')).rejects.toThrow(PartnerImportError);
    await expect(
      importPartnerCsv(database.prisma, database.provider, FIRST_FILE, { accountId: 'acc_demo_partner' }),
    ).rejects.toThrow(/only brands have a partner directory/);
    expect(
      await database.prisma.partner.count({ where: { accountId: { in: [ACCOUNT, 'acc_demo_partner'] } } }),
    ).toBe(0);
  });

  it('refuses a file with an unclosed quote, naming its line, and writes nothing', async () => {
    const csv = 'Partner ID,Partner name,Country\n1,"Acme,CA\n2,Beta,CA\n3,Gamma,CA\n';
    await expect(run(csv)).rejects.toThrow(PartnerImportError);
    await expect(run(csv)).rejects.toThrow(/line 2/);
    expect(await database.prisma.partner.count({ where: { accountId: ACCOUNT } })).toBe(0);
  });

  it('rejects a name with a line break or control character, with its line', async () => {
    const summary = await run(
      'Partner ID,Partner name,Country\n1,"Acme,CA\n2,Beta",CA\n3,Ga\u0007mma,CA\n4,Delta,CA\n',
    );
    expect(summary).toMatchObject({ rows: 3, created: 1 });
    expect(summary.rejected).toEqual([
      { line: 2, partnerId: '1', reason: 'Partner name contains a line break or control character' },
      { line: 4, partnerId: '3', reason: 'Partner name contains a line break or control character' },
    ]);
  });

  it('reads Partner IDs as numbers: leading zeros are dropped, so 007 and 7 are the same partner', async () => {
    await run('Partner ID,Partner name\n007,Zed\n');
    const again = await run('Partner ID,Partner name\n7,Zed Renamed\n0042,Forty-two\n');
    expect(again).toMatchObject({ created: 1, updated: 1, rejected: [] });
    const ids = await database.prisma.partner.findMany({
      where: { accountId: ACCOUNT },
      select: { partnerId: true, name: true },
      orderBy: { partnerId: 'asc' },
    });
    expect(ids).toEqual([
      { partnerId: '42', name: 'Forty-two' },
      { partnerId: '7', name: 'Zed Renamed' },
    ]);
    const same = await run('Partner ID,Partner name\n007,A\n7,B\n');
    expect(same.rejected).toEqual([{ line: 3, partnerId: '7', reason: 'Partner ID 7 is already on line 2' }]);
  });

  /** Gives a stored partner the ID an import before leading zeros were dropped would have kept. */
  const storeAs = (partnerId: string, legacyId: string) =>
    database.prisma.partner.updateMany({
      where: { accountId: ACCOUNT, partnerId },
      data: { partnerId: legacyId },
    });
  const storedIds = () =>
    database.prisma.partner.findMany({
      where: { accountId: ACCOUNT },
      select: { id: true, partnerId: true, name: true },
      orderBy: { partnerId: 'asc' },
    });

  it('updates a partner an older import stored with leading zeros, and stores its ID without them', async () => {
    await run('Partner ID,Partner name\n7,Zed\n8,Eight\n9,Nine\n');
    await storeAs('7', '007');
    await storeAs('8', '0008');
    const [before8, before7] = await storedIds();
    const dry = await run('Partner ID,Partner name\n007,Zed Renamed\n8,Eight Renamed\n', { dryRun: true });
    expect(dry).toMatchObject({ created: 0, updated: 2, storedDuplicates: [] });
    expect((await storedIds()).map((r) => r.partnerId)).toEqual(['0008', '007', '9']);

    const again = await run('Partner ID,Partner name\n007,Zed Renamed\n8,Eight Renamed\n9,Nine\n');
    expect(again).toMatchObject({ created: 0, updated: 3, rejected: [], storedDuplicates: [] });
    expect(await storedIds()).toEqual([
      { id: before7?.id, partnerId: '7', name: 'Zed Renamed' },
      { id: before8?.id, partnerId: '8', name: 'Eight Renamed' },
      { id: expect.any(String), partnerId: '9', name: 'Nine' },
    ]);
    const repository = createPartnerRepository(database.prisma);
    expect((await repository.byPartnerId(ACCOUNT, '007'))?.id).toBe(before7?.id);
    expect((await repository.byPartnerId(ACCOUNT, '7'))?.id).toBe(before7?.id);
  });

  it('updates the partner stored without leading zeros when both forms are stored, and reports the other', async () => {
    await run('Partner ID,Partner name\n7,Zed\n5,Five\n');
    await storeAs('5', '07');
    await run('Partner ID,Partner name\n6,Six\n');
    await storeAs('6', '007');
    const summary = await run('Partner ID,Partner name\n0007,Zed Renamed\n');
    expect(summary).toMatchObject({
      created: 0,
      updated: 1,
      rejected: [],
      storedDuplicates: [{ partnerId: '7', alsoStoredAs: ['007', '07'] }],
    });
    expect((await storedIds()).map((r) => [r.partnerId, r.name])).toEqual([
      ['007', 'Six'],
      ['07', 'Five'],
      ['7', 'Zed Renamed'],
    ]);
    const repository = createPartnerRepository(database.prisma);
    expect((await repository.byPartnerId(ACCOUNT, '7'))?.name).toBe('Zed Renamed');
    expect((await repository.byPartnerId(ACCOUNT, '007'))?.name).toBe('Six');
  });

  it('renames one of several zero-padded forms when none is stored without zeros, and reports the rest', async () => {
    await run('Partner ID,Partner name\n1,One\n2,Two\n');
    await storeAs('1', '001');
    await storeAs('2', '01');
    const summary = await run('Partner ID,Partner name\n1,One Renamed\n');
    expect(summary).toMatchObject({
      created: 0,
      updated: 1,
      storedDuplicates: [{ partnerId: '1', alsoStoredAs: ['01'] }],
    });
    expect((await storedIds()).map((r) => [r.partnerId, r.name])).toEqual([
      ['01', 'Two'],
      ['1', 'One Renamed'],
    ]);
  });

  it('takes every ISO country by code or English name, and US states and Canadian provinces by code or name', async () => {
    const summary = await run(
      [
        'Partner ID,Partner name,Country,State,Audience country',
        '1,Lux Deals,LU,,Luxembourg',
        '2,Manila Deals,PH,,the Philippines',
        '3,Bucharest Deals,Romania,,RO',
        '4,Lagos Deals,Nigeria,,UK',
        '5,Abidjan Deals,Ivory Coast,,USA',
        '6,Reno Deals,US,NV,',
        '7,Vegas Deals,United States,Nevada,',
        '8,Halifax Deals,CA,Nova Scotia,',
        '9,Whitehorse Deals,Canada,YT,',
        '10,Charlottetown Deals,Canada,Prince Edward Island,',
        '11,Hobart Deals,Australia,Tasmania,',
      ].join('\n'),
    );
    expect(summary.rejected).toEqual([]);
    const stored = await database.prisma.partner.findMany({
      where: { accountId: ACCOUNT },
      select: { partnerId: true, country: true, state: true, audienceCountry: true },
    });
    const byId = Object.fromEntries(
      stored.map((p) => [p.partnerId, [p.country, p.state, p.audienceCountry]]),
    );
    expect(byId).toEqual({
      '1': ['LU', null, 'LU'],
      '2': ['PH', null, 'PH'],
      '3': ['RO', null, 'RO'],
      '4': ['NG', null, 'GB'],
      '5': ['CI', null, 'US'],
      '6': ['US', 'NV', null],
      '7': ['US', 'NV', null],
      '8': ['CA', 'NS', null],
      '9': ['CA', 'YT', null],
      '10': ['CA', 'PE', null],
      '11': ['AU', 'TAS', null],
    });
  });

  it('still rejects a country that is not one, and a state name that is not one of the country', async () => {
    const summary = await run(
      'Partner ID,Partner name,Country,State\n1,A,Narnia,\n2,B,US,Ontario\n3,C,ZZ,\n',
    );
    expect(summary.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'Country “Narnia” is not a country (use a two-letter code such as CA or a country name)'],
      [3, 'State “Ontario” is not a state or province code'],
      [4, 'Country “ZZ” is not a country (use a two-letter code such as CA or a country name)'],
    ]);
  });

  it('checks every row but writes nothing in a dry run, and lists the columns it ignored', async () => {
    const summary = await run(`Partner ID,Partner name,Favourite colour\n900009,Nine,blue`, { dryRun: true });
    expect(summary).toMatchObject({
      rows: 1,
      created: 1,
      dryRun: true,
      unknownColumns: ['Favourite colour'],
    });
    expect(await database.prisma.partner.count({ where: { accountId: ACCOUNT } })).toBe(0);
  });
});

describe('npm run import:partners', () => {
  it('imports a file into an account, shows progress on stderr and a summary with the rejected lines', async () => {
    const ACCOUNT = 'acc_demo_brand';
    const { execFile } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const database = await createTestDatabase('sqlite');
    try {
      await seedDirectory(database.prisma, await readSeedDirectory('content/seed/directory.yml'));
      const file = join(mkdtempSync(join(tmpdir(), 'partners-csv-')), 'partners.csv');
      writeFileSync(file, FIRST_FILE);
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'scripts/import-partners.ts', file, '--account', ACCOUNT],
          { env: { ...process.env, DATABASE_URL: database.url } },
          (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
        );
      });
      expect(result.stderr).toMatch(/checked 6\/6 rows \(\d+ rows\/s\), 3 error\(s\) so far/);
      expect(result.stderr).toMatch(/written 3\/3 rows/);
      expect(result.stdout).toMatch(/^Imported 3 of 6 rows in [\d.]+ s: 3 added, 0 updated, 3 rejected\./);
      expect(result.stdout).toContain('  line 4: Partner ID “abc” is not a number');
      expect(result.code).toBe(2);
      expect(await database.prisma.partner.count({ where: { accountId: ACCOUNT } })).toBe(3);
    } finally {
      await database.drop();
    }
  });

  it('exits 1 (nothing imported) when every row is rejected', async () => {
    const { execFile } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const database = await createTestDatabase('sqlite');
    try {
      await seedDirectory(database.prisma, await readSeedDirectory('content/seed/directory.yml'));
      const file = join(mkdtempSync(join(tmpdir(), 'partners-csv-')), 'partners.csv');
      writeFileSync(file, 'Partner ID,Partner name,Country\nabc,Bad Id,CA\n920002,Bad Country,Narnia\n');
      const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'scripts/import-partners.ts', file, '--account', 'acc_demo_brand'],
          { env: { ...process.env, DATABASE_URL: database.url } },
          (error, stdout) => resolve({ code: error ? (error.code as number) : 0, stdout }),
        );
      });
      expect(result.stdout).toMatch(/^Imported 0 of 2 rows in [\d.]+ s: 0 added, 0 updated, 2 rejected\./);
      expect(result.code).toBe(1);
      expect(await database.prisma.partner.count({ where: { accountId: 'acc_demo_brand' } })).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
