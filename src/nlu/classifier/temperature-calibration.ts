/** One validation example: the model's raw class scores and the index of the true class. */
export interface ScoredExample {
  readonly logits: ArrayLike<number>;
  readonly gold: number;
}

function negativeLogLikelihood(examples: readonly ScoredExample[], temperature: number): number {
  let total = 0;
  for (const { logits, gold } of examples) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < logits.length; c++) max = Math.max(max, logits[c]! / temperature);
    let sum = 0;
    for (let c = 0; c < logits.length; c++) sum += Math.exp(logits[c]! / temperature - max);
    total += Math.log(sum) + max - logits[gold]! / temperature;
  }
  return total / Math.max(1, examples.length);
}

/**
 * Temperature scaling (Guo et al. 2017): the single T that minimises validation negative log-likelihood
 * of softmax(logits / T). Golden-section search over log T; the ranking of classes never changes.
 */
export function fitTemperature(examples: readonly ScoredExample[]): number {
  if (examples.length === 0) return 1;
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = negativeLogLikelihood(examples, Math.exp(a));
  let fb = negativeLogLikelihood(examples, Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = negativeLogLikelihood(examples, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = negativeLogLikelihood(examples, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
