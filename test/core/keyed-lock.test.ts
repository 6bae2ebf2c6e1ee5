import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../src/core/keyed-lock.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedLock', () => {
  it('runs tasks of one key in order and of different keys concurrently', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    await Promise.all([
      lock.run('a', async () => {
        await sleep(20);
        log.push('a1');
      }),
      lock.run('a', async () => {
        log.push('a2');
      }),
      lock.run('b', async () => {
        log.push('b1');
      }),
    ]);
    expect(log).toEqual(['b1', 'a1', 'a2']);
    await sleep(0);
    expect(lock.size).toBe(0);
  });

  it('keeps going after a failed task', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('a', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(lock.run('a', async () => 2)).resolves.toBe(2);
  });
});
