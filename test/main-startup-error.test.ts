import { describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { startupErrorMessage } from '../src/main-startup-error.js';

const POSTGRES = {
  databaseUrl: 'postgresql://bot:secret@db.internal:5432/helpdesk',
  PORT: 3000,
  DATA_DIR: 'data',
};
const config = (overrides: Partial<typeof POSTGRES> = {}) =>
  ({ ...POSTGRES, ...overrides }) as unknown as Config;

function systemError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('startupErrorMessage for an address it cannot reach', () => {
  it('blames the database when the failing host and port are DATABASE_URL’s', () => {
    const refused = systemError('connect ECONNREFUSED 10.0.0.5:5432', {
      code: 'ECONNREFUSED',
      address: '10.0.0.5',
      port: 5432,
    });
    const message = startupErrorMessage(
      new Error('Can’t reach database', { cause: refused }),
      config({ databaseUrl: 'postgresql://bot:secret@10.0.0.5:5432/helpdesk' }),
    );
    expect(message).toBe(
      'cannot reach the database at 10.0.0.5:5432 (postgresql://bot:***@10.0.0.5:5432/helpdesk): ' +
        'connect ECONNREFUSED 10.0.0.5:5432. Is the server running, and is DATABASE_URL right?',
    );
    const unresolved = systemError('getaddrinfo ENOTFOUND db.internal', {
      code: 'ENOTFOUND',
      hostname: 'db.internal',
    });
    expect(startupErrorMessage(unresolved, config())).toMatch(
      /^cannot reach the database at db.internal:5432 /,
    );
    const defaultPort = systemError('connect ETIMEDOUT db.internal:5432', { code: 'ETIMEDOUT' });
    expect(
      startupErrorMessage(defaultPort, config({ databaseUrl: 'postgres://db.internal/helpdesk' })),
    ).toMatch(/^cannot reach the database at db.internal:5432 /);
  });

  it('names the host it could not reach when that is not the database', () => {
    const slack = systemError('getaddrinfo ENOTFOUND slack.com', {
      code: 'ENOTFOUND',
      hostname: 'slack.com',
    });
    const wrapped = new Error('An API error occurred: request failed', { cause: slack });
    expect(startupErrorMessage(wrapped, config())).toBe(
      'cannot reach slack.com: getaddrinfo ENOTFOUND slack.com',
    );
    const otherPort = systemError('connect ECONNREFUSED 10.0.0.5:6379', {
      code: 'ECONNREFUSED',
      address: '10.0.0.5',
      port: 6379,
    });
    expect(
      startupErrorMessage(otherPort, config({ databaseUrl: 'postgresql://bot@10.0.0.5:5432/helpdesk' })),
    ).toBe('cannot reach 10.0.0.5:6379: connect ECONNREFUSED 10.0.0.5:6379');
    const timedOut = systemError('connect ETIMEDOUT 203.0.113.9:443', { code: 'ETIMEDOUT' });
    expect(startupErrorMessage(timedOut, config())).toBe(
      'cannot reach 203.0.113.9:443: connect ETIMEDOUT 203.0.113.9:443',
    );
  });

  it('names the host with SQLite too, and keeps the stack trace at debug level', () => {
    const slack = systemError('getaddrinfo ENOTFOUND slack.com', {
      code: 'ENOTFOUND',
      hostname: 'slack.com',
    });
    expect(startupErrorMessage(slack, config({ databaseUrl: 'file:./data/bot.db' }))).toBe(
      'cannot reach slack.com: getaddrinfo ENOTFOUND slack.com',
    );
    expect(startupErrorMessage(slack, config(), 'debug')).toMatch(
      /^cannot reach slack.com: .*\n.*\n {4}at /s,
    );
  });
});
