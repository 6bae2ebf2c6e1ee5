/**
 * Ascending offsets into a byte stream (entry i = where row i starts; one more entry than rows), kept in
 * two bytes each: an Int32 start per block of 2^blockBits rows, and each row's offset from its block's
 * start. Half the memory of an Int32Array of offsets; reading one costs one more array access.
 */
export class BlockOffsets {
  readonly blockBits: number;
  readonly blockStart: Int32Array;
  readonly relative: Uint16Array;

  /** `offsets` ascending; no row may be longer than `maxRowBytes`. */
  constructor(offsets: ArrayLike<number>, maxRowBytes: number) {
    // A block's rows then span at most 65535 bytes, so that every relative offset fits two bytes.
    const bits = Math.floor(Math.log2(0xffff / Math.max(1, maxRowBytes)));
    this.blockBits = Math.max(0, Math.min(16, bits));
    this.blockStart = new Int32Array((Math.max(0, offsets.length - 1) >> this.blockBits) + 1);
    this.relative = new Uint16Array(offsets.length);
    for (let i = 0; i < offsets.length; i++) {
      const block = i >> this.blockBits;
      if ((i & ((1 << this.blockBits) - 1)) === 0) this.blockStart[block] = offsets[i]!;
      const relative = offsets[i]! - this.blockStart[block]!;
      if (relative > 0xffff) throw new Error('block offsets: a row is longer than allowed');
      this.relative[i] = relative;
    }
  }

  /** Number of offsets (rows + 1). */
  get length(): number {
    return this.relative.length;
  }

  at(i: number): number {
    return this.blockStart[i >> this.blockBits]! + this.relative[i]!;
  }
}
