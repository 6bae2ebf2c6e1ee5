import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandoffKit, startHandoffKit } from '../skills/handoff/handoff-kit.js';
import { hasChromium, launchChromium } from '../support/chromium.js';

const CHAT_TOKEN = 'chat-token-e2e';
const CONSOLE_TOKEN = 'console-token-e2e';

describe.skipIf(!hasChromium())('the bundled pages carry their tokens, in Chromium', () => {
  let kit: HandoffKit;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    kit = await startHandoffKit('sqlite', {
      http: true,
      env: { WEB_AUTH_TOKEN: CHAT_TOKEN, AGENT_CONSOLE_TOKEN: CONSOLE_TOKEN },
    });
    base = `http://127.0.0.1:${kit.bot.app.port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await kit?.close();
    await browser?.close();
  });

  it('the web chat page opened with ?token= sends it, keeps it for the tab and hides it from the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/?user=alice&token=${CHAT_TOKEN}`);
    await page.fill('#text', 'hello');
    await page.press('#text', 'Enter');
    await page.locator('.msg.bot').first().waitFor();
    expect(await page.locator('.msg.notice.error').count()).toBe(0);
    expect(page.url()).toBe(`${base}/?user=alice`);

    await page.reload();
    await page.fill('#text', 'help');
    await page.press('#text', 'Enter');
    await page.locator('.msg.bot').first().waitFor();
    expect(await page.locator('.msg.notice.error').count()).toBe(0);
  });

  it('the agent console opened with its own ?token= signs in and goes live', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/agent?agent=sam&token=${CONSOLE_TOKEN}`);
    await page.locator('#me').filter({ hasText: 'Sam Agent' }).waitFor();
    await page.locator('#live.on').waitFor();
    expect(page.url()).toBe(`${base}/agent?agent=sam`);
  });
});
