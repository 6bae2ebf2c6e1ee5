/** How long to wait between attempts: doubling from the first wait up to a ceiling. */
export interface Backoff {
  /** The wait after the first failure; each further failure doubles it. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Spread of each wait (0.2 = ±20 %), so instances that failed together do not retry together. */
  readonly jitter?: number;
  readonly random?: () => number;
}

/** The wait after `failures` failures in a row (1 for the first). */
export function backoffDelayMs(failures: number, backoff: Backoff): number {
  const base = Math.min(backoff.maxDelayMs, backoff.firstDelayMs * 2 ** Math.max(0, failures - 1));
  const spread = backoff.jitter ?? 0;
  const random = backoff.random ?? Math.random;
  return Math.round(base * (1 - spread + 2 * spread * random()));
}

export interface Retrying {
  /** The number of attempts it took once one succeeded; null when stopped first. */
  readonly done: Promise<number | null>;
  /** Stops waiting and trying (an attempt under way is left to finish, its outcome ignored). */
  stop(): void;
}

/**
 * Tries `attempt` until it succeeds or `stop()` is called, waiting longer after each
 * failure; `onFailure` hears every failure with the wait before the next attempt.
 */
export function retryWithBackoff(
  attempt: () => Promise<void>,
  backoff: Backoff & { onFailure(error: unknown, failures: number, retryInMs: number): void },
): Retrying {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  async function run(): Promise<number | null> {
    for (let failures = 0; !stopped; ) {
      try {
        await attempt();
        return stopped ? null : failures + 1;
      } catch (error) {
        if (stopped) return null;
        failures += 1;
        const wait = backoffDelayMs(failures, backoff);
        backoff.onFailure(error, failures, wait);
        await pause(wait);
      }
    }
    return null;
  }

  return {
    done: run(),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
    },
  };
}
