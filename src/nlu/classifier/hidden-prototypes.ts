/**
 * Class prototypes in the hidden layer's space: a few unit vectors per class found by spherical k-means
 * over the training examples' hidden vectors. A message far from every prototype is unlike anything
 * trained, which tells out-of-scope messages apart better than the top probability alone.
 */
export interface PrototypeOptions {
  readonly perClass: number;
  readonly iterations: number;
}

export const DEFAULT_PROTOTYPE_OPTIONS: PrototypeOptions = { perClass: 8, iterations: 5 };

/** Scales `v` to unit length in place (a zero vector stays zero). */
export function normaliseInPlace(v: Float64Array | Float32Array): void {
  let norm = 0;
  for (let j = 0; j < v.length; j++) norm += v[j]! * v[j]!;
  if (norm === 0) return;
  const inverse = 1 / Math.sqrt(norm);
  for (let j = 0; j < v.length; j++) v[j]! *= inverse;
}

function dot(a: Float32Array, aOffset: number, b: ArrayLike<number>, bOffset: number, length: number) {
  let s = 0;
  for (let j = 0; j < length; j++) s += a[aOffset + j]! * b[bOffset + j]!;
  return s;
}

/**
 * Prototypes (row-major, `dimensions` wide) of unit-length `vectors` (row-major too) labelled `ys`.
 * Seeds are evenly spaced members of each class, so the result is deterministic.
 */
export function buildPrototypes(
  vectors: Float32Array,
  ys: ArrayLike<number>,
  classes: number,
  dimensions: number,
  options: PrototypeOptions = DEFAULT_PROTOTYPE_OPTIONS,
): Float32Array {
  const D = dimensions;
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < ys.length; i++) members[ys[i]!]!.push(i);
  const rows: Float32Array[] = [];
  for (const group of members) {
    if (group.length === 0) continue;
    const k = Math.min(options.perClass, group.length);
    const centres = new Float32Array(k * D);
    for (let c = 0; c < k; c++) {
      const i = group[Math.floor((c * group.length) / k)]!;
      centres.set(vectors.subarray(i * D, i * D + D), c * D);
    }
    const sums = new Float32Array(k * D);
    for (let iteration = 0; iteration < options.iterations; iteration++) {
      sums.fill(0);
      for (const i of group) {
        let best = 0;
        let bestSimilarity = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < k; c++) {
          const s = dot(centres, c * D, vectors, i * D, D);
          if (s > bestSimilarity) {
            bestSimilarity = s;
            best = c;
          }
        }
        for (let j = 0; j < D; j++) sums[best * D + j]! += vectors[i * D + j]!;
      }
      for (let c = 0; c < k; c++) {
        const sum = sums.subarray(c * D, c * D + D);
        if (sum.some((v) => v !== 0)) {
          normaliseInPlace(sum);
          centres.set(sum, c * D);
        }
      }
    }
    rows.push(centres);
  }
  const out = new Float32Array(rows.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of rows) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}

/** Cosine of a unit vector to its nearest prototype (0 when there are none). */
export function nearestPrototypeSimilarity(prototypes: Float32Array, unit: ArrayLike<number>): number {
  const D = unit.length;
  let best = 0;
  for (let at = 0; at + D <= prototypes.length; at += D) {
    const s = dot(prototypes, at, unit, 0, D);
    if (s > best) best = s;
  }
  return best;
}
