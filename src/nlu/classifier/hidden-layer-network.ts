import { seededRandom, shuffleInPlace } from './seeded-random.js';
import type { SparseVector } from './sparse-vector.js';

/**
 * A network with one ReLU hidden layer over the sparse TF-IDF features. Unlike the linear model it can
 * weigh words by the company they keep ("card" with "arrive" versus "card" with "accept"), so its errors
 * differ from the linear model's and the two together are more accurate than either.
 */
export interface HiddenLayerOptions {
  readonly hidden: number;
  readonly epochs: number;
  readonly learningRate: number;
  /** Standard deviation of the random initial input weights. */
  readonly initScale: number;
  readonly seed: number;
}

export const DEFAULT_HIDDEN_LAYER_OPTIONS: HiddenLayerOptions = {
  hidden: 64,
  epochs: 4,
  learningRate: 0.3,
  initScale: 0.1,
  seed: 11,
};

/** Input weights are feature-major (`input[f * hidden + j]`), output weights class-major (`output[c * hidden + j]`). */
export interface HiddenLayerNetwork {
  readonly classes: number;
  readonly features: number;
  readonly hidden: number;
  readonly input: Float32Array;
  readonly inputBias: Float32Array;
  readonly output: Float32Array;
  readonly outputBias: Float32Array;
}

/** Softmax gradients below this are skipped in the backward pass: they barely move the weights. */
const NEGLIGIBLE_GRADIENT = 1e-4;

function forward(
  input: Float32Array,
  inputBias: Float32Array,
  output: Float32Array,
  outputBias: Float32Array,
  x: SparseVector,
  h: Float64Array,
  out: Float64Array,
): void {
  const H = h.length;
  for (let j = 0; j < H; j++) h[j] = inputBias[j]!;
  // Four features per pass over the hidden units: this sum is most of the network's cost.
  const { idx, val } = x;
  const n = idx.length;
  let k = 0;
  for (; k + 7 < n; k += 8) {
    const b0 = idx[k]! * H;
    const b1 = idx[k + 1]! * H;
    const b2 = idx[k + 2]! * H;
    const b3 = idx[k + 3]! * H;
    const b4 = idx[k + 4]! * H;
    const b5 = idx[k + 5]! * H;
    const b6 = idx[k + 6]! * H;
    const b7 = idx[k + 7]! * H;
    const v0 = val[k]!;
    const v1 = val[k + 1]!;
    const v2 = val[k + 2]!;
    const v3 = val[k + 3]!;
    const v4 = val[k + 4]!;
    const v5 = val[k + 5]!;
    const v6 = val[k + 6]!;
    const v7 = val[k + 7]!;
    for (let j = 0; j < H; j++) {
      h[j]! +=
        v0 * input[b0 + j]! +
        v1 * input[b1 + j]! +
        v2 * input[b2 + j]! +
        v3 * input[b3 + j]! +
        v4 * input[b4 + j]! +
        v5 * input[b5 + j]! +
        v6 * input[b6 + j]! +
        v7 * input[b7 + j]!;
    }
  }
  for (; k + 3 < n; k += 4) {
    const b0 = idx[k]! * H;
    const b1 = idx[k + 1]! * H;
    const b2 = idx[k + 2]! * H;
    const b3 = idx[k + 3]! * H;
    const v0 = val[k]!;
    const v1 = val[k + 1]!;
    const v2 = val[k + 2]!;
    const v3 = val[k + 3]!;
    for (let j = 0; j < H; j++) {
      h[j]! += v0 * input[b0 + j]! + v1 * input[b1 + j]! + v2 * input[b2 + j]! + v3 * input[b3 + j]!;
    }
  }
  for (; k < n; k++) {
    const b = idx[k]! * H;
    const v = val[k]!;
    for (let j = 0; j < H; j++) h[j]! += v * input[b + j]!;
  }
  reluAndOutput(output, outputBias, h, out);
}

/**
 * Applies the ReLU to the hidden sums `h` in place and writes the class scores to `out`. Only the units
 * the ReLU lets through are multiplied (about a third): skipping a zero term leaves a sum as it is.
 */
export function reluAndOutput(
  output: Float32Array,
  outputBias: Float32Array,
  h: Float64Array,
  out: Float64Array,
): void {
  const H = h.length;
  if (liveUnits.length < H) liveUnits = new Int32Array(H);
  const live = liveUnits;
  let m = 0;
  for (let j = 0; j < H; j++) {
    if (h[j]! > 0) live[m++] = j;
    else h[j] = 0;
  }
  for (let c = 0; c < out.length; c++) {
    const base = c * H;
    let s = outputBias[c]!;
    for (let a = 0; a < m; a++) {
      const j = live[a]!;
      s += h[j]! * output[base + j]!;
    }
    out[c] = s;
  }
}

