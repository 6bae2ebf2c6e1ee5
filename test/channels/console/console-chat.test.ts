import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { runTerminalChat } from './terminal-chat-process.js';

describe('terminal chat', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database.drop());

  it('holds a conversation: greeting, help, a button pressed by number (my tickets), an out-of-scope message, exit', async () => {
    const out = await runTerminalChat(database.url, [
      'hello',
      'what can you do',
      '2',
      'whats the weather in paris',
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
  }, 240_000);

  it('refuses a message over MAX_MESSAGE_CHARS with a clear answer, and stores a NUL-byte message without the NUL', async () => {
    const before = await database.prisma.message.count({ where: { direction: 'in' } });
    const out = await runTerminalChat(database.url, ['x'.repeat(200_000), 'hello\u0000there']);
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
  }, 240_000);

  it('writes no escape codes to a piped output: **bold** is plain text there', async () => {
    const out = await runTerminalChat(database.url, ['what can you do']);
    expect(out).toContain('Type cancel at any time');
    expect(out).not.toMatch(/\u001b\[/);
  }, 240_000);

  it('prints a link with its address and no number: typing 1 presses the first button', async () => {
    const out = await runTerminalChat(database.url, ['how do I set up the tracking pixel?', '1']);
    expect(out).toMatch(
      / {2}↗ Set up the tracking pixel <https:\/\/help\.example\.com\/articles\/set-up-the-tracking-pixel#find-your-tag>/,
    );
    expect(out).toMatch(/Did this help\?\n {2}\[1\] Yes, thanks\n {2}\[2\] No/);
    const afterPress = out.slice(out.lastIndexOf('[2] No'));
    expect(afterPress).not.toContain("I didn't get any text");
    expect(afterPress).toMatch(/bot › \S/);
  }, 240_000);
});
