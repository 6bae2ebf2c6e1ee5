import { describe, expect, it } from 'vitest';
import { quantiseRows, quantiseRowsTo4Bits } from '../../../src/nlu/classifier/row-quantisation.js';

describe('row quantisation', () => {
  it('maps each row’s largest weight to ±127 and keeps zero rows zero', () => {
    const { values, scales } = quantiseRows(Float32Array.from([0.5, -1, 0.25, 0, 0, 0]), 3);
    expect([...values]).toEqual([64, -127, 32, 0, 0, 0]);
    expect(scales[0]).toBeCloseTo(1 / 127);
    expect(scales[1]).toBe(0);
  });

  it('packs four-bit weights two a byte, rows of odd width padded to whole bytes', () => {
    const { nibbles, rowBytes, scales } = quantiseRowsTo4Bits(Float32Array.from([0.5, -1, 0.25, 0, 0, 0]), 3);
    expect(rowBytes).toBe(2);
    const weight = (row: number, j: number) => {
      const byte = nibbles[row * rowBytes + (j >> 1)]!;
      return ((j & 1 ? byte >> 4 : byte & 15) - 8) * scales[row]!;
    };
    [4 / 7, -1, 2 / 7].forEach((w, j) => {
      expect(weight(0, j)).toBeCloseTo(w, 6);
    });
    expect([0, 1, 2].map((j) => weight(1, j))).toEqual([0, 0, 0]);
  });
});
