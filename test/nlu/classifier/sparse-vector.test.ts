import { describe, expect, it } from 'vitest';
import { SparseVectorArena } from '../../../src/nlu/classifier/sparse-vector.js';

describe('SparseVectorArena', () => {
  it('hands out vectors that do not overlap, also across its buffers', () => {
    const arena = new SparseVectorArena();
    const vectors = Array.from({ length: 300 }, (_, i) => {
      const v = arena.allocate(1000);
      v.idx.fill(i);
      v.val.fill(i);
      return v;
    });
    vectors.forEach((v, i) => {
      expect(v.idx.length).toBe(1000);
      expect(v.idx.every((x) => x === i)).toBe(true);
      expect(v.val.every((x) => x === i)).toBe(true);
    });
    expect(arena.allocate(100_000).idx.length).toBe(100_000);
  });
});
