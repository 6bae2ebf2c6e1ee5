import { describe, expect, it } from 'vitest';
import { createPartnerNameIndex, editDistance } from '../../../src/skills/partners/partner-name-index.js';

const index = createPartnerNameIndex(
  [
    'Northwind Deals',
    'Northwind Outlet',
    'CouponCave',
    'Bright Bargains',
    'Cobalt Club',
    'CobaltCollective',
  ].map((name, i) => ({ id: `r${i}`, partnerId: String(100 + i), name })),
);
const top = (text: string) => index.search(text, 3).map((m) => `${m.entry.name} ${m.score.toFixed(2)}`);

describe('partner name index', () => {
  it('matches names regardless of case, spaces and punctuation', () => {
    expect(index.exact('coupon cave').map((e) => e.name)).toEqual(['CouponCave']);
    expect(index.exact('NORTHWIND-DEALS').map((e) => e.name)).toEqual(['Northwind Deals']);
  });

  it('tolerates a typo and ranks the intended name first, clearly ahead', () => {
    const [first, second] = index.search('Nortwind Deals', 2);
    expect(first?.entry.name).toBe('Northwind Deals');
    expect(first!.score - (second?.score ?? 0)).toBeGreaterThan(0.2);
    expect(index.search('Bright Bargins', 1)[0]?.entry.name).toBe('Bright Bargains');
  });

  it('scores a shared first word alike for all names that have it (an ambiguity)', () => {
    const [a, b] = index.search('northwind', 2);
    expect(Math.abs(a!.score - b!.score)).toBeLessThan(0.06);
  });

  it('says how well the words typed match the words of each name, whatever its length', () => {
    const badgers = createPartnerNameIndex(
      ['Badger Den', 'Badger Collective', 'Badger Studio', 'Badgerton', 'Honey Badger Vault'].map(
        (name, i) => ({
          id: `b${i}`,
          partnerId: String(200 + i),
          name,
        }),
      ),
    );
    const words = (text: string) =>
      Object.fromEntries(badgers.search(text, 10).map((m) => [m.entry.name, m.words]));
    expect(words('badger')).toEqual({
      'Badger Den': 1,
      'Badger Collective': 1,
      'Badger Studio': 1,
      'Honey Badger Vault': 1,
      Badgerton: 0.9,
    });
    expect(words('badger studo')['Badger Studio']).toBeCloseTo(0.925);
    expect(words('badger den')['Badger Studio'] ?? 0).toBe(0);
  });

  it('finds names of any script by their own letters, never by the script they share', () => {
    const names = createPartnerNameIndex(
      ['東京ショップ', '北海道マート', 'Ромашка Маркет'].map((name, i) => ({
        id: `n${i}`,
        partnerId: String(i),
        name,
      })),
    );
    expect(names.exact('東京ショップ').map((e) => e.name)).toEqual(['東京ショップ']);
    expect(names.exact('大阪ストア')).toEqual([]);
    expect(names.search('大阪ストア', 3)).toEqual([]);
    expect(names.search('Берёзка Шоп', 3)).toEqual([]);
    expect(names.search('Ромашка Маркт', 1)[0]?.entry.name).toBe('Ромашка Маркет');
  });

  it('weighs a prefix by the letters typed, not by the whole word it starts', () => {
    expect(top('cobalt')[0]).toMatch(/^Cobalt Club/);
  });

  it('gives the same matches to a repeated search, whatever its limit and threshold', () => {
    const all = index.search('northwind', 5);
    expect(index.search('Northwind', 1)).toEqual(all.slice(0, 1));
    expect(index.search('northwind', 5, 0.99)).toEqual(all.filter((m) => m.score >= 0.99));
  });
});

describe('edit distance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['northwind', 'nortwhind', 1],
    ['abc', '', 3],
    ['', 'ab', 2],
    ['coupon', 'coupon', 0],
    ['a'.repeat(80), `${'a'.repeat(79)}b`, 1],
    ['ca', 'abc', 3],
  ])('%s → %s: %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
