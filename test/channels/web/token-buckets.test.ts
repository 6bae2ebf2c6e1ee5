import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from '../../../src/channels/web/token-buckets.js';

describe('token buckets', () => {
  it('lets a burst through, then one token per refill interval, and says how long to wait', () => {
    let t = 0;
    const buckets = createTokenBuckets({ perMinute: 6, burst: 3 }, { now: () => t });
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([0, 0, 0, 10_000]);
    t = 4_000;
    expect(buckets.take('a')).toBe(6_000);
    t = 10_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(10_000);
    expect(buckets.take('b')).toBe(0);
  });

  it('never holds more than the burst however long a key was idle', () => {
    let t = 0;
    const buckets = createTokenBuckets({ perMinute: 60, burst: 2 }, { now: () => t });
    buckets.take('a');
    t = 3_600_000;
    expect([1, 2, 3].map(() => buckets.take('a'))).toEqual([0, 0, 1_000]);
  });

  it('keeps at most maxKeys buckets, forgetting refilled ones before the least recently used', () => {
    let t = 0;
    const buckets = createTokenBuckets({ perMinute: 60, burst: 2 }, { now: () => t, maxKeys: 4 });
    for (const key of ['b', 'b', 'c', 'c', 'd', 'd']) buckets.take(key);
    t = 1;
    buckets.take('idle');
    t = 1_001;
    // 'idle' has refilled, 'b' has not although it was used before it: 'idle' goes.
    expect(buckets.take('e')).toBe(0);
    expect([buckets.take('b'), buckets.take('b')]).toEqual([0, 999]);
    // Once every bucket is in use, the least recently used ones go.
    for (const key of ['f', 'g', 'h']) buckets.take(key);
    expect([buckets.take('c'), buckets.take('c')]).toEqual([0, 0]);
  });
});
