import { describe, expect, it } from 'vitest';
import { containsPattern, hasLikeSpecials } from '../../../src/store/sql/like-pattern.js';

describe('LIKE patterns', () => {
  it('matches %, _ and the escape character only as themselves', () => {
    expect(containsPattern('utm_source')).toBe('%utm\\_source%');
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('c:\\feed')).toBe('%c:\\\\feed%');
    expect(containsPattern('plain words')).toBe('%plain words%');
  });

  it('tells which words need an escaped LIKE', () => {
    expect(['utm_source', '100%', 'a\\b', 'plain'].map(hasLikeSpecials)).toEqual([true, true, true, false]);
  });
});
