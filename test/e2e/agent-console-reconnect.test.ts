import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandoffKit, startHandoffKit } from '../skills/handoff/handoff-kit.js';
import { hasChromium, launchChromium } from '../support/chromium.js';
import { httpRequest } from '../support/http-client.js';

describe.skipIf(!hasChromium())('the agent console live feed after a restart, in Chromium', () => {
  let kit: HandoffKit;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    kit = await startHandoffKit('sqlite', { http: true });
    base = `http://127.0.0.1:${kit.bot.app.port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await kit?.close();
    await browser?.close();
  });

  const chat = (body: Record<string, string>) =>
    httpRequest(kit.bot.app.port, {
      method: 'POST',
      path: '/api/chat',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'alice', ...body }),
    });

  it('reconnects when the event stream answers 503 (a restarting instance), and new messages show up live', async () => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    const asked = (await chat({ text: 'I want to talk to an agent' })).json<{ conversation: string }>();
    await kit.settle();

    const page = await browser.newPage();
    let streams = 0;
    // The first try meets an instance that is shutting down; a standard EventSource gives up on a non-200 answer.
    await page.route('**/agent/api/events?*', async (route) => {
      streams += 1;
      if (streams === 1) {
        await route.fulfill({ status: 503, headers: { 'retry-after': '2' }, body: '' });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${base}/agent?agent=sam`);
    await page.locator('#me').filter({ hasText: 'Sam Agent' }).waitFor();
    const item = page.locator('#queue li', { hasText: 'Alice Brand' });
    await item.getByRole('button', { name: 'Claim' }).click();
    await page.locator('#mine li', { hasText: 'Alice Brand' }).waitFor();

    await page.locator('#live.on').waitFor({ timeout: 5000 });
    expect(streams).toBe(2);
    await chat({ text: 'are you still there?', conversation: asked.conversation });
    // Well inside the 15 s safety net: the message comes over the reconnected stream.
    await page.locator('#chat .entry.user', { hasText: 'are you still there?' }).waitFor({ timeout: 5000 });
    expect(await page.locator('#chat .entry.user', { hasText: 'are you still there?' }).count()).toBe(1);
  });
});
