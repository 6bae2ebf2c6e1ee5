import { describe, expect, it } from 'vitest';
import type { HandoffStatus } from '../../../src/skills/handoff/agent-desk.js';
import { canTransition } from '../../../src/skills/handoff/handoff-state-machine.js';

const all: HandoffStatus[] = ['pending', 'assigned', 'transferred', 'resolved', 'abandoned', 'expired'];

describe('the live chat state machine', () => {
  it('has exactly the lifecycle edges', () => {
    const edges = all.flatMap((from) =>
      all.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(edges).toEqual([
      'pending→assigned',
      'pending→abandoned',
      'pending→expired',
      'assigned→transferred',
      'assigned→resolved',
      'transferred→assigned',
      'transferred→resolved',
      'transferred→abandoned',
      'transferred→expired',
    ]);
  });

  it('never leaves an ended chat', () => {
    for (const end of ['resolved', 'abandoned', 'expired'] as const) {
      expect(all.some((to) => canTransition(end, to))).toBe(false);
    }
  });
});
