import { describe, expect, it } from 'vitest';
import {
  buildPrototypes,
  normaliseInPlace,
  PrototypeIndex,
} from '../../../src/nlu/classifier/hidden-prototypes.js';

const unit = (...v: number[]) => {
  const a = Float32Array.from(v);
  normaliseInPlace(a);
  return a;
};

describe('hidden-space prototypes', () => {
  // Class 0 has two clusters (around x and around y); class 1 one cluster around z.
  const rows = [
    unit(1, 0.1, 0),
    unit(1, -0.1, 0),
    unit(0.1, 1, 0),
    unit(-0.1, 1, 0),
    unit(0, 0.1, 1),
    unit(0.1, 0, 1),
  ];
  const vectors = new Float32Array(rows.length * 3);
  rows.forEach((r, i) => {
    vectors.set(r, i * 3);
  });
  const ys = [0, 0, 0, 0, 1, 1];

  it('finds one prototype per cluster, so a message between clusters is not typical', () => {
    const { rows, counts } = buildPrototypes(vectors, ys, 2, 3, { perClass: 2, iterations: 5 });
    expect(rows.length).toBe(4 * 3);
    expect([...counts]).toEqual([2, 2]);
    const prototypes = new PrototypeIndex(rows, 3, counts);
    expect([...prototypes.rows()]).toEqual([...rows]);
    const nearestPrototypeSimilarity = (index: PrototypeIndex, u: Float32Array) => index.nearestSimilarity(u);
    expect(nearestPrototypeSimilarity(prototypes, unit(1, 0, 0))).toBeGreaterThan(0.99);
    expect(nearestPrototypeSimilarity(prototypes, unit(0, 1, 0))).toBeGreaterThan(0.99);
    expect(nearestPrototypeSimilarity(prototypes, unit(0, 0, 1))).toBeGreaterThan(0.99);
    // One centroid for class 0 would sit between x and y, and a message there would look typical.
    expect(nearestPrototypeSimilarity(prototypes, unit(1, 1, 0))).toBeLessThan(0.8);
  });

  it('keeps fewer prototypes for a class with fewer examples, and scores 0 against none', () => {
    const built = buildPrototypes(vectors, ys, 2, 3, { perClass: 3, iterations: 2 });
    expect(built.rows.length).toBe(5 * 3);
    expect([...built.counts]).toEqual([3, 2]);
    expect(new PrototypeIndex(new Float32Array(0), 3).nearestSimilarity(unit(1, 0, 0))).toBe(0);
  });

  it('looks at the prototypes of the classes it is given only', () => {
    const { rows, counts } = buildPrototypes(vectors, ys, 2, 3, { perClass: 2, iterations: 5 });
    const prototypes = new PrototypeIndex(rows, 3, counts);
    const nearZ = unit(0, 0.05, 1);
    expect(prototypes.nearestSimilarityAmong(nearZ, [1])).toBeCloseTo(prototypes.nearestSimilarity(nearZ), 6);
    expect(prototypes.nearestSimilarityAmong(nearZ, [1])).toBeGreaterThan(0.99);
    // Class 0's prototypes lie along x and y: far from z.
    expect(prototypes.nearestSimilarityAmong(nearZ, [0])).toBeLessThan(0.2);
    expect(prototypes.nearestSimilarityAmong(nearZ, [0, 1])).toBeGreaterThan(0.99);
    // Without class counts every prototype is looked at.
    expect(new PrototypeIndex(rows, 3).nearestSimilarityAmong(nearZ, [0])).toBeGreaterThan(0.99);
  });

  it('refuses class counts that do not add up to the rows', () => {
    const { rows } = buildPrototypes(vectors, ys, 2, 3, { perClass: 2, iterations: 5 });
    expect(() => new PrototypeIndex(rows, 3, Int32Array.from([2, 1]))).toThrow(/counts/);
  });
});