/** Scratch list of live hidden units, shared by every network (scoring is never re-entered). */
let liveUnits = new Int32Array(64);

/** Trains by plain SGD on softmax cross-entropy, learning rate decaying linearly to zero. Deterministic per seed. */
export function trainHiddenLayerNetwork(
  xs: readonly SparseVector[],
  ys: ArrayLike<number>,
  classes: number,
  features: number,
  options: HiddenLayerOptions = DEFAULT_HIDDEN_LAYER_OPTIONS,
): HiddenLayerNetwork {
  const H = options.hidden;
  const C = classes;
  const random = seededRandom(options.seed);
  // Uniform on [-a, a] with a = √3·scale has standard deviation `scale`, at one random draw per weight.
  const uniform = (scale: number) => (2 * random() - 1) * Math.sqrt(3) * scale;
  const input = new Float32Array(features * H);
  for (let i = 0; i < input.length; i++) input[i] = uniform(options.initScale);
  // Float32 throughout, as in the trained network, so that forward() sees one array type only.
  const inputBias = new Float32Array(H);
  const output = new Float32Array(C * H);
  const outputScale = Math.sqrt(2 / H);
  for (let i = 0; i < output.length; i++) output[i] = uniform(outputScale);
  const outputBias = new Float32Array(C);
  const h = new Float64Array(H);
  const p = new Float64Array(C);
  const active = new Int32Array(C);
  const live = new Int32Array(H);
  const liveGradient = new Float64Array(H);
  const order = Array.from({ length: xs.length }, (_, i) => i);
  const total = options.epochs * xs.length;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const lr = options.learningRate * (1 - step++ / total) + 1e-4;
      const x = xs[i]!;
      forward(input, inputBias, output, outputBias, x, h, p);
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < C; c++) if (p[c]! > max) max = p[c]!;
      let sum = 0;
      for (let c = 0; c < C; c++) {
        p[c] = Math.exp(p[c]! - max);
        sum += p[c]!;
      }
      const y = ys[i]!;
      let n = 0;
      for (let c = 0; c < C; c++) {
        p[c] = p[c]! / sum - (c === y ? 1 : 0);
        if (Math.abs(p[c]!) > NEGLIGIBLE_GRADIENT) active[n++] = c;
      }
      // Only units the ReLU let through carry a gradient, and only their output weights move (h is 0 elsewhere).
      let m = 0;
      for (let j = 0; j < H; j++) if (h[j]! > 0) live[m++] = j;
      liveGradient.fill(0, 0, m);
      for (let a = 0; a < n; a++) {
        const c = active[a]!;
        const g = p[c]!;
        const base = c * H;
        for (let b = 0; b < m; b++) {
          const j = live[b]!;
          liveGradient[b]! += g * output[base + j]!;
          output[base + j]! -= lr * g * h[j]!;
        }
        outputBias[c]! -= lr * g;
      }
      for (let b = 0; b < m; b++) {
        const j = live[b]!;
        inputBias[j]! -= lr * liveGradient[b]!;
        liveGradient[b]! *= lr;
      }
      const { idx, val } = x;
      let k = 0;
      for (; k + 1 < idx.length; k += 2) {
        const b0 = idx[k]! * H;
        const b1 = idx[k + 1]! * H;
        const v0 = val[k]!;
        const v1 = val[k + 1]!;
        for (let a = 0; a < m; a++) {
          const j = live[a]!;
          const g = liveGradient[a]!;
          input[b0 + j]! -= v0 * g;
          input[b1 + j]! -= v1 * g;
        }
      }
      for (; k < idx.length; k++) {
        const b = idx[k]! * H;
        const v = val[k]!;
        for (let a = 0; a < m; a++) input[b + live[a]!]! -= v * liveGradient[a]!;
      }
    }
  }
  return { classes: C, features, hidden: H, input, inputBias, output, outputBias };
}

/** Class scores of one vector; `hidden` is scratch space of the network's hidden size. */
export function hiddenLayerScores(
  network: HiddenLayerNetwork,
  x: SparseVector,
  out: Float64Array = new Float64Array(network.classes),
  hidden: Float64Array = new Float64Array(network.hidden),
): Float64Array {
  forward(network.input, network.inputBias, network.output, network.outputBias, x, hidden, out);
  return out;
}
