/**
 * Remembered lookups (profiles, identities, conversation owners): an entry is
 * served until it expires; past `maxEntries` the cache starts over, so it never
 * grows without bound.
 */
export class ExpiringCache<K, V> {
  readonly #entries = new Map<K, { readonly value: V; readonly expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered value, unless it has expired. */
  get(key: K): V | undefined {
    const hit = this.#entries.get(key);
    return hit && hit.expires > this.now() ? hit.value : undefined;
  }

  /** Remembers `value` for `ttlMs` (this entry's own lifetime when given). */
  set(key: K, value: V, ttlMs = this.ttlMs): void {
    if (this.#entries.size > this.maxEntries) this.#entries.clear();
    this.#entries.set(key, { value, expires: this.now() + ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }
}
