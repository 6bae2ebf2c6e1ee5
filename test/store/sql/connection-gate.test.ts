import { describe, expect, it } from 'vitest';
import { ConnectionGate } from '../../../src/store/sql/connection-gate.js';

describe('ConnectionGate', () => {
  it('runs straight through while nobody holds it', async () => {
    const gate = new ConnectionGate();
    let ran = false;
    const done = gate.run(async () => {
      ran = true;
    });
    expect(ran).toBe(true); // synchronously, before any tick
    await done;
    expect(gate.held).toBe(false);
  });

  it('holds statements back until the owner releases, then runs them in order', async () => {
    const gate = new ConnectionGate();
    const order: string[] = [];
    const release = await gate.acquire();
    const first = gate.run(async () => {
      order.push('first');
    });
    const second = gate.run(async () => {
      order.push('second');
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    order.push('owner done');
    release();
    release(); // a second release is harmless
    await Promise.all([first, second]);
    expect(order).toEqual(['owner done', 'first', 'second']);
    expect(gate.held).toBe(false);
  });

  it('releases after a failing statement', async () => {
    const gate = new ConnectionGate();
    const release = await gate.acquire();
    const failing = gate.run(async () => {
      throw new Error('boom');
    });
    release();
    await expect(failing).rejects.toThrow('boom');
    expect(gate.held).toBe(false);
  });
});
