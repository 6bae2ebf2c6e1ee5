import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { postChat } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';

const bot = (env: Record<string, string> = {}) =>
  startTestBot('sqlite', { http: true, matcher: keywordMatcher(basicRules), modules: [], env });

describe('web chat rate limit with the default settings', () => {
  let b: TestBot;
  beforeAll(async () => {
    b = await bot();
  });
  afterAll(() => b.close());

  it('answers 300 rapid messages from one address, each from a new user, mostly with 429', async () => {
    const usersBefore = await b.database.prisma.user.count();
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof postChat>> | undefined;
    for (let i = 0; i < 300; i++) {
      const r = await postChat(b.app.port, { user: `flood-${i}`, text: 'hi' });
      statuses.push(r.status);
      if (r.status === 429) limited ??= r;
    }
    const accepted = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // Half a minute's worth at once (60), then 2 a second while the flood lasts.
    expect(accepted).toBeGreaterThanOrEqual(60);
    expect(accepted).toBeLessThan(150);
    expect((await b.database.prisma.user.count()) - usersBefore).toBe(accepted);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited?.json()).toMatchObject({
      error: 'rate_limited',
      message: expect.stringMatching(/too many/i),
    });
  });
});

describe('web chat rate limit with small settings', () => {
  it('limits one web user while another user of the same address goes on', async () => {
    const b = await bot({ WEB_CHAT_LIMIT_PER_USER: '6', WEB_CHAT_LIMIT_PER_ADDRESS: '600' });
    try {
      const pat: number[] = [];
      for (let i = 0; i < 5; i++) pat.push((await postChat(b.app.port, { user: 'pat', text: 'hi' })).status);
      expect(pat).toEqual([200, 200, 200, 429, 429]);
      const limited = await postChat(b.app.port, { user: 'pat', text: 'hi' });
      // 6 a minute: the next message is allowed about 10 s later.
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(9);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(10);
      expect((await postChat(b.app.port, { user: 'quinn', text: 'hi' })).status).toBe(200);
    } finally {
      await b.close();
    }
  });

  it('limits one address whatever the user, before reading the request', async () => {
    const b = await bot({ WEB_CHAT_LIMIT_PER_ADDRESS: '4', WEB_CHAT_LIMIT_PER_USER: '0' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await postChat(b.app.port, { user: `u${i}`, text: 'hi' })).status);
      expect(statuses).toEqual([200, 200, 429, 429]);
    } finally {
      await b.close();
    }
  });

  it('is off when both settings are 0', async () => {
    const b = await bot({ WEB_CHAT_LIMIT_PER_ADDRESS: '0', WEB_CHAT_LIMIT_PER_USER: '0' });
    try {
      const statuses = new Set<number>();
      for (let i = 0; i < 100; i++)
        statuses.add((await postChat(b.app.port, { user: 'fast', text: 'hi' })).status);
      expect([...statuses]).toEqual([200]);
    } finally {
      await b.close();
    }
  });
});
