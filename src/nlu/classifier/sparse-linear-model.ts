import { BlockOffsets } from './block-offsets.js';
import { quantiseRows } from './row-quantisation.js';
import type { LinearModel } from './softmax-regression.js';
import type { SparseVector } from './sparse-vector.js';
import { typedArrayFromBase64, typedArrayToBase64 } from './typed-array-base64.js';

/**
 * A trained linear model as it is kept for scoring: per feature, only the classes whose weight is not
 * zero, each weight one byte (see row-quantisation.ts). The hinge updates two classes per step, so most of
 * a feature's class weights never move from zero (80% on BANKING77, 83% on HWU64).
 *
 * Feature f's row is the bytes rows[offsets.at(f)] to rows[offsets.at(f + 1) - 1]: first which classes
 * it has, then their weights (one signed byte each, classes ascending). Which classes: a list of class
 * indices (one byte each, two little-endian bytes beyond 256 classes) while that is shorter than a bitmap
 * of all classes, else the bitmap (bit c of byte c >> 3 for class c); and a row that would take as many
 * bytes as all classes' weights holds just those, zeros included (a zero adds nothing to a score, and
 * such rows, of the commonest features, are scored fastest so). Rare features name few classes, common
 * ones most: on BANKING77 this halves the memory of class indices.
 */
export interface SparseLinearModel {
  readonly classes: number;
  readonly features: number;
  readonly layout: RowLayout;
  readonly offsets: BlockOffsets;
  readonly rows: Uint8Array;
  /** The same bytes as `rows`, signed (weights). */
  readonly weights: Int8Array;
  /** Per feature: the weight that one step of a value stands for. */
  readonly rowScale: Float32Array;
  readonly bias: Float32Array;
}

/** A SparseLinearModel as JSON-able data (arrays base64-encoded): plain lists of entries per feature. */
export interface SparseLinearState {
  /** Feature f's entries are rowStart[f] to rowStart[f + 1] - 1 (Int32). */
  readonly rowStart: string;
  /** Class of each entry: bytes when there are at most 256 classes, else Uint16. */
  readonly classOf: string;
  /** Int8 weight of each entry. */
  readonly values: string;
  readonly rowScale: string;
  readonly bias: number[];
}

/** How a row of n entries is laid out, for a given number of classes. */
export interface RowLayout {
  /** Bytes per class index in a list. */
  readonly classBytes: 1 | 2;
  readonly bitmapBytes: number;
  /** Rows of at most this many bytes are lists; longer rows start with a bitmap. */
  readonly listLimit: number;
}

export function rowLayout(classes: number): RowLayout {
  const classBytes = classes <= 256 ? 1 : 2;
  const bitmapBytes = Math.ceil(classes / 8);
  return { classBytes, bitmapBytes, listLimit: Math.floor(bitmapBytes / classBytes) * (classBytes + 1) };
}

type RowKind = 'list' | 'bitmap' | 'dense';

function rowKind(layout: RowLayout, classes: number, n: number): RowKind {
  if (n * layout.classBytes <= layout.bitmapBytes) return 'list';
  // A dense row must be longer than any list, to be told apart by its length (not so with two classes).
  return layout.bitmapBytes + n < classes || classes <= layout.listLimit ? 'bitmap' : 'dense';
}

/** Bytes of a row of `n` entries (see SparseLinearModel). */
function rowBytes(layout: RowLayout, classes: number, n: number): number {
  const kind = rowKind(layout, classes, n);
  if (kind === 'list') return n * (layout.classBytes + 1);
  return kind === 'bitmap' ? layout.bitmapBytes + n : classes;
}

/**
 * Packs per-feature entry lists (feature f: entries rowStart[f] to rowStart[f + 1] - 1, classes
 * ascending) into the model's rows.
 */
