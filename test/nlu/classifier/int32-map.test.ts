import { describe, expect, it } from 'vitest';
import { hashOrder, Int32Map, Int32Set, KeyPositions } from '../../../src/nlu/classifier/int32-map.js';

describe('Int32Map', () => {
  it('stores negative and positive 32-bit keys, grows, and answers -1 for absent keys', () => {
    const map = new Int32Map(2);
    const keys = Array.from({ length: 5000 }, (_, i) => Math.imul(i + 1, 0x9e3779b1));
    keys.forEach((key, i) => {
      map.set(key, i);
    });
    map.set(keys[7]!, 70);
    expect(map.size).toBe(5000);
    expect(map.get(keys[0]!)).toBe(0);
    expect(map.get(keys[7]!)).toBe(70);
    expect(map.get(keys[4999]!)).toBe(4999);
    expect(map.get(12345)).toBe(-1);
    expect(map.has(keys[42]!)).toBe(true);
    let sum = 0;
    map.forEach((value) => {
      sum += value;
    });
    expect(sum).toBe((4999 * 5000) / 2 + 63);
  });
});

describe('Int32Set', () => {
  it('holds any 32-bit integers, 0 and negatives included, and lists them back', () => {
    const keys = [0, -1, 1, 2 ** 31 - 1, -(2 ** 31), ...Array.from({ length: 1000 }, (_, i) => i * 7919)];
    const set = new Int32Set(keys);
    for (const key of keys) expect(set.has(key)).toBe(true);
    expect(set.has(3)).toBe(false);
    expect(set.keys().sort((a, b) => a - b)).toEqual([...new Set(keys)].sort((a, b) => a - b));
  });
});

describe('KeyPositions', () => {
  it('gives each key its position and -1 for others, with two-byte positions or, for long lists, four', () => {
    for (const length of [1000, 70_000]) {
      const keys = Array.from({ length }, (_, i) => Math.imul(i + 1, 0x9e3779b1));
      const positions = new KeyPositions(keys);
      expect(positions.get(keys[0]!)).toBe(0);
      expect(positions.get(keys[length - 1]!)).toBe(length - 1);
      expect(positions.get(keys[777]!)).toBe(777);
      expect(positions.get(0)).toBe(-1);
      expect(positions.keyList()).toEqual(keys);
    }
  });

  it('finds keys that share a home slot, also when their run of slots wraps past the end of the table', () => {
    // Keys whose hash lands in the last slot: k * 0x9e3779b1 = 0xffffffff - j, so k = (0xffffffff - j) * inverse.
    let inverse = 0x9e3779b1;
    for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(0x9e3779b1, inverse));
    const keys = Array.from({ length: 12 }, (_, j) => Math.imul(-1 - j, inverse));
    const positions = new KeyPositions(keys);
    keys.forEach((key, i) => {
      expect(positions.get(key)).toBe(i);
    });
    expect(positions.get(Math.imul(-13, inverse))).toBe(-1);
    expect(positions.keyList()).toEqual(keys);
  });

  it('keeps no positions for a list in hash order, whose positions are the ranks', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => Math.imul(i + 1, 0x85ebca6b));
    const ordered = hashOrder(keys).map((i) => keys[i]!);
    const positions = new KeyPositions(ordered);
    ordered.forEach((key, i) => {
      expect(positions.get(key)).toBe(i);
    });
    expect(positions.get(Math.imul(3001, 0x85ebca6b))).toBe(-1);
    expect(positions.keyList()).toEqual(ordered);
    expect((positions as unknown as { positions?: unknown }).positions).toBeUndefined();
    expect((new KeyPositions(keys) as unknown as { positions?: unknown }).positions).toBeDefined();
  });
});
