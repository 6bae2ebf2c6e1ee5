import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/chromium.js';
import { startTestBot, type TestBot } from '../support/conversation.js';
import { httpRequest } from '../support/http-client.js';

/** The whole bot: the ticket module's status card (with the ticket's subject) joins the transcript. */
describe.skipIf(!hasChromium())(
  "the requester's words in others' lines of the agent console, in Chromium",
  () => {
    let bot: TestBot;
    let browser: Browser;
    let base: string;
    beforeAll(async () => {
      bot = await startTestBot('sqlite', { http: true });
      base = `http://127.0.0.1:${bot.app.port}`;
      browser = await launchChromium();
    }, 120_000);
    afterAll(async () => {
      await bot?.close();
      await browser?.close();
    });

    const post = (path: string, body: unknown) =>
      httpRequest(bot.app.port, {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('shows a subject written as a Markdown link as typed in the status line, while Markdown around it stays formatting', async () => {
      await post('/agent/api/availability?agent=sam', { availability: 'online' });
      await post('/api/chat', {
        user: 'alice',
        text: 'I need to talk to a person, the [Reset password](https://evil.example/reset) link from support fails',
      });

      const page = await browser.newPage();
      await page.goto(`${base}/agent?agent=sam`);
      await page.locator('#me').filter({ hasText: 'Sam Agent' }).waitFor();
      const item = page.locator('#queue li', { hasText: 'Alice Brand' });
      await item.getByRole('button', { name: 'Claim' }).click();
      await page.locator('#mine li', { hasText: 'Alice Brand' }).waitFor();
      // The claim sets the ticket In Progress: its card, with the subject, is Sam's line in the transcript.
      const status = page.locator('#chat .entry.agent', { hasText: 'is now In Progress' });
      await status.waitFor({ timeout: 20_000 });
      expect(await page.locator('#chat .transcript a[href^="https://evil.example"]').count()).toBe(0);
      expect(await status.textContent()).toContain(
        'the [Reset password](https://evil.example/reset) link from support fails',
      );

      await page.fill('#chat .reply-text', 'Use **this** [guide](https://help.example.com/reset) instead');
      await page.click('#chat .send');
      const reply = page.locator('#chat .entry.agent', { hasText: 'instead' });
      await reply.waitFor();
      expect(await reply.locator('strong').textContent()).toBe('this');
      expect(await reply.locator('a').getAttribute('href')).toBe('https://help.example.com/reset');
    });
  },
);