function packRows(
  classes: number,
  rowStart: ArrayLike<number>,
  classOf: ArrayLike<number>,
  values: ArrayLike<number>,
): { layout: RowLayout; offsets: BlockOffsets; rows: Uint8Array } {
  const layout = rowLayout(classes);
  const features = rowStart.length - 1;
  const offsets = new Int32Array(features + 1);
  for (let f = 0; f < features; f++)
    offsets[f + 1] = offsets[f]! + rowBytes(layout, classes, rowStart[f + 1]! - rowStart[f]!);
  // Three spare bytes at the end: scoring reads a bitmap four bytes at a time.
  const rows = new Uint8Array(offsets[features]! + 3);
  const weights = new Int8Array(rows.buffer);
  for (let f = 0; f < features; f++) {
    const first = rowStart[f]!;
    const n = rowStart[f + 1]! - first;
    let at = offsets[f]!;
    const kind = rowKind(layout, classes, n);
    if (kind === 'dense') {
      for (let e = first; e < first + n; e++) weights[at + classOf[e]!] = values[e]!;
      continue;
    }
    if (kind === 'list') {
      for (let e = first; e < first + n; e++) {
        rows[at++] = classOf[e]! & 0xff;
        if (layout.classBytes === 2) rows[at++] = classOf[e]! >> 8;
      }
    } else {
      for (let e = first; e < first + n; e++) rows[at + (classOf[e]! >> 3)]! |= 1 << (classOf[e]! & 7);
      at += layout.bitmapBytes;
    }
    for (let e = first; e < first + n; e++) weights[at++] = values[e]!;
  }
  return { layout, offsets: new BlockOffsets(offsets, layout.bitmapBytes + classes), rows };
}

/** Calls `visit` with the class of each of a row's entries (classes ascending) and where its weight is. */
function forEachEntry(
  model: SparseLinearModel,
  f: number,
  visit: (c: number, weightAt: number) => void,
): void {
  const { classBytes, bitmapBytes, listLimit } = model.layout;
  const start = model.offsets.at(f);
  const size = model.offsets.at(f + 1) - start;
  const { rows } = model;
  if (size <= listLimit) {
    const n = size / (classBytes + 1);
    for (let i = 0; i < n; i++) {
      const at = start + i * classBytes;
      visit(classBytes === 1 ? rows[at]! : rows[at]! | (rows[at + 1]! << 8), start + n * classBytes + i);
    }
    return;
  }
  if (size === model.classes) {
    for (let c = 0; c < model.classes; c++) if (model.weights[start + c] !== 0) visit(c, start + c);
    return;
  }
  let w = start + bitmapBytes;
  for (let b = 0; b < bitmapBytes; b++) {
    for (let bit = 0; bit < 8; bit++) if (rows[start + b]! & (1 << bit)) visit(b * 8 + bit, w++);
  }
}

export function sparseLinearModel(model: LinearModel): SparseLinearModel {
  const C = model.classes;
  const { values: quantised, scales } = quantiseRows(model.weights, C);
  let entries = 0;
  for (const q of quantised) if (q !== 0) entries++;
  const rowStart = new Int32Array(model.features + 1);
  const classOf = new Int32Array(entries);
  const values = new Int8Array(entries);
  let at = 0;
  for (let f = 0; f < model.features; f++) {
    rowStart[f] = at;
    for (let c = 0; c < C; c++) {
      const q = quantised[f * C + c]!;
      if (q === 0) continue;
      classOf[at] = c;
      values[at++] = q;
    }
  }
  rowStart[model.features] = at;
  const packed = packRows(C, rowStart, classOf, values);
  return {
    classes: C,
    features: model.features,
    ...packed,
    weights: new Int8Array(packed.rows.buffer),
    rowScale: scales,
    bias: model.bias,
  };
}

/** Raw class scores (logits) of one vector. */
export function sparseLinearScores(
  model: SparseLinearModel,
  x: SparseVector,
  out: Float64Array = new Float64Array(model.classes),
): Float64Array {
  const { rows, weights, rowScale, bias, classes: C } = model;
  const { classBytes, bitmapBytes, listLimit } = model.layout;
  const { blockBits, blockStart, relative } = model.offsets;
  for (let c = 0; c < C; c++) out[c] = bias[c]!;
  for (let k = 0; k < x.idx.length; k++) {
    const f = x.idx[k]!;
    const v = x.val[k]! * rowScale[f]!;
    const start = blockStart[f >> blockBits]! + relative[f]!;
    const size = blockStart[(f + 1) >> blockBits]! + relative[f + 1]! - start;
    if (size <= listLimit) {
      if (classBytes === 1) {
        const n = size >> 1;
        for (let i = 0; i < n; i++) out[rows[start + i]!]! += v * weights[start + n + i]!;
      } else {
        const n = size / 3;
        for (let i = 0; i < n; i++) {
          const c = rows[start + 2 * i]! | (rows[start + 2 * i + 1]! << 8);
          out[c]! += v * weights[start + 2 * n + i]!;
        }
      }
      continue;
    }
    if (size === C) {
      for (let c = 0; c < C; c++) out[c]! += v * weights[start + c]!;
      continue;
    }
    // The bitmap read 32 classes at a time; bytes past its end are masked off.
    let w = start + bitmapBytes;
    for (let b = 0; b < bitmapBytes; b += 4) {
      const at = start + b;
      let bits = rows[at]! | (rows[at + 1]! << 8) | (rows[at + 2]! << 16) | (rows[at + 3]! << 24);
      if (b + 4 > bitmapBytes) bits &= (1 << ((bitmapBytes - b) << 3)) - 1;
      while (bits !== 0) {
        const lowest = bits & -bits;
        out[(b << 3) + 31 - Math.clz32(lowest)]! += v * weights[w++]!;
        bits ^= lowest;
      }
    }
  }
  return out;
}

