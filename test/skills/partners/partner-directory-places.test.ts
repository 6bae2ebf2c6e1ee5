import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerLexicon } from '../../../src/skills/partners/partner-lexicon.js';
import { createPartnerNameIndex } from '../../../src/skills/partners/partner-name-index.js';
import { parsePartnerQuestion } from '../../../src/skills/partners/partner-question-parser.js';
import { createPartnerRepository, type PartnerVocabulary } from '../../../src/store/partner-repository.js';
import { type TestDatabase, testProviders } from '../../support/test-database.js';
import { createPartnerTestDatabase, QUESTION_NOW } from './partner-test-directory.js';

describe.each(testProviders())('place codes read by the places a directory has, on %s', (provider) => {
  let database: TestDatabase;
  let vocabulary: PartnerVocabulary;
  beforeAll(async () => {
    database = await createPartnerTestDatabase(provider);
    vocabulary = await createPartnerRepository(database.prisma).vocabulary('acc_demo_brand');
  });
  afterAll(() => database.drop());

  const parse = (text: string) =>
    parsePartnerQuestion(text, {
      now: QUESTION_NOW,
      lexicon: createPartnerLexicon(vocabulary),
      names: createPartnerNameIndex([]),
    });

  it('lists the countries and states the account has partners in', () => {
    expect(vocabulary.countries).toEqual(expect.arrayContaining(['US', 'CA', 'GB', 'DE']));
    expect(vocabulary.countries).not.toContain('CO');
    expect(vocabulary.regions).toEqual(expect.arrayContaining(['US-CO', 'US-GA', 'CA-ON', 'AU-WA', 'US-WA']));
  });

  it('reads a code that is a country and a state as the one the directory has', () => {
    // The sample directory has partners in Colorado and Georgia, none in Colombia or Gabon; in Germany, not Delaware.
    expect(parse('partners in CO')).toMatchObject({ filter: { region: ['US-CO'] } });
    expect(parse('partners in GA')).toMatchObject({ filter: { region: ['US-GA'] } });
    expect(parse('partners in DE')).toMatchObject({ filter: { country: ['DE'] } });
    // It has both Canada and California: the code is the country.
    expect(parse('partners in CA')).toMatchObject({ filter: { country: ['CA'] } });
  });
});
