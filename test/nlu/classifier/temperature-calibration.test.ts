import { describe, expect, it } from 'vitest';
import { fitTemperature } from '../../../src/nlu/classifier/temperature-calibration.js';

describe('fitTemperature', () => {
  it('softens over-confident logits and sharpens timid ones', () => {
    // Over-confident: huge margins but 30% wrong, so a large temperature fits better.
    const overconfident = Array.from({ length: 100 }, (_, i) => ({ logits: [20, 0], gold: i < 70 ? 0 : 1 }));
    expect(fitTemperature(overconfident)).toBeGreaterThan(5);
    // Timid: tiny margins but always right, so a small temperature fits better.
    const timid = Array.from({ length: 100 }, () => ({ logits: [0.2, 0], gold: 0 }));
    expect(fitTemperature(timid)).toBeLessThan(0.1);
  });

  it('returns 1 without data', () => {
    expect(fitTemperature([])).toBe(1);
  });

  it('finds the temperature a plain golden-section search over the whole negative log-likelihood finds', () => {
    const examples = Array.from({ length: 50 }, (_, i) => ({
      logits: [Math.sin(i) * 3, Math.cos(i * 1.7) * 2, (i % 5) - 2, -0.5 * i],
      gold: i % 4,
    }));
    const nll = (t: number) =>
      examples.reduce((total, { logits, gold }) => {
        let max = Number.NEGATIVE_INFINITY;
        for (const l of logits) max = Math.max(max, l / t);
        let sum = 0;
        for (const l of logits) sum += Math.exp(l / t - max);
        return total + Math.log(sum) + max - logits[gold]! / t;
      }, 0) / examples.length;
    let lo = Math.log(0.01);
    let hi = Math.log(100);
    const ratio = (Math.sqrt(5) - 1) / 2;
    let a = hi - ratio * (hi - lo);
    let b = lo + ratio * (hi - lo);
    let fa = nll(Math.exp(a));
    let fb = nll(Math.exp(b));
    for (let i = 0; i < 60; i++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - ratio * (hi - lo);
        fa = nll(Math.exp(a));
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + ratio * (hi - lo);
        fb = nll(Math.exp(b));
      }
    }
    expect(fitTemperature(examples)).toBe(Math.exp((lo + hi) / 2));
  });
});