export function sparseLinearToState(model: SparseLinearModel): SparseLinearState {
  const rowStart = new Int32Array(model.features + 1);
  const classOf: number[] = [];
  const values: number[] = [];
  for (let f = 0; f < model.features; f++) {
    forEachEntry(model, f, (c, weightAt) => {
      classOf.push(c);
      values.push(model.weights[weightAt]!);
    });
    rowStart[f + 1] = classOf.length;
  }
  return {
    rowStart: typedArrayToBase64(rowStart),
    classOf: typedArrayToBase64(model.classes <= 256 ? Uint8Array.from(classOf) : Uint16Array.from(classOf)),
    values: typedArrayToBase64(Int8Array.from(values)),
    rowScale: typedArrayToBase64(model.rowScale),
    bias: Array.from(model.bias),
  };
}

/** Restores a model of the given shape; throws when the arrays do not fit it. */
export function sparseLinearFromState(
  state: SparseLinearState,
  shape: { readonly classes: number; readonly features: number },
): SparseLinearModel {
  const { classes, features } = shape;
  const rowStart = typedArrayFromBase64(state.rowStart, Int32Array);
  const classOf =
    classes <= 256
      ? typedArrayFromBase64(state.classOf, Uint8Array)
      : typedArrayFromBase64(state.classOf, Uint16Array);
  const values = typedArrayFromBase64(state.values, Int8Array);
  const rowScale = typedArrayFromBase64(state.rowScale, Float32Array);
  const bias = Float32Array.from(state.bias);
  let valid =
    rowStart.length === features + 1 &&
    rowStart[0] === 0 &&
    rowStart[features] === values.length &&
    classOf.length === values.length &&
    rowScale.length === features &&
    bias.length === classes;
  // Within a row, classes strictly ascending (each at most once) and below `classes`.
  for (let f = 0; f < features && valid; f++) {
    valid = rowStart[f]! <= rowStart[f + 1]!;
    for (let e = rowStart[f]!; e < rowStart[f + 1]! && valid; e++) {
      valid = classOf[e]! < classes && (e === rowStart[f] || classOf[e]! > classOf[e - 1]!);
    }
  }
  if (!valid) throw new Error('classifier state: weight size mismatch');
  const packed = packRows(classes, rowStart, classOf, values);
  return {
    classes,
    features,
    ...packed,
    weights: new Int8Array(packed.rows.buffer),
    rowScale,
    bias,
  };
}

/** The model with its feature rows reordered: row i of the result is row order[i] of `model`. */
export function permuteSparseLinearRows(
  model: SparseLinearModel,
  order: readonly number[],
): SparseLinearModel {
  const offsets = new Int32Array(model.features + 1);
  order.forEach((f, i) => {
    offsets[i + 1] = offsets[i]! + model.offsets.at(f + 1) - model.offsets.at(f);
  });
  const rows = new Uint8Array(model.rows.length);
  order.forEach((f, i) => {
    const from = model.offsets.at(f);
    const to = offsets[i]!;
    for (let b = 0; b < offsets[i + 1]! - to; b++) rows[to + b] = model.rows[from + b]!;
  });
  return {
    ...model,
    offsets: new BlockOffsets(offsets, model.layout.bitmapBytes + model.classes),
    rows,
    weights: new Int8Array(rows.buffer),
    rowScale: Float32Array.from(order, (f) => model.rowScale[f]!),
  };
}
