import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryWithBackoff } from '../../src/core/retry-with-backoff.js';

describe('retry with backoff', () => {
  it('doubles the wait after each failure up to the ceiling, spread by the jitter', () => {
    const backoff = { firstDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 10].map((n) => backoffDelayMs(n, backoff))).toEqual([1000, 2000, 4000, 5000, 5000]);
    const spread = { ...backoff, jitter: 0.2 };
    expect(backoffDelayMs(1, { ...spread, random: () => 0 })).toBe(800);
    expect(backoffDelayMs(1, { ...spread, random: () => 1 })).toBe(1200);
  });

  it('tries again until an attempt succeeds, telling each failure and its wait', async () => {
    const failures: Array<[string, number, number]> = [];
    let calls = 0;
    const retrying = retryWithBackoff(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error(`refused ${calls}`);
      },
      {
        firstDelayMs: 5,
        maxDelayMs: 100,
        onFailure: (error, n, wait) => failures.push([(error as Error).message, n, wait]),
      },
    );
    expect(await retrying.done).toBe(3);
    expect(failures).toEqual([
      ['refused 1', 1, 5],
      ['refused 2', 2, 10],
    ]);
  });

  it('stops waiting when stopped', async () => {
    let calls = 0;
    const retrying = retryWithBackoff(
      async () => {
        calls += 1;
        throw new Error('refused');
      },
      { firstDelayMs: 60_000, maxDelayMs: 60_000, onFailure: () => undefined },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    retrying.stop();
    expect(await retrying.done).toBeNull();
    expect(calls).toBe(1);
  });
});
