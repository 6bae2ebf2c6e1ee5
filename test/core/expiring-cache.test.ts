import { describe, expect, it } from 'vitest';
import { ExpiringCache } from '../../src/core/expiring-cache.js';

describe('ExpiringCache', () => {
  it('serves an entry until its lifetime ends, with a per-entry lifetime when given', () => {
    let clock = 0;
    const cache = new ExpiringCache<string, number>(1000, 10, () => clock);
    cache.set('a', 1);
    cache.set('b', 2, 100);
    clock = 99;
    expect([cache.get('a'), cache.get('b')]).toEqual([1, 2]);
    clock = 100;
    expect([cache.get('a'), cache.get('b')]).toEqual([1, undefined]);
    clock = 1000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('never')).toBeUndefined();
  });

  it('starts over past its size bound, and forgets everything on clear', () => {
    const cache = new ExpiringCache<number, number>(60_000, 3);
    for (let i = 0; i < 4; i++) cache.set(i, i);
    expect(cache.get(0)).toBe(0);
    cache.set(4, 4); // a fifth entry: the cache held more than three, so it starts over
    expect([cache.get(0), cache.get(3), cache.get(4)]).toEqual([undefined, undefined, 4]);
    cache.clear();
    expect(cache.get(4)).toBeUndefined();
  });
});
