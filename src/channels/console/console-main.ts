import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { pino } from 'pino';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { BotError } from '../../core/errors.js';
import type { Action } from '../../core/reply.js';
import { CONSOLE_TEXTS } from './console-texts.js';
import { renderTerminal } from './render-terminal.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

/**
 * The terminal chat: the whole bot in-process on the same database as `npm start`.
 * Type a number to press a button; CHAT_USER picks who you are (alice, pat, sam...).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const app = await createApp(config, { http: false, logger });
  await app.start();
  const who = process.env.CHAT_USER ?? userInfo().username;
  const conversationKey = `console-${who}-${randomUUID().slice(0, 8)}`;
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(
    `Help desk terminal chat, signed in as "${who}". Type "help", a question, or "exit". Numbers press buttons.\n`,
  );

  let actions: Action[] = [];
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('you › ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    const pressed = /^\d+$/.test(text) ? actions[Number(text) - 1] : undefined;
    // Like the web chat, a message over MAX_MESSAGE_CHARS is refused whole rather than answered by its start.
    if (text.length > config.MAX_MESSAGE_CHARS) {
      out(`bot › ${CONSOLE_TEXTS.tooLong(text.length, config.MAX_MESSAGE_CHARS)}\n`);
      rl.prompt();
      continue;
    }
    try {
      const result = await app.bot.handle({
        channel: 'console',
        workspace: '',
        conversationKey,
        user: { externalId: who },
        text: pressed ? '' : text,
        value: pressed?.value,
        attachments: [],
      });
      actions = [];
      for (const reply of result.replies) out(`bot › ${renderTerminal(reply, actions)}\n`);
    } catch (error) {
      out(`bot › ${error instanceof BotError ? error.message : 'Something went wrong; please try again.'}`);
    }
    rl.prompt();
  }
  rl.close();
  await app.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Could not start the terminal chat: ${error instanceof BotError ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
