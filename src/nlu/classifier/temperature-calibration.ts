/** One validation example: the model's raw class scores and the index of the true class. */
export interface ScoredExample {
  readonly logits: ArrayLike<number>;
  readonly gold: number;
}

/** The examples' logits in one flat array (example e's are flat[offsets[e]] on), with each one's largest and gold logit. */
interface PackedExamples {
  readonly flat: Float64Array;
  readonly offsets: Int32Array;
  readonly max: Float64Array;
  readonly gold: Float64Array;
}

function pack(examples: readonly ScoredExample[]): PackedExamples {
  const offsets = new Int32Array(examples.length + 1);
  examples.forEach((e, i) => {
    offsets[i + 1] = offsets[i]! + e.logits.length;
  });
  const flat = new Float64Array(offsets[examples.length]!);
  const max = new Float64Array(examples.length);
  const gold = new Float64Array(examples.length);
  examples.forEach(({ logits, gold: g }, i) => {
    let m = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < logits.length; c++) {
      flat[offsets[i]! + c] = logits[c]!;
      m = Math.max(m, logits[c]!);
    }
    max[i] = m;
    gold[i] = logits[g]!;
  });
  return { flat, offsets, max, gold };
}

/**
 * Mean negative log-likelihood of softmax(logits / temperature). The largest of logits / temperature is
 * the largest logit / temperature (division by a positive number is monotonic, rounding included), so it
 * is taken from the packed maxima.
 */
function negativeLogLikelihood(examples: PackedExamples, temperature: number): number {
  const { flat, offsets, max: maxima, gold } = examples;
  const count = maxima.length;
  let total = 0;
  for (let e = 0; e < count; e++) {
    const max = maxima[e]! / temperature;
    let sum = 0;
    for (let k = offsets[e]!; k < offsets[e + 1]!; k++) sum += Math.exp(flat[k]! / temperature - max);
    total += Math.log(sum) + max - gold[e]! / temperature;
  }
  return total / Math.max(1, count);
}

/**
 * Temperature scaling (Guo et al. 2017): the single T that minimises validation negative log-likelihood
 * of softmax(logits / T). Golden-section search over log T; the ranking of classes never changes.
 */
export function fitTemperature(examples: readonly ScoredExample[]): number {
  if (examples.length === 0) return 1;
  const packed = pack(examples);
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = negativeLogLikelihood(packed, Math.exp(a));
  let fb = negativeLogLikelihood(packed, Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = negativeLogLikelihood(packed, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = negativeLogLikelihood(packed, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
