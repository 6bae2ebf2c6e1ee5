import { describe, expect, it } from 'vitest';
import { createFuzzyNameMatcher } from '../../../src/nlu/entities/fuzzy-name-matcher.js';

const directory = [
  { id: 'p1', name: 'Northwind Deals' },
  { id: 'p2', name: 'Contoso Coupons GmbH' },
  { id: 'p3', name: 'Wingtip Toys' },
  { id: 'p4', name: 'Northwind Traders' },
  { id: 'p5', name: 'A&B Media' },
];
const matcher = createFuzzyNameMatcher(directory);
const ids = (text: string) => matcher.match(text).map((m) => m.id);

describe('createFuzzyNameMatcher', () => {
  it('finds an exact name inside a sentence, case-insensitively, with score 1', () => {
    expect(matcher.match('who manages northwind deals?')[0]).toEqual({
      id: 'p1',
      name: 'Northwind Deals',
      score: 1,
    });
  });

  it('tolerates typos, swapped letters and missing legal suffixes', () => {
    expect(ids('who manages Nortwind Deals')[0]).toBe('p1');
    expect(ids('contract of Contsoo Coupons')[0]).toBe('p2');
    expect(ids('contoso coupons')[0]).toBe('p2');
    expect(ids('a and b media reach')[0]).toBe('p5');
  });

  it('ranks a full-name match above a first-word match and offers both on a shared first word', () => {
    expect(ids('northwind deals')).toEqual(['p1', 'p4']);
    expect(ids('is Northwind active').sort()).toEqual(['p1', 'p4']);
    expect(ids('wingtip')).toEqual(['p3']);
    expect(ids('north wind').sort()).toEqual(['p1', 'p4']);
  });

  it('respects the limit', () => {
    expect(matcher.match('northwind', 1)).toHaveLength(1);
  });

  it.each([['how many partners are suspended'], ['deals of the day'], ['toys'], [''], ['x'.repeat(50_000)]])(
    'finds none in %j',
    (text) => {
      expect(matcher.match(text)).toEqual([]);
    },
  );

  it('copes with an empty directory', () => {
    expect(createFuzzyNameMatcher([]).match('Northwind Deals')).toEqual([]);
  });
});
