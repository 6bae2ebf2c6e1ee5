import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatPageKit, hasChromium, say, startChatPageKit } from './chat-page-kit.js';

interface Posted {
  id: string;
  text: string;
  conversation?: string;
  at: number;
}

/** Every POST /api/chat the page makes, answered by `answer` (the real server unless it says otherwise). */
async function interceptChat(
  page: Page,
  answer: (route: Route, n: number) => Promise<void>,
): Promise<Posted[]> {
  const posted: Posted[] = [];
  await page.route('**/api/chat', async (route) => {
    posted.push({ ...JSON.parse(route.request().postData() ?? '{}'), at: Date.now() });
    await answer(route, posted.length);
  });
  return posted;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const unavailable = { error: 'in_progress', message: 'The help desk is temporarily unavailable.' };

// A message on its way: shown as not sent while it is not, sent again by itself with the same id
// (the server handles an id once), one at a time in the order written.
describe.skipIf(!hasChromium())('the chat page sending messages, in Chromium', () => {
  let kit: ChatPageKit;
  beforeAll(async () => {
    kit = await startChatPageKit();
  }, 60_000);
  afterAll(() => kit?.close());

  it('a message the connection lost is shown as not sent, sent again with the same id, and answered', async () => {
    const page = await kit.open('dave');
    const posted = await interceptChat(page, (route, n) =>
      n === 1 ? route.abort('connectionrefused') : route.continue(),
    );
    await say(page, 'hello');
    const notice = page.locator('.msg.notice.error');
    await notice.filter({ hasText: 'Not sent yet: the help desk cannot be reached' }).waitFor();
    expect(await page.locator('.msg.user.pending').count()).toBe(1);

    await page.locator('.msg.bot').first().waitFor();
    expect(posted.map((p) => p.id)).toEqual([posted[0]!.id, posted[0]!.id]);
    expect(await notice.count()).toBe(0);
    expect(await page.locator('.msg.user.pending').count()).toBe(0);
  });

  it('waits what Retry-After says after a 503, then sends the same id again', async () => {
    const page = await kit.open('kim');
    const posted = await interceptChat(page, (route, n) =>
      n === 1 ? route.fulfill(json(503, unavailable, { 'retry-after': '2' })) : route.continue(),
    );
    await say(page, 'hello');
    await page.locator('.msg.notice.error', { hasText: 'Sending it again in 2 s' }).waitFor();
    expect(await page.inputValue('#text')).toBe('');
    expect(await page.locator('.msg.user').innerText()).toBe('hello');

    await page.locator('.msg.bot').first().waitFor();
    expect(posted).toHaveLength(2);
    expect(posted[1]!.id).toBe(posted[0]!.id);
    expect(posted[1]!.at - posted[0]!.at).toBeGreaterThanOrEqual(1800);
  });

  it('stops after a bounded number of attempts and offers Retry, which sends the same id', async () => {
    const page = await kit.open('lou');
    let down = true;
    const posted = await interceptChat(page, (route) =>
      down
        ? route.fulfill(
            json(429, { error: 'rate_limited', message: 'Too many messages.' }, { 'retry-after': '1' }),
          )
        : route.continue(),
    );
    await say(page, 'hello');
    const gaveUp = page.locator('.msg.notice.error', { hasText: 'Not sent: Too many messages. Press Retry' });
    await gaveUp.waitFor({ timeout: 15_000 });
    expect(posted).toHaveLength(6);
    expect(await page.locator('.msg.user.failed').count()).toBe(1);
    await page.waitForTimeout(1500);
    expect(posted).toHaveLength(6);

    down = false;
    await gaveUp.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.msg.bot').first().waitFor();
    expect(new Set(posted.map((p) => p.id)).size).toBe(1);
    expect(await page.locator('.msg.notice.error').count()).toBe(0);
    expect(await page.locator('.msg.user.failed').count()).toBe(0);
  }, 40_000);

  it('puts a refused message back in the box, saying why, and sends it only once', async () => {
    const page = await kit.open('mae');
    const posted = await interceptChat(page, (route) =>
      route.fulfill(
        json(400, { error: 'bad_request', message: 'text: must not contain control characters' }),
      ),
    );
    await say(page, 'my payout for March is missing');
    await page
      .locator('.msg.notice.error', { hasText: 'Not sent: text: must not contain control characters' })
      .waitFor();
    expect(await page.inputValue('#text')).toBe('my payout for March is missing');
    await page.waitForTimeout(1500);
    expect(posted).toHaveLength(1);
  });

  it('shows the help desk answering while an answer is slow; a message written meanwhile waits for it and goes to the same conversation', async () => {
    const page = await kit.open('ivy');
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const posted = await interceptChat(page, async (route, n) => {
      if (n > 1) return route.continue();
      const answer = await route.fetch();
      await held;
      await route.fulfill({ response: answer });
    });
    await say(page, 'hi');
    await page.locator('.msg.typing', { hasText: 'The help desk is answering' }).waitFor();
    expect(await page.getAttribute('#log', 'aria-busy')).toBe('true');
    await say(page, 'my open tickets');
    await page.waitForTimeout(500);
    expect(posted.map((p) => p.text)).toEqual(['hi']);

    release();
    await expect.poll(() => page.locator('.msg.bot').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(posted.map((p) => p.text)).toEqual(['hi', 'my open tickets']);
    const conversation = await page.evaluate(() => sessionStorage.getItem('hd-conv-ivy'));
    expect(posted[1]!.conversation).toBe(conversation);
    const log = await page
      .locator('#log > .msg')
      .evaluateAll((nodes) => nodes.map((n) => `${n.className}: ${n.textContent?.slice(0, 20)}`));
    expect(log[0]).toBe('msg user: hi');
    expect(log[1]).toBe('msg user: my open tickets');
    expect(log[2]).toMatch(/^msg bot: Hi ivy|^msg bot: Hello ivy/i);
    expect(log[3]).toMatch(/^msg bot: .*tickets/i);
    expect(await page.locator('.msg.typing').count()).toBe(0);
    expect(await page.getAttribute('#log', 'aria-busy')).toBeNull();
  });
});
