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

/** A key's multiplicative hash; its top bits name the key's home slot in KeyPositions' table. */
const slotHash = (key: number) => Math.imul(key, 0x9e3779b1) >>> 0;

const INDEX_LIMIT = 2 ** 21;

/** Indices of `keys` in the order KeyPositions lays them out; a list in that order needs no positions. */
export function hashOrder(keys: readonly number[]): number[] {
  if (keys.length > INDEX_LIMIT) {
    return Array.from(keys, (_, i) => i).sort((a, b) => slotHash(keys[a]!) - slotHash(keys[b]!));
  }
  // Hash and index packed in one exact double (32 + 21 bits), sorted without a comparator: several times faster.
  const packed = Float64Array.from(keys, (key, i) => slotHash(key) * INDEX_LIMIT + i);
  packed.sort();
  return Array.from(packed, (v) => v % INDEX_LIMIT);
}

/**
 * Fixed map from a list of distinct 32-bit keys to their positions in the list: an open-addressing table
 * (linear probing, at most half full, keys placed in hash order so that runs never wrap around) whose
 * slots are one bit each, occupied or free. The keys sit in slot order in a dense array, and an occupied
 * slot's entry is its rank among the occupied slots (a running count per 32 slots plus a population
 * count). A list already in hash order (see hashOrder) has its positions equal to the ranks: then no
 * positions are kept, about 4.3 bytes a key; else positions take two bytes more while the list is
 * shorter than 65535, four beyond.
 */
export class KeyPositions {
  private readonly occupied: Int32Array;
  /** Occupied slots before each 32-slot word. */
  private readonly rankBefore: Uint16Array | Int32Array;
  private readonly keys: Int32Array;
  /** Position of the key of each rank; absent when every key's position is its rank. */
  private readonly positions: Uint16Array | Int32Array | undefined;
  private readonly shift: number;

  constructor(keyList: readonly number[] | KeyPositions) {
    if (keyList instanceof KeyPositions) {
      // The same table with every position equal to its rank (see inHashOrder).
      this.shift = keyList.shift;
      this.occupied = keyList.occupied;
      this.rankBefore = keyList.rankBefore;
      this.keys = keyList.keys;
      this.positions = undefined;
      return;
    }
    const bits = Math.max(5, Math.ceil(Math.log2(keyList.length / 0.5 + 1)));
    this.shift = 32 - bits;
    const order = hashOrder(keyList);
    // In hash order each key takes the first free slot from its home on, always after the previous key's.
    const slots = new Int32Array(order.length);
    let next = 0;
    order.forEach((position, rank) => {
      const at = Math.max(slotHash(keyList[position]!) >>> this.shift, next);
      slots[rank] = at;
      next = at + 1;
    });
    // At least one free slot after the last occupied one, so that every probe ends.
    const words = Math.max((1 << bits) >> 5, (next >> 5) + 1);
    this.occupied = new Int32Array(words);
    for (const at of slots) this.occupied[at >> 5]! |= 1 << (at & 31);
    const short = keyList.length < 0xffff;
    this.rankBefore = short ? new Uint16Array(words) : new Int32Array(words);
    let rank = 0;
    for (let w = 0; w < words; w++) {
      this.rankBefore[w] = rank;
      rank += popcount(this.occupied[w]!);
    }
    this.keys = Int32Array.from(order, (position) => keyList[position]!);
    this.positions = order.every((position, rank) => position === rank)
      ? undefined
      : short
        ? Uint16Array.from(order)
        : Int32Array.from(order);
  }

  /** Position of `key` in the list, or -1 when it is not there. */
  get(key: number): number {
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
    let word = this.occupied[at >> 5]!;
    if ((word & (1 << (at & 31))) === 0) return -1;
    let rank = this.rankBefore[at >> 5]! + popcount(word & ((1 << (at & 31)) - 1));
    for (;;) {
      if (this.keys[rank] === (key | 0)) return this.positions ? this.positions[rank]! : rank;
      at++;
      word = this.occupied[at >> 5]!;
      if ((word & (1 << (at & 31))) === 0) return -1;
      rank++;
    }
  }

  /**
   * Positions in hash order (see hashOrder), and the map of the list reordered so: the same table, and
   * no positions to keep.
   */
  inHashOrder(): { order: number[]; positions: KeyPositions } {
    const order = this.positions ? Array.from(this.positions) : Array.from(this.keys, (_, rank) => rank);
    return { order, positions: this.positions ? new KeyPositions(this) : this };
  }

  /** The key list again. */
  keyList(): number[] {
    const list: number[] = new Array(this.keys.length);
    this.keys.forEach((key, rank) => {
      list[this.positions ? this.positions[rank]! : rank] = key;
    });
    return list;
  }
}
