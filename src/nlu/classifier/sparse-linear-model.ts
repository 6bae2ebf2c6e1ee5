import { quantiseRows } from './row-quantisation.js';
import type { LinearModel } from './softmax-regression.js';
import type { SparseVector } from './sparse-vector.js';
import { typedArrayFromBase64, typedArrayToBase64 } from './typed-array-base64.js';

/**
 * A trained linear model as it is kept for scoring: per feature, only the classes whose weight is not
 * zero, each weight one byte (see row-quantisation.ts). The hinge updates two classes per step, so most of
 * a feature's class weights never move from zero (80% on BANKING77, 83% on HWU64): this keeps about a
 * tenth of the dense Float32 model's memory and scores a message faster.
 */
export interface SparseLinearModel {
  readonly classes: number;
  readonly features: number;
  /** Feature f's weights are entries rowStart[f] to rowStart[f + 1] - 1. */
  readonly rowStart: Int32Array;
  /** Class of each entry: bytes when there are at most 256 classes. */
  readonly classOf: Uint8Array | Uint16Array;
  readonly values: Int8Array;
  /** Per feature: the weight that one step of a value stands for. */
  readonly rowScale: Float32Array;
  readonly bias: Float32Array;
}

/** A SparseLinearModel as JSON-able data (arrays base64-encoded). */
export interface SparseLinearState {
  readonly rowStart: string;
  readonly classOf: string;
  readonly values: string;
  readonly rowScale: string;
  readonly bias: number[];
}

const classIndexArray = (classes: number) => (classes <= 256 ? Uint8Array : Uint16Array);

export function sparseLinearModel(model: LinearModel): SparseLinearModel {
  const C = model.classes;
  const { values: quantised, scales } = quantiseRows(model.weights, C);
  let entries = 0;
  for (const q of quantised) if (q !== 0) entries++;
  const rowStart = new Int32Array(model.features + 1);
  const classOf = new (classIndexArray(C))(entries);
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
  return {
    classes: C,
    features: model.features,
    rowStart,
    classOf,
    values,
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
  const { rowStart, classOf, values, rowScale, bias } = model;
  for (let c = 0; c < model.classes; c++) out[c] = bias[c]!;
  for (let k = 0; k < x.idx.length; k++) {
    const f = x.idx[k]!;
    const v = x.val[k]! * rowScale[f]!;
    const end = rowStart[f + 1]!;
    for (let j = rowStart[f]!; j < end; j++) out[classOf[j]!]! += v * values[j]!;
  }
  return out;
}

export function sparseLinearToState(model: SparseLinearModel): SparseLinearState {
  return {
    rowStart: typedArrayToBase64(model.rowStart),
    classOf: typedArrayToBase64(model.classOf),
    values: typedArrayToBase64(model.values),
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
  const model: SparseLinearModel = {
    classes,
    features,
    rowStart: typedArrayFromBase64(state.rowStart, Int32Array),
    classOf:
      classes <= 256
        ? typedArrayFromBase64(state.classOf, Uint8Array)
        : typedArrayFromBase64(state.classOf, Uint16Array),
    values: typedArrayFromBase64(state.values, Int8Array),
    rowScale: typedArrayFromBase64(state.rowScale, Float32Array),
    bias: Float32Array.from(state.bias),
  };
  const { rowStart, classOf, values } = model;
  let ordered = rowStart[0] === 0;
  for (let f = 0; f < features && ordered; f++) ordered = rowStart[f]! <= rowStart[f + 1]!;
  if (
    !ordered ||
    rowStart.length !== features + 1 ||
    rowStart[features] !== values.length ||
    classOf.length !== values.length ||
    classOf.some((c) => c >= classes) ||
    model.rowScale.length !== features ||
    model.bias.length !== classes
  )
    throw new Error('classifier state: weight size mismatch');
  return model;
}
