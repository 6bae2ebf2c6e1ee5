import { type HiddenLayerOptions, trainHiddenLayerNetwork } from './hidden-layer-network.js';
import { buildPrototypes, normaliseInPlace, PrototypeIndex } from './hidden-prototypes.js';
import {
  type QuantisedNetwork,
  quantisedHiddenLayer,
  quantisedNetworkScores,
  quantiseNetwork,
} from './quantised-network.js';
import { type SparseLinearModel, sparseLinearScores } from './sparse-linear-model.js';
import type { SparseVector } from './sparse-vector.js';
import { typedArrayFromBase64, typedArrayToBase64 } from './typed-array-base64.js';

/** The network part of a classifier and the coefficients that mix its scores with the linear model's. */
export interface NetworkMix {
  readonly network: QuantisedNetwork;
  readonly linearCoefficient: number;
  readonly networkCoefficient: number;
  /** Class prototypes in the hidden space (see hidden-prototypes.ts). */
  readonly prototypes: PrototypeIndex;
}

/** A NetworkMix as JSON-able data. */
export interface NetworkMixState {
  readonly hidden: number;
  readonly input: string;
  readonly inputScale: string;
  readonly inputBias: number[];
  readonly output: string;
  readonly outputBias: number[];
  readonly linearCoefficient: number;
  readonly networkCoefficient: number;
  readonly prototypes: string;
  readonly prototypeCounts: number[];
}

/** `weight` is the network's share of the mixed (standardised) scores, 0–1. */
export type NetworkMixOptions = HiddenLayerOptions & { readonly weight: number };

/** Examples used to measure score scales: every k-th, at most about this many. */
const SCALE_SAMPLE = 2000;

/** The k of "every k-th example" that measures score scales among `examples`. */
export function scaleStride(examples: number): number {
  return Math.max(1, Math.floor(examples / SCALE_SAMPLE));
}

/** Root mean square of the scores it is given (1 when they are all zero, or none). */
export class ScoreScale {
  private sum = 0;
  private count = 0;

  add(scores: ArrayLike<number>): void {
    for (let c = 0; c < scores.length; c++) this.sum += scores[c]! * scores[c]!;
    this.count += scores.length;
  }

  get value(): number {
    return this.count > 0 && this.sum > 0 ? Math.sqrt(this.sum / this.count) : 1;
  }
}

/**
 * Trains the network beside an already trained linear model; each model's scores are divided by their
 * typical size on the training data before mixing, so that `weight` means the same whatever the data set.
 * Scales and prototypes are measured on the quantised network, the one that will score messages.
 */
export function trainNetworkMix(
  xs: readonly SparseVector[],
  ys: ArrayLike<number>,
  model: SparseLinearModel,
  options: NetworkMixOptions,
): NetworkMix {
  const network = quantiseNetwork(trainHiddenLayerNetwork(xs, ys, model.classes, model.features, options));
  const linearScratch = new Float64Array(model.classes);
  const networkScratch = new Float64Array(model.classes);
  const hidden = new Float64Array(network.hidden);
  const stride = scaleStride(xs.length);
  const linearScale = new ScoreScale();
  for (let i = 0; i < xs.length; i += stride)
    linearScale.add(sparseLinearScores(model, xs[i]!, linearScratch));
  // One pass for the hidden vectors and, on the sampled examples, the network's scores.
  const networkScale = new ScoreScale();
  const hiddenVectors = new Float32Array(xs.length * network.hidden);
  xs.forEach((x, i) => {
    if (i % stride === 0) networkScale.add(quantisedNetworkScores(network, x, networkScratch, hidden));
    else quantisedHiddenLayer(network, x, hidden);
    normaliseInPlace(hidden);
    hiddenVectors.set(hidden, i * network.hidden);
  });
  const prototypes = buildPrototypes(hiddenVectors, ys, model.classes, network.hidden);
  return {
    network,
    linearCoefficient: (1 - options.weight) / linearScale.value,
    networkCoefficient: options.weight / networkScale.value,
    prototypes: new PrototypeIndex(prototypes.rows, network.hidden, prototypes.counts),
  };
}

export function networkMixToState(mix: NetworkMix): NetworkMixState {
  return {
    hidden: mix.network.hidden,
    input: typedArrayToBase64(mix.network.input),
    inputScale: typedArrayToBase64(mix.network.inputScale),
    inputBias: Array.from(mix.network.inputBias),
    output: typedArrayToBase64(mix.network.output),
    outputBias: Array.from(mix.network.outputBias),
    linearCoefficient: mix.linearCoefficient,
    networkCoefficient: mix.networkCoefficient,
    prototypes: typedArrayToBase64(mix.prototypes.rows()),
    prototypeCounts: Array.from(mix.prototypes.counts),
  };
}

/** Restores a mix for a linear model of the given shape; throws when the sizes do not fit. */
export function networkMixFromState(
  state: NetworkMixState,
  shape: { readonly classes: number; readonly features: number },
): NetworkMix {
  const network: QuantisedNetwork = {
    classes: shape.classes,
    features: shape.features,
    hidden: state.hidden,
    input: typedArrayFromBase64(state.input, Uint8Array),
    inputScale: typedArrayFromBase64(state.inputScale, Float32Array),
    inputBias: Float32Array.from(state.inputBias),
    output: typedArrayFromBase64(state.output, Float32Array),
    outputBias: Float32Array.from(state.outputBias),
  };
  const prototypes = typedArrayFromBase64(state.prototypes, Float32Array);
  const counts = Int32Array.from(state.prototypeCounts ?? []);
  if (
    prototypes.length % network.hidden !== 0 ||
    counts.length !== network.classes ||
    counts.reduce((n, k) => n + k, 0) * network.hidden !== prototypes.length ||
    network.input.length !== network.features * Math.ceil(network.hidden / 2) ||
    network.inputScale.length !== network.features ||
    network.output.length !== network.classes * network.hidden ||
    network.inputBias.length !== network.hidden ||
    network.outputBias.length !== network.classes
  )
    throw new Error('classifier state: network weight size mismatch');
  return {
    network,
    linearCoefficient: state.linearCoefficient,
    networkCoefficient: state.networkCoefficient,
    prototypes: new PrototypeIndex(prototypes, network.hidden, counts),
  };
}
