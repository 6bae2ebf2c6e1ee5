import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test files spend their time waiting on sockets, databases and timers, not on the CPU: on a
    // 2-core host Vitest's default (cores - 1 = one file at a time) took 11.9 min for the suite, three
    // files at a time 6.9 min.
    maxWorkers: Math.max(3, availableParallelism()),
    // expect.poll waits until its assertion holds: on a loaded host a background step (a resync, an
    // outbox retry) may take longer than the 1 s default, so a poll gives up only after 10 s.
    expect: { poll: { timeout: 10_000 } },
    env: { DOTENV_CONFIG_QUIET: 'true', LOG_LEVEL: 'silent' },
  },
});
