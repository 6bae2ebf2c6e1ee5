import { describe, expect, it } from 'vitest';
import { createPartnerNameIndex } from '../../../src/skills/partners/partner-name-index.js';

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

  it('weighs a prefix by the letters typed, not by the whole word it starts', () => {
    expect(top('cobalt')[0]).toMatch(/^Cobalt Club/);
  });
});
