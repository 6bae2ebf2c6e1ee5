/** A steady rate with a burst allowance: a bucket holds `burst` tokens and refills `perMinute` a minute. */
export interface TokenBucketRate {
  readonly perMinute: number;
  readonly burst: number;
}

export interface TokenBuckets {
  /** Takes a token from `key`'s bucket: 0 when there was one, else the ms until there is one. */
  take(key: string): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per key, in memory. At most `maxKeys` buckets are kept: past that, buckets
 * that have refilled completely are forgotten (they behave as new ones), then the longest unused.
 */
export function createTokenBuckets(
  rate: TokenBucketRate,
  options: { now?: () => number; maxKeys?: number } = {},
): TokenBuckets {
  const now = options.now ?? (() => performance.now());
  const maxKeys = options.maxKeys ?? 50_000;
  const perMs = rate.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const refilled = (bucket: Bucket, t: number) =>
    Math.min(rate.burst, bucket.tokens + (t - bucket.at) * perMs);

  function forgetIdle(t: number): void {
    for (const [key, bucket] of buckets) if (refilled(bucket, t) >= rate.burst) buckets.delete(key);
    // A tenth is made free at once, so that a stream of new keys does not scan the map each time.
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys * 0.9) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const t = now();
      const known = buckets.get(key);
      const bucket: Bucket = known ? { tokens: refilled(known, t), at: t } : { tokens: rate.burst, at: t };
      // Re-inserted on each use, so the map's order is least recently used first.
      buckets.delete(key);
      if (!known && buckets.size >= maxKeys) forgetIdle(t);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / perMs);
    },
  };
}
