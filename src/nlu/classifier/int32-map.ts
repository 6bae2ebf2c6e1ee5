/**
 * Open-addressing hash map from 32-bit integer keys to non-negative integer values, in two typed arrays:
 * no per-entry objects, no allocation on lookup. Grows by doubling when more than 70% full.
 */
export class Int32Map {
  private keys: Int32Array;
  private values: Int32Array;
  private shift: number;
  private count = 0;

  constructor(expectedSize = 8) {
    const bits = Int32Map.bitsFor(expectedSize);
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits).fill(-1);
  }

  private static bitsFor(size: number): number {
    return Math.max(3, Math.ceil(Math.log2(size / 0.7 + 1)));
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or -1 when it is absent. */
  get(key: number): number {
    const mask = this.values.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const value = this.values[at]!;
      if (value === -1 || this.keys[at] === (key | 0)) return value;
    }
  }

  has(key: number): boolean {
    return this.get(key) !== -1;
  }

  /** Sets `key` to `value` (≥ 0). */
  set(key: number, value: number): void {
    if ((this.count + 1) / this.values.length > 0.7) this.grow();
    const mask = this.values.length - 1;
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.values[at] !== -1 && this.keys[at] !== (key | 0)) at = (at + 1) & mask;
    if (this.values[at] === -1) this.count++;
    this.keys[at] = key;
    this.values[at] = value;
  }

  /** Calls `visit` with every key and value, in no particular order. */
  forEach(visit: (value: number, key: number) => void): void {
    for (let at = 0; at < this.values.length; at++) {
      if (this.values[at] !== -1) visit(this.values[at]!, this.keys[at]!);
    }
  }

  private grow(): void {
    const { keys, values } = this;
    const bits = 33 - this.shift;
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits).fill(-1);
    this.count = 0;
    for (let at = 0; at < values.length; at++) if (values[at] !== -1) this.set(keys[at]!, values[at]!);
  }
}

/**
 * Fixed set of 32-bit integers: sorted, in one typed array of exactly their number, searched by bisection.
 * Four bytes a key against the six to ten of a hash table kept at most 70% full; suits sets that are
 * asked rarely (a dozen lookups per unknown word).
 */
export class Int32Set {
  private readonly sorted: Int32Array;

  constructor(keys: readonly number[]) {
    const all = Int32Array.from(keys).sort();
    let n = 0;
    for (let i = 0; i < all.length; i++) if (n === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
    this.sorted = all.slice(0, n);
  }

  has(key: number): boolean {
    const k = key | 0;
    const { sorted } = this;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo] === k;
  }

  /** The keys, ascending. */
  keys(): number[] {
    return Array.from(this.sorted);
  }
}

const popcount = (x: number) => {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

/**
 * Fixed map from a list of distinct 32-bit keys to their positions in the list: an open-addressing table
 * (linear probing, at most half full) whose slots are one bit each, occupied or free. The keys and their
 * positions sit in slot order in two dense arrays, and an occupied slot's entry is its rank among the
 * occupied slots (a running count per 32 slots plus a population count). Positions take two bytes while
 * the list is shorter than 65535 (a model's vocabulary usually is), else four. About 6.3 bytes a key
 * against 12 to 24 for a table of keys and positions.
 */
export class KeyPositions {
  private readonly occupied: Int32Array;
  /** Occupied slots before each 32-slot word. */
  private readonly rankBefore: Uint16Array | Int32Array;
  private readonly keys: Int32Array;
  private readonly positions: Uint16Array | Int32Array;
  private readonly shift: number;

  constructor(keyList: readonly number[]) {
    const bits = Math.max(5, Math.ceil(Math.log2(keyList.length / 0.5 + 1)));
    this.shift = 32 - bits;
    const size = 1 << bits;
    const mask = size - 1;
    const slots = new Int32Array(size).fill(-1);
    this.occupied = new Int32Array(size >> 5);
    keyList.forEach((key, position) => {
      let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (slots[at] !== -1) at = (at + 1) & mask;
      slots[at] = position;
      this.occupied[at >> 5]! |= 1 << (at & 31);
    });
    const short = keyList.length < 0xffff;
    this.rankBefore = short ? new Uint16Array(size >> 5) : new Int32Array(size >> 5);
    this.keys = new Int32Array(keyList.length);
    this.positions = short ? new Uint16Array(keyList.length) : new Int32Array(keyList.length);
    let rank = 0;
    for (let at = 0; at < size; at++) {
      if ((at & 31) === 0) this.rankBefore[at >> 5] = rank;
      const position = slots[at]!;
      if (position === -1) continue;
      this.keys[rank] = keyList[position]!;
      this.positions[rank++] = position;
    }
  }

  /** Position of `key` in the list, or -1 when it is not there. */
  get(key: number): number {
    const mask = (this.occupied.length << 5) - 1;
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
    let word = this.occupied[at >> 5]!;
    if ((word & (1 << (at & 31))) === 0) return -1;
    let rank = this.rankBefore[at >> 5]! + popcount(word & ((1 << (at & 31)) - 1));
    for (;;) {
      if (this.keys[rank] === (key | 0)) return this.positions[rank]!;
      at = (at + 1) & mask;
      word = this.occupied[at >> 5]!;
      if ((word & (1 << (at & 31))) === 0) return -1;
      rank = at === 0 ? 0 : rank + 1;
    }
  }

  /** The key list again. */
  keyList(): number[] {
    const list: number[] = new Array(this.keys.length);
    this.positions.forEach((position, rank) => {
      list[position] = this.keys[rank]!;
    });
    return list;
  }
}
