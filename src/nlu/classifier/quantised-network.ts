import { type HiddenLayerNetwork, reluAndOutput } from './hidden-layer-network.js';
import { quantiseRows } from './row-quantisation.js';
import type { SparseVector } from './sparse-vector.js';

/**
 * A trained hidden-layer network as it is kept for scoring: input weights one byte each with a scale per
 * feature (see row-quantisation.ts), a quarter of their Float32 memory. The small output layer stays Float32.
 */
export interface QuantisedNetwork {
  readonly classes: number;
  readonly features: number;
  readonly hidden: number;
  /** Feature-major (`input[f * hidden + j]`), in steps of `inputScale[f]`. */
  readonly input: Int8Array;
  readonly inputScale: Float32Array;
  readonly inputBias: Float32Array;
  /** Class-major (`output[c * hidden + j]`). */
  readonly output: Float32Array;
  readonly outputBias: Float32Array;
}

export function quantiseNetwork(network: HiddenLayerNetwork): QuantisedNetwork {
  const { values, scales } = quantiseRows(network.input, network.hidden);
  return {
    classes: network.classes,
    features: network.features,
    hidden: network.hidden,
    input: values,
    inputScale: scales,
    inputBias: network.inputBias,
    output: network.output,
    outputBias: network.outputBias,
  };
}

/** Class scores of one vector; `hidden` is scratch space of the network's hidden size (left holding the ReLU layer). */
export function quantisedNetworkScores(
  network: QuantisedNetwork,
  x: SparseVector,
  out: Float64Array = new Float64Array(network.classes),
  hidden: Float64Array = new Float64Array(network.hidden),
): Float64Array {
  const H = network.hidden;
  const { input, inputScale } = network;
  const h = hidden;
  for (let j = 0; j < H; j++) h[j] = network.inputBias[j]!;
  const { idx, val } = x;
  const n = idx.length;
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const f0 = idx[k]!;
    const f1 = idx[k + 1]!;
    const b0 = f0 * H;
    const b1 = f1 * H;
    const v0 = val[k]! * inputScale[f0]!;
    const v1 = val[k + 1]! * inputScale[f1]!;
    for (let j = 0; j < H; j++) h[j]! += v0 * input[b0 + j]! + v1 * input[b1 + j]!;
  }
  for (; k < n; k++) {
    const f = idx[k]!;
    const b = f * H;
    const v = val[k]! * inputScale[f]!;
    for (let j = 0; j < H; j++) h[j]! += v * input[b + j]!;
  }
  reluAndOutput(network.output, network.outputBias, h, out);
  return out;
}
