import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { httpRequest, postChat } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('web chat `value` bounds', () => {
  let bot: TestBot;
  let port: number;
  const errors: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        errors.push(chunk.toString('utf8'));
        done();
      },
    });
    bot = await startTestBot('sqlite', {
      http: true,
      matcher: keywordMatcher(basicRules),
      modules: [],
      logger: pino({ level: 'error' }, sink),
    });
    port = bot.app.port;
  });
  afterAll(() => bot.close());

  const post = (value: string) =>
    httpRequest(port, {
      method: 'POST',
      path: '/api/chat',
      headers: { 'content-type': 'application/json' },
      body: `{"user":"nest","text":"hi","value":${value}}`,
    });

  it('refuses a value nested 200,000 levels deep with a clear 400, logs no server error, stores nothing', async () => {
    const before = await bot.database.prisma.message.count();
    const r = await post(nested(200_000));
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({
      error: 'bad_request',
      message: expect.stringMatching(/^value: .*deep/),
    });
    expect(errors).toEqual([]);
    expect(await bot.database.prisma.message.count()).toBe(before);
  });

  it('accepts a value 8 levels deep and refuses one 9 levels deep', async () => {
    expect((await post(nested(8))).status).toBe(200);
    expect((await post(nested(9))).status).toBe(400);
  });

  it('refuses a value larger than its size limit, arrays counted too', async () => {
    const big = await postChat(port, {
      user: 'nest',
      text: 'hi',
      value: { form: { description: 'x'.repeat(20_000) } },
    });
    expect(big.status).toBe(400);
    expect(big.json<{ message: string }>().message).toMatch(/^value: .*characters/);
    const deepArray = await post(`{"a":${'['.repeat(20)}1${']'.repeat(20)}}`);
    expect(deepArray.status).toBe(400);
  });

  it('keeps accepting the values the chat page sends, a long form field included', async () => {
    const form = await postChat(port, {
      user: 'nest',
      text: '',
      value: {
        action: 'tickets.form',
        form: { subject: 'Printer', description: 'y'.repeat(8000), shared: 'true' },
      },
    });
    expect(form.status).toBe(200);
  });

  it('accepts a form field as long as a message even when JSON escapes every character of it', async () => {
    const form = await postChat(port, {
      user: 'nest',
      text: '',
      value: {
        action: 'tickets.form',
        form: { subject: 'Quotes', description: '"\n'.repeat(4000), shared: 'true' },
      },
    });
    expect(form.status).toBe(200);
  });
});
