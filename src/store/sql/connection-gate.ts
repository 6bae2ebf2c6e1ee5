/**
 * One owner at a time for a single database connection. SQLite's connection is
 * shared by Prisma and the hand-written statements; a transaction holds the gate
 * from BEGIN to COMMIT so no other statement slips into it, and statements
 * outside a transaction wait until it ends. When the gate is free, `run` calls
 * straight through (no extra tick).
 */
export class ConnectionGate {
  #held = false;
  readonly #waiting: Array<() => void> = [];

  get held(): boolean {
    return this.#held;
  }

  /** Resolves with a release function once the caller owns the connection. */
  acquire(): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve) => {
      this.#waiting.push(() => resolve(this.#releaser()));
    });
  }

  /** Runs one statement when nobody owns the connection. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (!this.#held) return work();
    return this.acquire().then(async (release) => {
      try {
        return await work();
      } finally {
        release();
      }
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#held = false;
    };
  }
}
