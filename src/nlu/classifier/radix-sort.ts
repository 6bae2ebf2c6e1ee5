/** Per-byte bucket counts of up to four byte positions, shared (sorting is never re-entered). */
const counts = new Int32Array(4 * 256);

/** Below this many values insertion sort is faster than counting buckets. */
const SMALL = 24;

/**
 * Sorts values[0] to values[n - 1] ascending; they must be non-negative. Least-significant-byte radix
 * sort, one pass per byte the largest value needs (two for up to 65,535): several times faster than
 * TypedArray.prototype.sort on the few hundred feature indices of a message. `scratch` holds at least n.
 */
export function sortNonNegativeInPlace(values: Int32Array, n: number, scratch: Int32Array): void {
  if (n < SMALL) {
    for (let i = 1; i < n; i++) {
      const v = values[i]!;
      let j = i - 1;
      while (j >= 0 && values[j]! > v) {
        values[j + 1] = values[j]!;
        j--;
      }
      values[j + 1] = v;
    }
    return;
  }
  let max = 0;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  let bytes = 1;
  while (bytes < 4 && max >>> (8 * bytes) !== 0) bytes++;
  counts.fill(0, 0, bytes * 256);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    for (let b = 0; b < bytes; b++) counts[b * 256 + ((v >>> (8 * b)) & 255)]!++;
  }
  for (let b = 0; b < bytes; b++) {
    let sum = 0;
    for (let d = b * 256; d < b * 256 + 256; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
  }
  let from = values;
  let to = scratch;
  for (let b = 0; b < bytes; b++) {
    const shift = 8 * b;
    const base = b * 256;
    for (let i = 0; i < n; i++) {
      const v = from[i]!;
      to[counts[base + ((v >>> shift) & 255)]!++] = v;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== values) for (let i = 0; i < n; i++) values[i] = from[i]!;
}
