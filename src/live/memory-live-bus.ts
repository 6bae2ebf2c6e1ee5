import type { LiveBus } from './live-bus.js';
import { fanOut } from './live-bus.js';

/**
 * The live bus of a single process (SQLite is one process's database): an
 * in-process fan-out, delivered on the next tick like a network bus would.
 */
export function createMemoryLiveBus<T>(onError: (error: unknown) => void = () => undefined): LiveBus<T> {
  const listeners = new Set<(signal: T) => void>();
  return {
    async publish(signal) {
      // A copy, so a listener never sees an object the publisher keeps changing.
      const copy = structuredClone(signal);
      queueMicrotask(() => fanOut(listeners, copy, onError));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: async () => undefined,
    stop: async () => {
      listeners.clear();
    },
  };
}
