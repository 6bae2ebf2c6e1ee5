import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandoffKit, startHandoffKit } from '../skills/handoff/handoff-kit.js';
import { hasChromium, launchChromium } from '../support/chromium.js';

describe.skipIf(!hasChromium())('the web agent console in Chromium', () => {
  let kit: HandoffKit;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    kit = await startHandoffKit('sqlite', { http: true });
    base = `http://127.0.0.1:${kit.bot.app.port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    // The console's event stream is still open: the server must end it to stop.
    const stopped = performance.now();
    await kit?.close();
    expect(performance.now() - stopped).toBeLessThan(5000);
    await browser?.close();
  });

  it('an agent claims the chat a user opened in the web chat and answers it', async () => {
    const agentPage = await browser.newPage();
    await agentPage.goto(`${base}/agent?agent=sam`);
    await agentPage.locator('#me').filter({ hasText: 'Sam Agent' }).waitFor();
    await agentPage.locator('#live.on').waitFor();
    await agentPage.selectOption('#availability', 'online');
    await expect.poll(async () => (await kit.desk.me(await kit.agent('sam')))?.availability).toBe('online');

    const userPage = await browser.newPage();
    await userPage.goto(`${base}/?user=alice`);
    await userPage.fill('#text', 'my payout for March is missing');
    await userPage.press('#text', 'Enter');
    await userPage.locator('.msg.bot').first().waitFor();
    await userPage.fill('#text', 'I need to talk to an agent');
    await userPage.press('#text', 'Enter');
    await userPage.locator('.msg.bot', { hasText: 'in line' }).waitFor();

    // The queue updates live: the chat appears without a reload.
    const item = agentPage.locator('#queue li', { hasText: 'Alice Brand' });
    await item.waitFor();
    await item.getByRole('button', { name: 'Claim' }).click();
    await agentPage.locator('#mine li', { hasText: 'Alice Brand' }).waitFor();
    await agentPage.locator('#chat .summary', { hasText: 'my payout for March is missing' }).waitFor();
    await userPage.locator('.msg.system', { hasText: 'Sam Agent has joined the chat' }).waitFor();

    await userPage.fill('#text', 'It was due on the 15th');
    await userPage.press('#text', 'Enter');
    await agentPage.locator('#chat .entry.user', { hasText: 'It was due on the 15th' }).waitFor();
    // The user's words reach the agent exactly as typed: no Markdown, no link with a hidden target.
    const typed = 'Failing in __init__.py, see [the order page](https://example.com/login)';
    await userPage.fill('#text', typed);
    await userPage.press('#text', 'Enter');
    const line = agentPage.locator('#chat .entry.user', { hasText: 'Failing in' });
    await line.waitFor();
    expect(await line.textContent()).toContain(typed);
    expect(await line.locator('a').count()).toBe(0);

    await agentPage.selectOption('#chat .canned', 'greeting');
    await expect.poll(() => agentPage.inputValue('#chat .reply-text')).toContain('{userName}');
    await agentPage.fill(
      '#chat .reply-text',
      'Hi {userName}, I can see the March payout is on hold. Releasing it **now**.',
    );
    await agentPage.click('#chat .send');
    const sent = agentPage.locator('#chat .entry.agent', { hasText: 'Releasing it now' });
    await sent.waitFor();
    // The transcript shows the chat's Markdown as formatting, as the chat page does, not as asterisks.
    expect(await sent.locator('strong').textContent()).toBe('now');
    expect(await sent.textContent()).not.toContain('**');
    const answer = userPage.locator('.msg.agent', {
      hasText: 'Hi Alice, I can see the March payout is on hold',
    });
    await answer.waitFor();
    expect(await answer.locator('.author').textContent()).toBe('Agent');

    await agentPage.check('#chat .as-note');
    await agentPage.fill('#chat .reply-text', 'Payout hold lifted in the finance tool');
    await agentPage.click('#chat .send');
    await agentPage.locator('#chat .entry.note', { hasText: 'Payout hold lifted' }).waitFor();

    await agentPage.click('#chat .close-chat');
    await userPage.locator('.msg.system', { hasText: 'has closed the chat' }).waitFor();
    await userPage.getByRole('button', { name: '5' }).click();
    await userPage.locator('.msg.bot', { hasText: 'Thanks for rating' }).waitFor();
    await expect
      .poll(async () => (await kit.bot.app.services.db.handoff.findFirst({ where: { rating: 5 } }))?.status)
      .toBe('resolved');
    expect(await userPage.locator('.msg.system', { hasText: 'Payout hold lifted' }).count()).toBe(0);
    await agentPage.locator('#mine-count', { hasText: '0' }).waitFor();
  });
});
