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

describe('tokenizeWords with letters beyond Latin', () => {
  it('keeps words of other scripts, which used to vanish', () => {
    // Folded like Latin letters: marks dropped (й → и), the same way in articles and questions.
    expect(tokenizeWords('Как войти? Σύνδεση')).toEqual(['как', 'воити', 'συνδεση']);
  });
  it('spells out Greek letters used as symbols, so both spellings match', () => {
    expect(tokenizeWords('IFN-γ and NF-κB, 5 μm, δ')).toEqual(
      tokenizeWords('IFN-gamma and NF-kappaB, 5 mum, delta'),
    );
    expect(tokenizeWords('IFN-γ')).toEqual(['ifn', 'gamma', 'ifngamma']);
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
  it('keeps "id" as the word for an ID, and drops the "I\'d" pronoun', () => {
    expect(analyzeText('where is my partner ID')).toContain('id');
    expect(analyzeText("I'd like my campaign id")).toEqual(analyzeText('I like my campaign id'));
    expect(analyzeText('id like to change my payout threshold')).not.toContain('id');
    expect(analyzeText('hey, id rather not wait')).not.toContain('id');
    for (const text of [
      'good morning id like to…',
      'pls id like help',
      'thanks id like to know',
      ' id like x',
    ]) {
      expect(analyzeText(text)).not.toContain('id');
    }
    expect(analyzeText('the id rather than the email')).toContain('id');
    expect(analyzeText('can i log in with my partner id rather than my email')).toContain('id');
    expect(analyzeText('my partner id like ABC-123 is rejected')).toContain('id');
    // Otherwise, without the apostrophe "id" is an ID: "does the partner id need to be unique".
    expect(analyzeText('does the partner id need to be unique')).toContain('id');
    expect(analyzeText('can the partner id be changed')).toContain('id');
    expect(analyzeText('I’d rather not')).not.toContain('id');
  });
});
