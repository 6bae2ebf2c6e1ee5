import { describe, expect, it } from 'vitest';
import { createPartnerLexicon, placeCodeForm } from '../../../src/skills/partners/partner-lexicon.js';
import { createPartnerNameIndex } from '../../../src/skills/partners/partner-name-index.js';
import { parsePartnerQuestion } from '../../../src/skills/partners/partner-question-parser.js';

const lexicon = createPartnerLexicon({
  groups: ['Premium'],
  managers: ['Jordan Blake', 'Dana Whitfield'],
  contractNames: [],
  businessModels: ['coupon'],
  promotionalAreas: [],
});
const ctx = {
  now: new Date('2026-06-15T12:00:00Z'),
  lexicon,
  names: createPartnerNameIndex([{ id: 'row0', partnerId: '100', name: 'Northwind Deals' }]),
};
const parse = (text: string) => parsePartnerQuestion(text, ctx);
/** The filter a lone code form means to the lexicon. */
const meaning = (form: string) => lexicon.match([form], 0)?.tags;

describe('place codes in partner questions', () => {
  it('reads a code written in capitals that is no English word anywhere', () => {
    expect(placeCodeForm('NY', 'in')).toBe('NY');
    expect(placeCodeForm('TX', 'active')).toBe('TX');
    expect(placeCodeForm('GB', undefined)).toBe('GB');
    expect(placeCodeForm('NSW', 'in')).toBe('NSW');
  });

  it('reads a code in lower case only right after "in" or "from", and only when it is no English word', () => {
    expect(placeCodeForm('ny', 'in')).toBe('NY');
    expect(placeCodeForm('bc', 'from')).toBe('BC');
    expect(placeCodeForm('ny', 'partner')).toBeNull();
    for (const word of ['on', 'or', 'me', 'it', 'is', 'no', 'id', 'in'])
      expect(placeCodeForm(word, 'in')).toBeNull();
  });

  it('reads a code that is also an English word only in capitals right after "in", "from", "and", "or" or another code', () => {
    expect(placeCodeForm('ON', 'in')).toBe('ON');
    expect(placeCodeForm('ME', 'from')).toBe('ME');
    expect(placeCodeForm('IN', 'in')).toBe('IN');
    expect(placeCodeForm('ON', 'or')).toBe('ON');
    expect(placeCodeForm('ON', 'BC')).toBe('ON');
    expect(placeCodeForm('ON', 'partner')).toBeNull();
    expect(placeCodeForm('IS', 'who')).toBeNull();
    expect(placeCodeForm('ACT', 'the')).toBeNull();
  });

  it('never reads a word the directory uses for something else as a code ("AI" is a prospecting source)', () => {
    expect(placeCodeForm('AI', 'from')).toBeNull();
  });

  it('never reads a word that is no place code', () => {
    expect(placeCodeForm('XQ', 'in')).toBeNull();
    expect(placeCodeForm('EU', 'in')).toBeNull();
    expect(placeCodeForm('CPS', 'in')).toBeNull();
  });

  it('gives a code the country it names, else every state or province with that code', () => {
    expect(meaning('GB')).toEqual([{ kind: 'filter', key: 'country', values: ['GB'] }]);
    expect(meaning('LU')).toEqual([{ kind: 'filter', key: 'country', values: ['LU'] }]);
    // ISO country codes come first: "CA" is Canada ("California" names the state).
    expect(meaning('CA')).toEqual([{ kind: 'filter', key: 'country', values: ['CA'] }]);
    expect(meaning('NY')).toEqual([{ kind: 'filter', key: 'region', values: ['US-NY'] }]);
    expect(meaning('ON')).toEqual([{ kind: 'filter', key: 'region', values: ['CA-ON'] }]);
    expect(meaning('WA')).toEqual([{ kind: 'filter', key: 'region', values: ['US-WA', 'AU-WA'] }]);
    expect(meaning('NT')).toEqual([{ kind: 'filter', key: 'region', values: ['CA-NT', 'AU-NT'] }]);
    // Lower-case forms are words, never codes: the tokenizer hands a code over in capitals.
    expect(meaning('on')).toEqual([{ kind: 'stop' }]);
    expect(meaning('ny')).toBeUndefined();
  });
});

