import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/conversation.js';
import { httpRequest } from '../../support/http-client.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';

/** Seeded PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);

function fuzzer(random: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (n: number) => Math.floor(random() * n);
  const chars = [
    'a',
    'é',
    '🙂',
    '\u0000',
    '\u0007',
    '\u001b',
    '\u202e',
    '\ud800',
    '<@U1>',
    '<!channel>',
    '"',
    '\\',
    '\n',
    ' ',
    '*',
    '~',
    '{',
    '}',
  ];
  const str = (max: number) => Array.from({ length: int(max) }, () => pick(chars)).join('');
  const anyValue = (depth: number): unknown => {
    switch (int(depth > 2 ? 5 : 8)) {
      case 0:
        return null;
      case 1:
        return random() * 1e12 - 5e11;
      case 2:
        return random() < 0.5;
      case 3:
        return str(40);
      case 4:
        return pick(['alice', 'sam', 'ada', '', ' ', 'web-x', '0', '-1']);
      case 5:
        return Array.from({ length: int(4) }, () => anyValue(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: int(4) }, () => [
            pick(['user', 'text', 'value', 'skill', 'intent', 'action', 'answerId', str(6)]),
            anyValue(depth + 1),
          ]),
        );
    }
  };
  const users = ['alice', 'bob', 'pat', 'sam', 'ada', 'fuzz-1', 'fuzz-2'];
  return (): { body: Buffer; type: string; path: string; method: string } => {
    const kind = int(12);
    let body: Buffer;
    let type = 'application/json';
    if (kind === 0) {
      body = Buffer.from(Array.from({ length: int(300) }, () => int(256)));
    } else if (kind === 1) {
      body = Buffer.from(JSON.stringify(anyValue(0)));
    } else if (kind === 2) {
      body = Buffer.from(JSON.stringify({ user: pick(users), text: 'x'.repeat(int(20_000)) }));
    } else if (kind === 3) {
      type = pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        '',
        'application/jsonx',
        'application/json; charset=latin1',
      ]);
      body = Buffer.from(JSON.stringify({ user: pick(users), text: 'hi' }));
    } else if (kind === 4) {
      const valid = Buffer.from(JSON.stringify({ user: pick(users), text: 'hello ' }));
      body = Buffer.concat([
        valid.subarray(0, valid.length - 3),
        Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]),
        valid.subarray(valid.length - 3),
      ]);
    } else if (kind === 5) {
      body = Buffer.from(
        JSON.stringify({
          user: anyValue(0),
          text: anyValue(0),
          conversation: anyValue(0),
          value: anyValue(0),
          extra: anyValue(0),
        }),
      );
    } else if (kind === 6) {
      body = Buffer.from(
        JSON.stringify({
          user: pick(users),
          text: str(60),
          value: {
            skill: pick(['core', 'docs', 'tickets', 'nope', 'handoff']),
            intent: pick(['ticket.create', 'bot.help', 'zzz', '']),
            action: pick(['feedback', 'x']),
            answerId: str(10),
            helpful: anyValue(2),
          },
        }),
      );
    } else if (kind === 7) {
      body = Buffer.from(
        JSON.stringify({
          user: pick(users),
          text: pick(['hello', 'help', 'thanks', 'cancel', 'what?', str(30)]),
          conversation: pick(['web-abc', '../../x', str(12), 'a'.repeat(200)]),
        }),
      );
    } else if (kind === 8) {
      body = Buffer.from(
        `{"user":"${pick(users)}","text":"${str(20).replace(/["\\]/g, '')}"`.repeat(int(3) + 1),
      );
    } else {
      body = Buffer.from(
        JSON.stringify({
          user: pick(users),
          text: pick(['hello', 'help me', 'thanks a lot', 'what can you do', str(80)]),
          attachments:
            random() < 0.1
              ? [
                  {
                    name: str(10) || 'f',
                    mimeType: pick(['text/plain', 'bad type']),
                    contentBase64: Buffer.from(str(20)).toString('base64'),
                  },
                ]
              : undefined,
          id: random() < 0.3 ? String(int(50)) : undefined,
        }),
      );
    }
    const path =
      random() < 0.05
        ? pick(['/api/chat/x/updates?after=-1', '/api/chat/%E0%A4%A/updates', '/api/chat?x=1', '/api//chat'])
        : '/api/chat';
    const method = random() < 0.03 ? pick(['PUT', 'DELETE', 'PATCH']) : 'POST';
    return { body, type, path, method };
  };
}

describe('web chat API under 10,000 random and malformed requests', () => {
  let bot: TestBot;
  beforeAll(async () => {
    // 10,000 requests from one address in seconds: the rate limit (tested on its own) is off here.
    bot = await startTestBot('sqlite', {
      http: true,
      matcher: keywordMatcher(basicRules),
      modules: [],
      env: { WEB_CHAT_LIMIT_PER_ADDRESS: '0', WEB_CHAT_LIMIT_PER_USER: '0' },
    });
  });
  afterAll(() => bot.close());

  it('never answers 5xx, never crashes, never writes half a turn', async () => {
    const next = fuzzer(prng(SEED));
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < COUNT) {
        sent++;
        const r = next();
        const headers: Record<string, string> = r.type ? { 'content-type': r.type } : {};
        const res = await httpRequest(bot.app.port, {
          method: r.method,
          path: r.path,
          headers,
          body: r.body,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 && failures.length < 5)
          failures.push(`${res.status} ${r.body.subarray(0, 120).toString('latin1')} → ${res.text}`);
        if (!/^application\/json/.test(String(res.headers['content-type'])))
          failures.push(`non-JSON answer ${res.status}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(COUNT * 0.2);
    expect((await httpRequest(bot.app.port, { path: '/healthz' })).status).toBe(200);

    // Each stored turn wrote its inbound message and its state together: one inbound message per version.
    const db = bot.database.prisma;
    const conversations = await db.conversation.findMany({ select: { id: true, version: true } });
    const inbound = await db.message.groupBy({
      by: ['conversationId'],
      where: { direction: 'in' },
      _count: { _all: true },
    });
    const counts = new Map(inbound.map((g) => [g.conversationId, g._count._all]));
    for (const c of conversations) expect(counts.get(c.id) ?? 0, c.id).toBe(c.version);
  }, 240_000);
});
