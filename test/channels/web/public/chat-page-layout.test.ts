import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatPageKit, hasChromium, say, startChatPageKit } from './chat-page-kit.js';

describe.skipIf(!hasChromium())('the chat page layout, in Chromium', () => {
  let kit: ChatPageKit;
  beforeAll(async () => {
    kit = await startChatPageKit();
  }, 60_000);
  afterAll(() => kit?.close());

  it('a 400-character word (a tracking URL) wraps inside its bubble; the log never scrolls sideways', async () => {
    const page = await kit.open('bob');
    await say(page, `https://shop.example.com/checkout?pclid=${'a1b2c3d4'.repeat(50)}`);
    await page.locator('.msg.bot').first().waitFor();
    const sizes = await page
      .locator('.msg.user')
      .first()
      .evaluate((n) => ({
        content: n.scrollWidth,
        box: n.clientWidth,
        log: n.parentElement?.scrollWidth ?? 0,
        logBox: n.parentElement?.clientWidth ?? 0,
      }));
    expect(sizes.content, 'the text is wider than its bubble').toBeLessThanOrEqual(sizes.box);
    expect(sizes.log, 'the chat log scrolls sideways').toBeLessThanOrEqual(sizes.logBox);
  });

  it('Arabic text is laid out right to left in the message box and in its bubble; English stays left to right', async () => {
    const page = await kit.open('omar');
    const arabic = 'مرحبا، ما هي حالة التذكرة 1042؟';
    const direction = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((n) => getComputedStyle(n).direction);
    await page.fill('#text', arabic);
    expect(await direction('#text')).toBe('rtl');
    await page.press('#text', 'Enter');
    await page.locator('.msg.user', { hasText: 'مرحبا' }).waitFor();
    expect(await direction('.msg.user')).toBe('rtl');

    await say(page, 'hello');
    await page.locator('.msg.user', { hasText: 'hello' }).waitFor();
    expect(await direction('.msg.user >> nth=1')).toBe('ltr');
    expect(await direction('.msg.bot')).toBe('ltr');
  });

  it('Tab from the message box reaches the attach control, which is named "Attach a file"', async () => {
    const page = await kit.open('gus');
    await page.locator('#text').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement;
      return { type: a.type, label: a.getAttribute('aria-label') };
    });
    expect(focused).toEqual({ type: 'file', label: 'Attach a file' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send');
  });
});
