import { describe, expect, it } from 'vitest';
import {
  inScopeAccuracy,
  largestThresholdWithinCost,
  outOfScopeRecall,
  thresholdMaximisingAccuracy,
  type ValidationDecision,
} from '../../../src/nlu/classifier/out-of-scope-threshold.js';

const decisions: ValidationDecision[] = [
  { predicted: 'a', confidence: 0.95, gold: 'a' },
  { predicted: 'a', confidence: 0.9, gold: 'a' },
  { predicted: 'b', confidence: 0.85, gold: 'b' },
  { predicted: 'b', confidence: 0.5, gold: 'a' },
  { predicted: 'a', confidence: 0.45, gold: 'a' },
  { predicted: 'a', confidence: 0.4, gold: null },
  { predicted: 'b', confidence: 0.3, gold: null },
  { predicted: null, confidence: 0.6, gold: null },
];

describe('out-of-scope thresholds', () => {
  it('computes in-scope accuracy and out-of-scope recall at a threshold', () => {
    expect(inScopeAccuracy(decisions, 0)).toBeCloseTo(4 / 5);
    expect(outOfScopeRecall(decisions, 0)).toBeCloseTo(1 / 3);
    expect(outOfScopeRecall(decisions, 0.42)).toBeCloseTo(1);
    expect(inScopeAccuracy(decisions, 0.42)).toBeCloseTo(4 / 5);
  });

  it('picks the threshold with the best overall accuracy', () => {
    const t = thresholdMaximisingAccuracy(decisions);
    expect(t).toBeGreaterThan(0.4);
    expect(t).toBeLessThanOrEqual(0.45);
  });

  it('picks the largest threshold whose in-scope cost stays within the budget', () => {
    // Rejecting the 0.45 message costs 20 points of in-scope accuracy: beyond a 1.5-point budget.
    const t = largestThresholdWithinCost(decisions, 0.015);
    expect(inScopeAccuracy(decisions, t)).toBeCloseTo(4 / 5);
    expect(t).toBeLessThanOrEqual(0.45);
    expect(largestThresholdWithinCost(decisions, 0.25)).toBeGreaterThan(0.45);
  });
});
