import { describe, expect, it } from 'vitest';
import { type NameRole, withoutDirectoryNames } from '../../../src/skills/docs/directory-name-spans.js';
import { directoryNameKeys } from '../../../src/skills/docs/directory-names.js';

const known = new Map<string, NameRole>([
  ...['Acme Outdoor (demo brand)', 'Barnes & Noble']
    .flatMap(directoryNameKeys)
    .map((k) => [k, 'brand'] as const),
  ...['Trailhead Deals', 'CouponCave', 'Coupon Codes', 'Go', '24']
    .flatMap(directoryNameKeys)
    .map((k) => [k, 'partner'] as const),
]);
const isKnownName = (key: string) => known.get(key) ?? null;
const HELP_WORDS = new Set(['coupon', 'coupons', 'code', 'codes', 'deals', 'paid', 'terms']);
const isHelpWord = (word: string) => HELP_WORDS.has(word);
const strip = (text: string) =>
  withoutDirectoryNames(text, isKnownName, isHelpWord).replace(/\s+/g, ' ').trim();

describe('directory names taken out of a how-to question', () => {
  it('takes out a brand, and puts "partner" in place of a partner, named in any case or spacing', () => {
    expect(strip('how do i get paid by Acme Outdoor?')).toBe('how do i get paid by ?');
    expect(strip('how do i get paid by acme outdoor')).toBe('how do i get paid by');
    expect(strip('how do I change the terms for Trailhead Deals')).toBe(
      'how do I change the terms for partner',
    );
    expect(strip('payout from couponcave or Coupon Cave')).toBe('payout from partner or partner');
    expect(strip("Acme Outdoor's commission rate")).toBe('commission rate');
    expect(strip('terms with Barnes & Noble')).toBe('terms with');
    expect(strip('how do I invite Trailhead Deals')).toBe('how do I invite partner');
  });

  it('leaves every other word as typed, a part of a name and a made-up name included', () => {
    for (const text of [
      'how do I change the terms for Brambleworth Outfitters',
      'how do i get paid by Acme',
      'what deals does Trailhead offer',
      'how do i get paid',
    ]) {
      expect(withoutDirectoryNames(text, isKnownName, isHelpWord)).toBe(text);
    }
  });

  it('leaves a name made only of words the help docs use, and very short or numeric names', () => {
    expect(strip('how do coupon codes work')).toBe('how do coupon codes work');
    expect(strip('how do i go live in 24 hours')).toBe('how do i go live in 24 hours');
  });

  it('knows a name with a note in brackets by the name alone too', () => {
    expect(directoryNameKeys('Acme Outdoor (demo brand)')).toEqual(['acmeoutdoordemobrand', 'acmeoutdoor']);
    expect(directoryNameKeys('Trailhead Deals')).toEqual(['trailheaddeals']);
  });
});
