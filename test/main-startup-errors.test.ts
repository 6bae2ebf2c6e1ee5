import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Run {
  readonly code: number | null;
  readonly stderr: string;
}

/** Starts `npm start`'s entry point with `env`, and waits for it to exit (killed after 40 s). */
function start(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const STACK_LINE = /^ {4}at /m;

describe('npm start with a setting it cannot use', () => {
  let dataDir = '';
  let busy: Server;
  let busyPort = 0;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-start-'));
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints one clear line and exits with 1, without a stack trace', async () => {
    const [mysql, refused, portInUse, notDir] = await Promise.all([
      start({ DATABASE_URL: 'mysql://bot:secretpw@db.example/helpdesk' }),
      start({ DATABASE_URL: 'postgresql://bot:secretpw@127.0.0.1:1/helpdesk' }),
      start({ DATA_DIR: dataDir, PORT: String(busyPort) }),
      start({ DATA_DIR: '/dev/null/x' }),
    ]);
    for (const run of [mysql, refused, portInUse, notDir]) {
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stderr).not.toContain('secretpw');
    }
    expect(mysql.stderr).toContain(
      'Could not start the help desk bot: Unsupported database URL "mysql://bot:***@db.example/helpdesk"',
    );
    expect(refused.stderr).toContain(
      'Could not start the help desk bot: cannot reach the database at 127.0.0.1:1 (postgresql://bot:***@127.0.0.1:1/helpdesk)',
    );
    expect(portInUse.stderr).toContain(
      `Could not start the help desk bot: port ${busyPort} is in use; set PORT`,
    );
    expect(notDir.stderr).toContain('Could not start the help desk bot: DATA_DIR /dev/null/x cannot be used');
  }, 60_000);

  it('keeps the stack trace with LOG_LEVEL=debug', async () => {
    const run = await start({ DATABASE_URL: 'mysql://bot:secretpw@db.example/helpdesk', LOG_LEVEL: 'debug' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unsupported database URL');
    expect(run.stderr).toMatch(STACK_LINE);
  }, 60_000);
});
