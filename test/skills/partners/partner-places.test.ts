import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  countryCodeOf,
  countryName,
  REGIONS,
  regionCodeOf,
  regionName,
} from '../../../src/skills/partners/partner-places.js';

describe('partner places', () => {
  it('knows every ISO 3166-1 alpha-2 country (and Kosovo), each code once', () => {
    const codes = COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(250);
    for (const code of ['AD', 'LU', 'PH', 'RO', 'NG', 'CI', 'AQ', 'VA', 'XK', 'ZW'])
      expect(codes).toContain(code);
  });

  it('reads a country from its code, English name or a common alias, ignoring case, accents and punctuation', () => {
    const cases: Array<[string, string]> = [
      ['lu', 'LU'],
      ['PH', 'PH'],
      ['Romania', 'RO'],
      ['NIGERIA', 'NG'],
      ['the Philippines', 'PH'],
      ['UK', 'GB'],
      ['U.K.', 'GB'],
      ['USA', 'US'],
      ['U.S.A.', 'US'],
      ['United States of America', 'US'],
      ['Cote d’Ivoire', 'CI'],
      ["Côte d'Ivoire", 'CI'],
      ['Ivory Coast', 'CI'],
      ['Bosnia & Herzegovina', 'BA'],
      ['St. Lucia', 'LC'],
      ['Türkiye', 'TR'],
      ['Curacao', 'CW'],
      ['Holland', 'NL'],
    ];
    for (const [text, code] of cases) expect([text, countryCodeOf(text)]).toEqual([text, code]);
    for (const text of ['Narnia', 'ZZ', 'EU', '', 'Europe']) expect(countryCodeOf(text)).toBeNull();
  });

  it('knows every US state and DC, every Canadian province and territory, every Australian state and territory', () => {
    expect(REGIONS.US).toHaveLength(51);
    expect(REGIONS.CA).toHaveLength(13);
    expect(REGIONS.AU).toHaveLength(8);
    expect(regionCodeOf('Nevada', 'US')).toBe('NV');
    expect(regionCodeOf('nv', 'US')).toBe('NV');
    expect(regionCodeOf('Newfoundland', 'CA')).toBe('NL');
    expect(regionCodeOf('Québec', 'CA')).toBe('QC');
    expect(regionCodeOf('Tasmania', null)).toBe('TAS');
    expect(regionCodeOf('Ontario', 'US')).toBeNull();
  });

  it('names places for answers', () => {
    expect(countryName('lu')).toBe('Luxembourg');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('QQ')).toBe('QQ');
    expect(regionName('US', 'NV')).toBe('Nevada');
    expect(regionName('CA', 'ON')).toBe('Ontario');
    expect(regionName('FR', 'ON')).toBe('ON');
  });
});
