import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** Runs `npm run chat`'s entry point as a real process, typing into its stdin. */
function runConsole(url: string, lines: string[]): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/channels/console/console-main.ts'], {
      env: { ...process.env, DATABASE_URL: url, CHAT_USER: 'alice', LOG_LEVEL: 'silent', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ out, code }) : reject(new Error(`exit ${code}: ${err}`)),
    );
    // Type one line at a time, each after the previous answer has been printed.
    let sent = 0;
    const typeNext = () => {
      if (sent < lines.length) child.stdin.write(`${lines[sent++]}\n`);
      else child.stdin.end();
    };
    child.stdout.on('data', (d: Buffer) => {
      if (/you › $/.test(d.toString())) typeNext();
    });
  });
}

describe('terminal chat', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database.drop());

  it('holds a conversation: greeting, help, a button pressed by number (my tickets), an out-of-scope message, exit', async () => {
    const { out } = await runConsole(database.url, [
      'hello',
      'what can you do',
      '2',
      'whats the weather in paris',
      'exit',
    ]);
    expect(out).toMatch(/signed in as "alice"/);
    expect(out).toMatch(/bot › (Hi|Hello) Alice/);
    expect(out).toMatch(/Here's what I can do/);
    expect(out).toMatch(/\[1\] File a ticket/);
    // Nobody staffs the live queue here, so the card offers what will happen instead of a live chat.
    expect(out).toMatch(/\[2\] My tickets/);
    expect(out).not.toMatch(/Talk to a person/);
    expect(out).toMatch(/no (open )?tickets|don't have any/i);
    expect(out).toMatch(/not sure I understood|couldn't find/);
    expect(await database.prisma.message.count({ where: { direction: 'in' } })).toBe(4);
  }, 120_000);

  it('refuses a message over MAX_MESSAGE_CHARS with a clear answer, and stores a NUL-byte message without the NUL', async () => {
    const before = await database.prisma.message.count({ where: { direction: 'in' } });
    const { out } = await runConsole(database.url, ['x'.repeat(200_000), 'hello\u0000there', 'exit']);
    expect(out).toContain(
      'bot › Your message is 200,000 characters long; the limit is 8,000. Nothing was sent: please shorten it',
    );
    expect(out).not.toMatch(/went wrong|turn failed/i);
    const stored = await database.prisma.message.findMany({
      where: { direction: 'in' },
      orderBy: { id: 'asc' },
      skip: before,
    });
    expect(stored.map((m) => m.text)).toEqual(['hellothere']);
  });
});
