/** A sparse feature vector: parallel arrays of feature indices and weights. */
export interface SparseVector {
  readonly idx: Int32Array;
  readonly val: Float32Array;
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
