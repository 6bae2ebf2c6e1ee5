import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { startTerminalChat, type TerminalChat } from './terminal-chat-process.js';

// `npm start` (its agent console) and `npm run chat` next to it, on one database.
let database: TestDatabase;
let server: App;
let chat: TerminalChat | undefined;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  server = await createApp(loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent' }), {
    http: false,
    logger: pino({ level: 'silent' }),
  });
  await server.start();
}, 240_000);
afterAll(async () => {
  chat?.kill();
  await server?.stop();
  await database?.drop();
});

it('shows the agent joining and answering while the user waits at the prompt', async () => {
  const desk = server.services.shared.agentDesk!;
  const sam = (await server.services.users.byId('usr_sam'))!;
  await desk.setAvailability(sam, 'online');

  chat = startTerminalChat(database.url);
  await chat.waitFor(/you › $/, 150_000);
  await chat.type('I need to talk to a person about my missing payouts');
  expect(chat.output()).toMatch(/in line/);

  const [waiting] = await desk.queue();
  expect((await desk.claim(sam, waiting!.handoffId)).ok).toBe(true);
  await desk.reply(sam, waiting!.handoffId, 'Hi Alice, Sam here: checking your payouts now.');
  // Nothing typed: the terminal shows them as they arrive, then prompts again.
  await chat.waitFor(/Sam Agent.* has joined the chat/, 10_000);
  await chat.waitFor(/agent › Hi Alice, Sam here: checking your payouts now\.\n+you › $/, 10_000);

  // The user's answer goes to Sam; the bot says nothing of its own.
  await chat.type('thanks, the payouts are for March');
  await chat.exit();
  const relayed = await server.services.db.message.findMany({ where: { text: { contains: 'for March' } } });
  expect(relayed.length).toBeGreaterThan(0);
  expect(chat.output().match(/Sam here/g)).toHaveLength(1);
}, 240_000);
