import { describe, expect, it } from 'vitest';
import { extractCountries } from '../../../src/nlu/entities/countries.js';

describe('extractCountries', () => {
  it.each([
    ['partners in Germany', ['DE']],
    ['partners in germany and france', ['DE', 'FR']],
    ['affiliates in the UK', ['GB']],
    ['in the USA', ['US']],
    ['US partners', ['US']],
    ['Deutschland und Österreich', ['DE', 'AT']],
    ['the Netherlands or Holland', ['NL']],
    ['partners based in CA', ['CA']],
    ['creators from BR', ['BR']],
    ['South Korea and Japan', ['KR', 'JP']],
    ["Côte d'Ivoire", ['CI']],
    ['United States of America', ['US']],
    ['partners in Chad', ['TD']],
  ])('finds %j', (text, expected) => {
    expect(extractCountries(text)).toEqual(expected);
  });

  it.each([
    ['let us know'],
    ['partners in IN'],
    ['is IT down?'],
    ['Chad manages that partner'],
    ['ask jordan'],
    ['turkey sandwich'],
    ['log in to check'],
    ['ticket 1042'],
    [''],
  ])('finds none in %j', (text) => {
    expect(extractCountries(text)).toEqual([]);
  });
});
