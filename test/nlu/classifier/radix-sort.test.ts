import { describe, expect, it } from 'vitest';
import { sortNonNegativeInPlace } from '../../../src/nlu/classifier/radix-sort.js';
import { seededRandom } from '../../../src/nlu/classifier/seeded-random.js';

describe('sortNonNegativeInPlace', () => {
  it('sorts the first n values as TypedArray sort does, for small and large lists and values', () => {
    const random = seededRandom(3);
    for (const n of [0, 1, 2, 5, 23, 24, 25, 100, 300, 1000]) {
      for (const limit of [1, 2, 256, 257, 65_536, 70_000, 2 ** 24 + 5, 2 ** 31 - 1]) {
        const values = Int32Array.from({ length: n + 3 }, () => Math.floor(random() * limit));
        const expected = values.slice(0, n).sort();
        const tail = values.slice(n);
        sortNonNegativeInPlace(values, n, new Int32Array(n));
        expect(values.slice(0, n)).toEqual(expected);
        expect(values.slice(n)).toEqual(tail);
      }
    }
  });
});
