import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPartnerCsv } from '../../../src/skills/partners/import/partner-import.js';
import { answerPartnerQuestion, type PartnerAnswer } from '../../../src/skills/partners/partner-answerer.js';
import { parsePartnerQuestion } from '../../../src/skills/partners/partner-question-parser.js';
import {
  createPartnerSnapshots,
  type PartnerSnapshots,
} from '../../../src/skills/partners/partner-snapshots.js';
import { createPartnerRepository, type PartnerRepository } from '../../../src/store/partner-repository.js';
import { type TestDatabase, testProviders } from '../../support/test-database.js';
import { createPartnerTestDatabase, QUESTION_NOW } from './partner-test-directory.js';

const HEADER = 'Partner ID,Partner name,Website,Country,Contract status,Account manager\n';

/** What an answer shows, in short: the partner and facts, the names offered, or the name not found. */
function shown(answer: PartnerAnswer): unknown {
  switch (answer.kind) {
    case 'one':
      return `${answer.partner.name}: ${answer.fields.join(', ')}`;
    case 'choices':
      return { choices: answer.partners.map((p) => p.name), total: answer.total };
    case 'not-found':
      return { notFound: answer.query, closest: answer.closest.map((p) => p.name) };
    case 'several':
      return answer.answers.map(shown);
    default:
      return answer.kind;
  }
}

describe.each(testProviders())('which partner a question names, on %s', (provider) => {
  let database: TestDatabase;
  let repository: PartnerRepository;
  let snapshots: PartnerSnapshots;
  beforeAll(async () => {
    database = await createPartnerTestDatabase(provider);
    const csv = (rows: string, accountId: string) =>
      importPartnerCsv(database.prisma, database.provider, HEADER + rows, { accountId });
    await csv(
      '700001,東京ショップ,https://tokyo-shop.jp,JP,Active,Priya Shah\n' +
        '700002,北海道マート,https://hokkaido-mart.jp,JP,Suspended,Tom Becker\n' +
        '4021,Short Id Deals,https://shortid.example.com,US,Active,Dana Whitfield\n' +
        '1234567890,Long Id Deals,https://longid.example.com,US,Suspended,Marcus Lee\n',
      'acc_demo_brand',
    );
    await csv('700003,Ромашка Маркет,https://romashka.ru,DE,Suspended,Ben Carter\n', 'acc_northpeak');
    repository = createPartnerRepository(database.prisma);
    snapshots = createPartnerSnapshots(repository);
  });
  afterAll(() => database.drop());

  async function ask(text: string, accountId = 'acc_demo_brand'): Promise<unknown> {
    const snapshot = await snapshots.get(accountId);
    const question = parsePartnerQuestion(text, {
      now: QUESTION_NOW,
      lexicon: snapshot.lexicon,
      names: snapshot.names,
    });
    return shown(await answerPartnerQuestion(question, { repository, snapshot, accountId }));
  }

  it('answers a name in another script for that partner, and an unknown one as not found', async () => {
    expect(await ask('what is the contract status of partner 東京ショップ')).toBe(
      '東京ショップ: contractStatus',
    );
    expect(await ask('what is the contract status of partner 大阪ストア')).toEqual({
      notFound: '大阪ストア',
      closest: [],
    });
    expect(await ask('who is the account manager for partner Берёзка Шоп', 'acc_northpeak')).toEqual({
      notFound: 'Берёзка Шоп',
      closest: [],
    });
    expect(await ask('who manages Ромашка Маркет', 'acc_northpeak')).toBe('Ромашка Маркет: accountManager');
  });

  it('answers a typo of a longer name for it, not for the shorter name inside it', async () => {
    expect(await ask('who manages Harvest Emporium Centrl')).toBe('Harvest Emporium Central: accountManager');
    expect(await ask('who manages Harvest Emporium')).toBe('Harvest Emporium: accountManager');
    expect(await ask('is Harvest Emporium active pls')).toBe('Harvest Emporium: contractStatus');
  });

  it('offers every partner a shared word can mean, however long their names', async () => {
    expect(await ask('who manages Badger')).toEqual({
      choices: [
        'Badger Bargains',
        'Badger Collective',
        'Badger Den',
        'Badger Insider',
        'Badger Studio',
        'Badger Vault',
      ],
      total: 6,
    });
    expect(await ask('who manages Deals')).toMatchObject({ total: 13 });
  });

  it('answers each partner named, by name or ID, and names the one it cannot find', async () => {
    expect(await ask('status of Northwind Deals and Northwind Outlet')).toEqual([
      'Northwind Deals: contractStatus',
      'Northwind Outlet: contractStatus',
    ]);
    expect(await ask('status of Northwind Deals and Nortwind Outlet')).toEqual([
      'Northwind Deals: contractStatus',
      'Northwind Outlet: contractStatus',
    ]);
    expect(await ask('who manages Northwind Deals and partner 100234')).toEqual([
      'Northwind Deals: accountManager',
      'Maple Leaf Savings: accountManager',
    ]);
    expect(await ask('status of Northwind Deals and Contoso Coupons')).toEqual([
      'Northwind Deals: contractStatus',
      { notFound: 'Contoso Coupons', closest: [] },
    ]);
  });

  it('finds a partner by an ID of any length the import takes, said to be a partner ID', async () => {
    expect(await ask('who manages partner 4021?')).toBe('Short Id Deals: accountManager');
    expect(await ask('who manages partner 1234567890?')).toBe('Long Id Deals: accountManager');
    expect(await ask('show partner ID #4021')).toBe('Short Id Deals: ');
    expect(await ask('status of partner 4021 and 1234567890')).toEqual([
      'Short Id Deals: contractStatus',
      'Long Id Deals: contractStatus',
    ]);
    expect(await ask('partners who joined in 2024')).toBe('list');
  });
});
