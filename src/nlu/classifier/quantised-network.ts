import { type HiddenLayerNetwork, reluAndOutput } from './hidden-layer-network.js';
import { quantiseRowsTo4Bits } from './row-quantisation.js';
import type { SparseVector } from './sparse-vector.js';

/**
 * A trained hidden-layer network as it is kept for scoring: input weights four bits each with a scale per
 * feature (see row-quantisation.ts), an eighth of their Float32 memory. On the validation part of BANKING77
 * and HWU64 (seeded hold-outs 1-3) four bits scored as eight did: accuracy -0.03 / +0.13 points, AUROC
 * ±0.0002. The small output layer stays Float32.
 */
export interface QuantisedNetwork {
  readonly classes: number;
  readonly features: number;
  readonly hidden: number;
  /** Feature-major, two weights a byte (see Int4Rows), in steps of `inputScale[f]`. */
  readonly input: Uint8Array;
  readonly inputScale: Float32Array;
  readonly inputBias: Float32Array;
  /** Class-major (`output[c * hidden + j]`). */
  readonly output: Float32Array;
  readonly outputBias: Float32Array;
}

export function quantiseNetwork(network: HiddenLayerNetwork): QuantisedNetwork {
  const { nibbles, scales } = quantiseRowsTo4Bits(network.input, network.hidden);
  return {
    classes: network.classes,
    features: network.features,
    hidden: network.hidden,
    input: nibbles,
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
  hiddenSums(network, x, hidden);
  reluAndOutput(network.output, network.outputBias, hidden, out);
  return out;
}

/** The ReLU hidden layer of one vector into `hidden` (as quantisedNetworkScores leaves it), without the class scores. */
export function quantisedHiddenLayer(
  network: QuantisedNetwork,
  x: SparseVector,
  hidden: Float64Array,
): Float64Array {
  hiddenSums(network, x, hidden);
  for (let j = 0; j < network.hidden; j++) if (!(hidden[j]! > 0)) hidden[j] = 0;
  return hidden;
}

/** The hidden units' input sums (before the ReLU) of one vector into `h`. */
function hiddenSums(network: QuantisedNetwork, x: SparseVector, h: Float64Array): void {
  const H = network.hidden;
  const pairs = H >> 1;
  const rowBytes = (H + 1) >> 1;
  const { input, inputScale } = network;
  for (let j = 0; j < H; j++) h[j] = network.inputBias[j]!;
  // Each byte holds two weights, each stored 8 above its value.
  for (let k = 0; k < x.idx.length; k++) {
    const f = x.idx[k]!;
    const v = x.val[k]! * inputScale[f]!;
    const base = f * rowBytes;
    for (let b = 0; b < pairs; b++) {
      const byte = input[base + b]!;
      h[2 * b]! += v * ((byte & 15) - 8);
      h[2 * b + 1]! += v * ((byte >> 4) - 8);
    }
    if (H & 1) h[H - 1]! += v * ((input[base + pairs]! & 15) - 8);
  }
}

/** The network with its input rows reordered: row i of the result is row order[i] of `network`. */
export function permuteNetworkInputRows(
  network: QuantisedNetwork,
  order: readonly number[],
): QuantisedNetwork {
  const rowBytes = (network.hidden + 1) >> 1;
  const input = new Uint8Array(network.input.length);
  order.forEach((f, i) => {
    for (let b = 0; b < rowBytes; b++) input[i * rowBytes + b] = network.input[f * rowBytes + b]!;
  });
  return { ...network, input, inputScale: Float32Array.from(order, (f) => network.inputScale[f]!) };
}
