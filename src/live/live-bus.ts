/**
 * Cross-instance live signals. Several bot processes may share one PostgreSQL
 * database; a signal published by any of them reaches the subscribers of all.
 * Signals are small JSON objects carrying ids only: readers fetch the rows they
 * name, so a signal never holds user text and never outruns the data it points at.
 */
export interface LiveBus<T> {
  /** Sends a signal to every instance (this one included). */
  publish(signal: T): Promise<void>;
  /** Receives signals from every instance; returns the unsubscribe function. */
  subscribe(listener: (signal: T) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Calls every listener, isolating them from each other's failures. */
export function fanOut<T>(
  listeners: ReadonlySet<(signal: T) => void>,
  signal: T,
  onError: (e: unknown) => void,
) {
  for (const listener of listeners) {
    try {
      listener(signal);
    } catch (error) {
      onError(error);
    }
  }
}
