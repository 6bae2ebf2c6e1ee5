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
 * Open-addressing hash set of 32-bit integers in one typed array (0 marks a free slot; the key 0 itself is
 * kept in a flag). Fixed size: room for the `size` given, at most 70% full.
 */
export class Int32Set {
  private readonly slots: Int32Array;
  private readonly shift: number;
  private hasZero = false;

  constructor(keys: readonly number[]) {
    const bits = Math.max(3, Math.ceil(Math.log2(keys.length / 0.7 + 1)));
    this.shift = 32 - bits;
    this.slots = new Int32Array(1 << bits);
    for (const key of keys) this.add(key);
  }

  private add(key: number): void {
    if ((key | 0) === 0) {
      this.hasZero = true;
      return;
    }
    const mask = this.slots.length - 1;
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.slots[at] !== 0 && this.slots[at] !== (key | 0)) at = (at + 1) & mask;
    this.slots[at] = key;
  }

  has(key: number): boolean {
    if ((key | 0) === 0) return this.hasZero;
    const mask = this.slots.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const slot = this.slots[at]!;
      if (slot === 0) return false;
      if (slot === (key | 0)) return true;
    }
  }

  /** The keys, in no particular order. */
  keys(): number[] {
    const keys: number[] = this.hasZero ? [0] : [];
    for (const slot of this.slots) if (slot !== 0) keys.push(slot);
    return keys;
  }
}

/**
 * Fixed map from a list of distinct 32-bit keys to their positions in the list. Positions take two bytes
 * each while the list is shorter than 65535 (a model's vocabulary usually is), else four.
 */
export class KeyPositions {
  private readonly keys: Int32Array;
  private readonly positions: Uint16Array | Int32Array;
  private readonly empty: number;
  private readonly shift: number;

  constructor(keyList: readonly number[]) {
    const bits = Math.max(3, Math.ceil(Math.log2(keyList.length / 0.7 + 1)));
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits);
    const short = keyList.length < 0xffff;
    this.empty = short ? 0xffff : -1;
    this.positions = short ? new Uint16Array(1 << bits).fill(0xffff) : new Int32Array(1 << bits).fill(-1);
    const mask = this.keys.length - 1;
    keyList.forEach((key, position) => {
      let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.positions[at] !== this.empty) at = (at + 1) & mask;
      this.keys[at] = key;
      this.positions[at] = position;
    });
  }

  /** Position of `key` in the list, or -1 when it is not there. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const position = this.positions[at]!;
      if (position === this.empty) return -1;
      if (this.keys[at] === (key | 0)) return position;
    }
  }

  /** The key list again. */
  keyList(): number[] {
    const list: number[] = [];
    this.positions.forEach((position, at) => {
      if (position !== this.empty) list[position] = this.keys[at]!;
    });
    return list;
  }
}
