import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { clearLine, cursorTo } from 'node:readline';
import { createInterface } from 'node:readline/promises';
import { pino } from 'pino';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { BotError } from '../../core/errors.js';
import type { Action, FormReply, Reply } from '../../core/reply.js';
import { followConversation } from './conversation-follower.js';
import { renderTerminal } from './render-terminal.js';
import { type FormFill, fillForm } from './terminal-form-fill.js';
import { terminalStyle } from './terminal-style.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

/**
 * The terminal chat: the whole bot in-process on the same database as `npm start`.
 * Type a number to press a button; CHAT_USER picks who you are (alice, pat, sam...).
 * What the help desk sends outside a turn (an agent's answers) is shown as it arrives.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const app = await createApp(config, { http: false, logger });
  await app.start();
  const { t } = app.services.responses;
  const stdout = process.stdout;
  const style = terminalStyle(stdout, process.env);
  const who = process.env.CHAT_USER ?? userInfo().username;
  const conversationKey = `console-${who}-${randomUUID().slice(0, 8)}`;
  const out = (text: string) => stdout.write(`${text}\n`);
  const said = (speaker: string, text: string) => out(`${t(`console.speaker.${speaker}`)} › ${text}\n`);
  out(`${t('console.banner', { user: who })}\n`);

  // The buttons shown since the user last wrote, by number; a form's submit starts filling it in.
  let actions: Action[] = [];
  const forms = new Map<Action, FormReply>();
  let filling: FormFill | null = null;
  const show = (speaker: string, reply: Reply) => {
    if (reply.type === 'form') forms.set(reply.submit, reply);
    said(speaker, renderTerminal(reply, actions, style));
  };

  const interactive = process.stdin.isTTY === true && stdout.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: stdout, terminal: interactive });
  rl.setPrompt(`${t('console.speaker.you')} › `);
  let atPrompt = false;
  const prompt = () => {
    atPrompt = true;
    rl.prompt(true);
  };
  const follower = followConversation({
    conversations: app.services.conversations,
    show(message) {
      // Shown above the prompt, which is drawn again with what the user has typed so far.
      if (atPrompt) {
        if (interactive) {
          clearLine(stdout, 0);
          cursorTo(stdout, 0);
        } else out('');
      }
      show(message.author === 'agent' ? 'agent' : 'update', message.reply);
      if (atPrompt) prompt();
    },
  });

  const send = async (text: string, value?: Readonly<Record<string, unknown>>) => {
    try {
      const result = await app.bot.handle({
        channel: 'console',
        workspace: '',
        conversationKey,
        user: { externalId: who },
        text,
        value,
        attachments: [],
      });
      actions = [];
      forms.clear();
      for (const reply of result.replies) show('bot', reply);
      follower.follow(result.conversationId);
    } catch (error) {
      said('bot', error instanceof BotError ? error.message : t('console.failed'));
    }
  };

  prompt();
  for await (const line of rl) {
    atPrompt = false;
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    if (filling && text.toLowerCase() !== 'cancel') {
      const step = filling.answer(line);
      if (step.done) {
        filling = null;
        await send('', step.value);
      } else said('bot', step.text);
      prompt();
      continue;
    }
    filling = null;
    // Numbers press buttons only (links are printed with their address); any other number is text.
    const pressed = /^\d+$/.test(text) ? actions[Number(text) - 1] : undefined;
    const form = pressed && forms.get(pressed);
    // Like the web chat, a message over MAX_MESSAGE_CHARS is refused whole rather than answered by its start.
    if (text.length > config.MAX_MESSAGE_CHARS) {
      const chars = text.length.toLocaleString('en');
      said('bot', t('console.too_long', { chars, max: config.MAX_MESSAGE_CHARS.toLocaleString('en') }));
    } else if (form && form.inputs.length > 0) {
      filling = fillForm(form, t);
      said('bot', filling.first);
    } else if (pressed) {
      await send('', form ? { ...pressed.value, form: {} } : pressed.value);
    } else {
      await send(text);
    }
    prompt();
  }
  rl.close();
  await follower.stop();
  await app.stop();
}

main().catch((error: unknown) => {
  // Said before the responses could be read, so it is the one sentence kept here.
  process.stderr.write(
    `Could not start the terminal chat: ${error instanceof BotError ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
