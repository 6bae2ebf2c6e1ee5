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
});
