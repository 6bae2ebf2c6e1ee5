import { describe, expect, it } from 'vitest';
import { createPartnerLexicon } from '../../../src/skills/partners/partner-lexicon.js';
import { createPartnerNameIndex } from '../../../src/skills/partners/partner-name-index.js';
import { parsePartnerQuestion } from '../../../src/skills/partners/partner-question-parser.js';

const ctx = {
  now: new Date('2026-06-15T12:00:00Z'),
  lexicon: createPartnerLexicon({
    groups: ['Premium'],
    managers: ['Dana Whitfield'],
    contractNames: [],
    businessModels: ['coupon'],
    promotionalAreas: [],
  }),
  names: createPartnerNameIndex([{ id: 'row0', partnerId: '100', name: 'Northwind Deals' }]),
};
const parse = (text: string) => parsePartnerQuestion(text, ctx);

/** The rule is placeCodeForm's (partner-lexicon.ts); these are whole questions through the tokenizer. */
describe('place codes in partner questions', () => {
  it('reads state, province and country codes written as codes', () => {
    expect(parse('partners in NY')).toEqual({ kind: 'list', filter: { region: ['US-NY'] }, sort: 'name' });
    expect(parse('active partners in TX')).toEqual({
      kind: 'list',
      filter: { contractStatus: ['Active'], region: ['US-TX'] },
      sort: 'name',
    });
    expect(parse('how many partners in GB')).toEqual({ kind: 'count', filter: { country: ['GB'] } });
    expect(parse('NY partners')).toMatchObject({ filter: { region: ['US-NY'] } });
    expect(parse('partners in tx')).toMatchObject({ filter: { region: ['US-TX'] } });
  });

  it('reads a code that is also an English word only in capitals after "in", "from", "or"…', () => {
    expect(parse('partners in ON')).toEqual({ kind: 'list', filter: { region: ['CA-ON'] }, sort: 'name' });
    expect(parse('partners in BC or ON')).toMatchObject({ filter: { region: ['CA-BC', 'CA-ON'] } });
    expect(parse('partners from OR')).toMatchObject({ filter: { region: ['US-OR'] } });
    expect(parse('how many partners are in IN')).toEqual({ kind: 'count', filter: { country: ['IN'] } });
    expect(parse('partners in on')).not.toMatchObject({ filter: { region: ['CA-ON'] } });
    expect(parse('show me coupon partners')).toEqual({
      kind: 'list',
      filter: { businessModel: ['coupon'] },
      sort: 'name',
    });
    expect(parse('partners from AI')).toMatchObject({ filter: { prospectingSource: ['AI'] } });
  });

  it('keeps "US" the country and "us" the pronoun', () => {
    expect(parse('show us partners in the US')).toMatchObject({ filter: { country: ['US'] } });
    expect(parse('partners in US')).toMatchObject({ filter: { country: ['US'] } });
  });
});
