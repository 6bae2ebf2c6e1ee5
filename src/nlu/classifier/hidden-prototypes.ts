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

/** Prototypes row-major (`dimensions` wide), class by class, and how many each class has (0 without examples). */
export interface Prototypes {
  readonly rows: Float32Array;
  readonly counts: Int32Array;
}

/**
 * Prototypes of unit-length `vectors` (row-major, `dimensions` wide) labelled `ys`.
 * Seeds are evenly spaced members of each class, so the result is deterministic.
 */
export function buildPrototypes(
  vectors: Float32Array,
  ys: ArrayLike<number>,
  classes: number,
  dimensions: number,
  options: PrototypeOptions = DEFAULT_PROTOTYPE_OPTIONS,
): Prototypes {
  const D = dimensions;
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < ys.length; i++) members[ys[i]!]!.push(i);
  // Hidden vectors are ReLU layers, mostly zeros: only their non-zero dimensions are multiplied, listed
  // once here (vector i's are live[liveStart[i]] to live[liveStart[i + 1] - 1]).
  const count = ys.length;
  const liveStart = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    let m = 0;
    for (let j = i * D; j < i * D + D; j++) if (vectors[j] !== 0) m++;
    liveStart[i + 1] = liveStart[i]! + m;
  }
  const live = new Int32Array(liveStart[count]!);
  for (let i = 0, at = 0; i < count; i++) {
    for (let j = 0; j < D; j++) if (vectors[i * D + j] !== 0) live[at++] = j;
  }
  const rows: Float32Array[] = [];
  const counts = new Int32Array(classes);
  for (const [c, group] of members.entries()) {
    if (group.length === 0) continue;
    const k = Math.min(options.perClass, group.length);
    counts[c] = k;
    const centres = new Float32Array(k * D);
    for (let c = 0; c < k; c++) {
      const i = group[Math.floor((c * group.length) / k)]!;
      centres.set(vectors.subarray(i * D, i * D + D), c * D);
    }
    const sums = new Float32Array(k * D);
    for (let iteration = 0; iteration < options.iterations; iteration++) {
      sums.fill(0);
      for (const i of group) {
        const first = liveStart[i]!;
        const end = liveStart[i + 1]!;
        const row = i * D;
        let best = 0;
        let bestSimilarity = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < k; c++) {
          let s = 0;
          for (let a = first; a < end; a++) s += centres[c * D + live[a]!]! * vectors[row + live[a]!]!;
          if (s > bestSimilarity) {
            bestSimilarity = s;
            best = c;
          }
        }
        for (let a = first; a < end; a++) sums[best * D + live[a]!]! += vectors[row + live[a]!]!;
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
  return { rows: out, counts };
}

/**
 * Prototypes laid out for scoring: dimension-major, so that each of a message's non-zero dimensions (its
 * hidden vector is a ReLU layer, mostly zeros) adds to every prototype's cosine in one contiguous pass.
 */
export class PrototypeIndex {
  readonly count: number;
  private readonly byDimension: Float32Array;
  private readonly sums: Float64Array;
  private readonly live: Int32Array;
  /** Class c's prototypes are rows classStart[c] to classStart[c + 1] - 1 (empty without counts). */
  private readonly classStart: Int32Array;

  /**
   * `rows`: prototypes row-major, `dimensions` wide, and `counts`: how many each class has, in class order
   * (as buildPrototypes gives them). Without counts only nearestSimilarity over all prototypes is possible.
   */
  constructor(
    private readonly rowMajor: Float32Array,
    readonly dimensions: number,
    readonly counts: Int32Array = new Int32Array(0),
  ) {
    const rows = rowMajor;
    const D = dimensions;
    this.count = D > 0 ? Math.floor(rows.length / D) : 0;
    this.classStart = new Int32Array(counts.length + 1);
    for (let c = 0; c < counts.length; c++) this.classStart[c + 1] = this.classStart[c]! + counts[c]!;
    if (counts.length > 0 && this.classStart[counts.length] !== this.count)
      throw new Error('prototypes: counts do not add up to the rows');
    this.byDimension = new Float32Array(this.count * D);
    for (let p = 0; p < this.count; p++) {
      for (let j = 0; j < D; j++) this.byDimension[j * this.count + p] = rows[p * D + j]!;
    }
    this.sums = new Float64Array(this.count);
    this.live = new Int32Array(D);
  }

  /** The prototypes row-major (for the model's state). */
  rows(): Float32Array {
    return this.rowMajor;
  }

  /**
   * Cosine of a unit vector to the nearest prototype of the given classes: a message's likely classes
   * (its top three) hold its nearest prototype as good as always, at a fraction of the cost of all of
   * them. Falls back to every prototype when the index has no class counts.
   */
  nearestSimilarityAmong(unit: ArrayLike<number>, classes: ArrayLike<number>): number {
    if (this.counts.length === 0) return this.nearestSimilarity(unit);
    const D = this.dimensions;
    const { live, rowMajor } = this;
    let m = 0;
    for (let j = 0; j < D; j++) if (unit[j] !== 0) live[m++] = j;
    let best = 0;
    for (let k = 0; k < classes.length; k++) {
      const c = classes[k]!;
      if (c < 0 || c >= this.counts.length) continue;
      for (let p = this.classStart[c]!; p < this.classStart[c + 1]!; p++) {
        const base = p * D;
        let s = 0;
        for (let a = 0; a < m; a++) s += unit[live[a]!]! * rowMajor[base + live[a]!]!;
        if (s > best) best = s;
      }
    }
    return best;
  }

  /** Cosine of a unit vector (`dimensions` long) to its nearest prototype (0 when there are none). */
  nearestSimilarity(unit: ArrayLike<number>): number {
    const P = this.count;
    const { sums, live } = this;
    const table = this.byDimension;
    let m = 0;
    for (let j = 0; j < this.dimensions; j++) if (unit[j] !== 0) live[m++] = j;
    sums.fill(0);
    // Four dimensions per pass over the prototypes, so that the sums are read and written a quarter as often.
    let a = 0;
    for (; a + 3 < m; a += 4) {
      const j0 = live[a]!;
      const j1 = live[a + 1]!;
      const j2 = live[a + 2]!;
      const j3 = live[a + 3]!;
      const u0 = unit[j0]!;
      const u1 = unit[j1]!;
      const u2 = unit[j2]!;
      const u3 = unit[j3]!;
      const b0 = j0 * P;
      const b1 = j1 * P;
      const b2 = j2 * P;
      const b3 = j3 * P;
      for (let p = 0; p < P; p++) {
        sums[p]! += u0 * table[b0 + p]! + u1 * table[b1 + p]! + u2 * table[b2 + p]! + u3 * table[b3 + p]!;
      }
    }
    for (; a < m; a++) {
      const j = live[a]!;
      const u = unit[j]!;
      const base = j * P;
      for (let p = 0; p < P; p++) sums[p]! += u * table[base + p]!;
    }
    let best = 0;
    for (let p = 0; p < P; p++) if (sums[p]! > best) best = sums[p]!;
    return best;
  }
}
