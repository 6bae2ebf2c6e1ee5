import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/search/analyze-text.js';
import { foldAccents } from '../../src/search/fold-accents.js';
import { tokenizeWords } from '../../src/search/tokenize-words.js';

describe('foldAccents', () => {
  it('removes accents and lower-cases', () => {
    expect(foldAccents('Café Crème Über Ñandú')).toBe('cafe creme uber nandu');
  });
  it('maps letters Unicode does not decompose', () => {
    expect(foldAccents('Straße Ærø Łódź')).toBe('strasse aero lodz');
  });
});

describe('tokenizeWords', () => {
  it('drops punctuation lunr would keep', () => {
    expect(tokenizeWords('payouts?! (tax) "form" — ok...')).toEqual(['payouts', 'tax', 'form', 'ok']);
  });
  it('handles apostrophes: possessive dropped, contractions joined, curly quotes too', () => {
    expect(tokenizeWords("partner's don’t can't 'quoted'")).toEqual(['partner', 'dont', 'cant', 'quoted']);
  });
  it('keeps hyphenated parts and the joined form', () => {
    expect(tokenizeWords('e-mail sign-in W-9')).toEqual([
      'e',
      'mail',
      'email',
      'sign',
      'in',
      'signin',
      'w',
      '9',
      'w9',
    ]);
  });
});

describe('analyzeText', () => {
  it('stems, removes stop words and short numbers, keeps error codes', () => {
    expect(analyzeText('The 2 payouts were rejected with error 403')).toEqual([
      'payout',
      'were',
      'reject',
      'error',
      '403',
    ]);
  });
  it('folds accents the same way for index and query', () => {
    expect(analyzeText('Café crème')).toEqual(analyzeText('cafe creme'));
  });
  it('treats inflected stop words as stop words', () => {
    expect(analyzeText('it does')).toEqual([]);
  });
});