describe('codes and names of several places, read by the places the directory has', () => {
  const inDirectory = (countries: string[], regions: string[]) =>
    createPartnerLexicon({
      groups: [],
      managers: [],
      contractNames: [],
      businessModels: [],
      promotionalAreas: [],
      countries,
      regions,
    });
  const tagOf = (lexicon: ReturnType<typeof createPartnerLexicon>, forms: string[]) =>
    lexicon.match(forms, 0)?.tags;

  it('reads the place the directory has partners in', () => {
    const us = inDirectory(['US', 'DE'], ['US-CO', 'US-GA', 'US-PA', 'US-WA']);
    expect(tagOf(us, ['CO'])).toEqual([{ kind: 'filter', key: 'region', values: ['US-CO'] }]);
    expect(tagOf(us, ['PA'])).toEqual([{ kind: 'filter', key: 'region', values: ['US-PA'] }]);
    expect(tagOf(us, ['DE'])).toEqual([{ kind: 'filter', key: 'country', values: ['DE'] }]);
    expect(tagOf(us, ['WA'])).toEqual([{ kind: 'filter', key: 'region', values: ['US-WA'] }]);
    expect(tagOf(us, ['georgia'])).toEqual([{ kind: 'filter', key: 'region', values: ['US-GA'] }]);
    const caucasus = inDirectory(['GE', 'CO'], []);
    expect(tagOf(caucasus, ['georgia'])).toEqual([{ kind: 'filter', key: 'country', values: ['GE'] }]);
    expect(tagOf(caucasus, ['CO'])).toEqual([{ kind: 'filter', key: 'country', values: ['CO'] }]);
  });

  it('reads a code as the country and a name as the state when the directory has both or neither', () => {
    const both = inDirectory(['US', 'CA', 'GE'], ['US-CA', 'US-GA']);
    expect(tagOf(both, ['CA'])).toEqual([{ kind: 'filter', key: 'country', values: ['CA'] }]);
    expect(tagOf(both, ['georgia'])).toEqual([{ kind: 'filter', key: 'region', values: ['US-GA'] }]);
    const neither = inDirectory(['FR'], []);
    expect(tagOf(neither, ['PA'])).toEqual([{ kind: 'filter', key: 'country', values: ['PA'] }]);
    expect(tagOf(neither, ['georgia'])).toEqual([{ kind: 'filter', key: 'region', values: ['US-GA'] }]);
  });
});

describe('place names in partner questions', () => {
  it('knows every country and state by name', () => {
    expect(parse('partners in Nigeria')).toEqual({ kind: 'list', filter: { country: ['NG'] }, sort: 'name' });
    expect(parse('how many partners in Luxembourg')).toEqual({ kind: 'count', filter: { country: ['LU'] } });
    expect(parse('partners in Nevada')).toEqual({
      kind: 'list',
      filter: { region: ['US-NV'] },
      sort: 'name',
    });
    expect(parse('partners in the Philippines')).toMatchObject({ filter: { country: ['PH'] } });
    expect(parse('partners in Prince Edward Island')).toMatchObject({ filter: { region: ['CA-PE'] } });
  });

  it("lets the directory's own managers keep their first names over a country's name", () => {
    expect(parse('partners managed by Jordan')).toMatchObject({ filter: { manager: ['Jordan Blake'] } });
  });

  it('corrects a misspelt long place name but never turns a short word into a place', () => {
    expect(parse('partners in Canda')).toMatchObject({ filter: { country: ['CA'] } });
    expect(parse('partners in Luxemburg')).toMatchObject({ filter: { country: ['LU'] } });
    expect(parse('partners for woman')).toEqual({ kind: 'unknown-filter', words: 'woman' });
    expect(parse('partners with logo')).toEqual({ kind: 'unknown-filter', words: 'logo' });
  });
});
