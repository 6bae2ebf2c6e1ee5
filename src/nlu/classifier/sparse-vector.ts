/** A sparse feature vector: parallel arrays of feature indices and weights. */
export interface SparseVector {
  readonly idx: Int32Array;
  readonly val: Float32Array;
}

/**
 * Hands out sparse vectors as views into a few large buffers. Vectorising a training set then makes
 * one allocation per 64k entries instead of two per example, which spares the garbage collector (on
 * BANKING77 it took about a quarter of the vectorising time) and keeps the examples close in memory.
 */
export class SparseVectorArena {
  private idx = new Int32Array(0);
  private val = new Float32Array(0);
  private used = 0;

  allocate(length: number): SparseVector {
    if (this.used + length > this.idx.length) {
      const size = Math.max(length, 1 << 16);
      this.idx = new Int32Array(size);
      this.val = new Float32Array(size);
      this.used = 0;
    }
    const start = this.used;
    this.used += length;
    return { idx: this.idx.subarray(start, this.used), val: this.val.subarray(start, this.used) };
  }
}

/** Dot product of two sparse vectors whose indices are sorted ascending. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const ai = a.idx[i]!;
    const bj = b.idx[j]!;
    if (ai === bj) {
      sum += a.val[i]! * b.val[j]!;
      i++;
      j++;
    } else if (ai < bj) i++;
    else j++;
  }
  return sum;
}
