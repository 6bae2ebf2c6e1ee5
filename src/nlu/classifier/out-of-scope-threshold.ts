/**
 * One validation decision: the predicted in-scope label (or null when the model's own "none" class won),
 * its confidence, and the gold label (null = out of scope).
 */
export interface ValidationDecision {
  readonly predicted: string | null;
  readonly confidence: number;
  readonly gold: string | null;
}

/** The label finally given at a threshold: below it, or when "none" won, the message is out of scope. */
export function decide(d: ValidationDecision, threshold: number): string | null {
  return d.predicted !== null && d.confidence >= threshold ? d.predicted : null;
}

/** Share of all messages answered correctly (out-of-scope counts as one more class). */
export function overallAccuracy(decisions: readonly ValidationDecision[], threshold: number): number {
  if (decisions.length === 0) return 0;
  return decisions.filter((d) => decide(d, threshold) === d.gold).length / decisions.length;
}

/** Share of in-scope messages given their right intent (a rejected in-scope message counts as wrong). */
export function inScopeAccuracy(decisions: readonly ValidationDecision[], threshold: number): number {
  const inScope = decisions.filter((d) => d.gold !== null);
  if (inScope.length === 0) return 0;
  return inScope.filter((d) => decide(d, threshold) === d.gold).length / inScope.length;
}

/** Share of out-of-scope messages rejected. */
export function outOfScopeRecall(decisions: readonly ValidationDecision[], threshold: number): number {
  const oos = decisions.filter((d) => d.gold === null);
  if (oos.length === 0) return 0;
  return oos.filter((d) => decide(d, threshold) === null).length / oos.length;
}

function candidateThresholds(decisions: readonly ValidationDecision[]): number[] {
  const values = [...new Set(decisions.map((d) => d.confidence))].sort((a, b) => a - b);
  // Midpoints generalise better than the observed values themselves.
  const mids = values.slice(1).map((v, i) => (v + values[i]!) / 2);
  return [0, ...mids];
}

/** The threshold that maximises overall validation accuracy (ties: the lower threshold). */
export function thresholdMaximisingAccuracy(decisions: readonly ValidationDecision[]): number {
  let best = 0;
  let bestAccuracy = -1;
  for (const t of candidateThresholds(decisions)) {
    const accuracy = overallAccuracy(decisions, t);
    if (accuracy > bestAccuracy) {
      bestAccuracy = accuracy;
      best = t;
    }
  }
  return best;
}

/** The largest threshold whose validation in-scope accuracy is at most `maxCost` below that at threshold 0. */
export function largestThresholdWithinCost(
  decisions: readonly ValidationDecision[],
  maxCost: number,
): number {
  const base = inScopeAccuracy(decisions, 0);
  let best = 0;
  for (const t of candidateThresholds(decisions)) {
    if (base - inScopeAccuracy(decisions, t) <= maxCost + 1e-12) best = t;
  }
  return best;
}
