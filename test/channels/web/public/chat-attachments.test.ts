import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatPageKit, hasChromium, sentTexts, startChatPageKit } from './chat-page-kit.js';

// A screenshot goes with the message (README: up to 5 files); one the API cannot take is refused
// on the page with its size and the limit, before anything is sent.
describe.skipIf(!hasChromium())('the chat page sending files, in Chromium', () => {
  let kit: ChatPageKit;
  beforeAll(async () => {
    kit = await startChatPageKit();
  }, 60_000);
  afterAll(() => kit?.close());

  it('sends a 300 KB screenshot with the message, every byte of it', async () => {
    const page = await kit.open('carol');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const screenshot = randomBytes(300_000);
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await page.setInputFiles('#file', { name: 'screenshot.png', mimeType: 'image/png', buffer: screenshot });
    await page.fill('#text', 'the pixel stopped firing, see the screenshot');
    await page.press('#text', 'Enter');

    const body = JSON.parse((await posted).postData() ?? '{}');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]).toMatchObject({ name: 'screenshot.png', mimeType: 'image/png' });
    expect(Buffer.from(body.attachments[0].contentBase64, 'base64').equals(screenshot)).toBe(true);
    await page.locator('.msg.bot').first().waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  });

  it('refuses a file over the limit before sending, says its size and the limit, and keeps the text', async () => {
    const page = await kit.open('dina');
    const sent = sentTexts(page);
    await page.setInputFiles('#file', {
      name: 'recording.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(1_600_000, 7),
    });
    await page.fill('#text', 'see the recording');
    await page.press('#text', 'Enter');
    await page
      .locator('.msg.notice.error', { hasText: 'recording.png is 1.5 MB; one file can be at most 1.4 MB' })
      .waitFor();
    expect(await page.inputValue('#text')).toBe('see the recording');
    expect(await page.locator('.msg.user').count()).toBe(0);
    expect(sent).toEqual([]);

    // Files that fit one by one but not together in one message.
    const part = Buffer.alloc(1_200_000, 7);
    await page.setInputFiles('#file', [
      { name: 'a.png', mimeType: 'image/png', buffer: part },
      { name: 'b.png', mimeType: 'image/png', buffer: part },
    ]);
    await page.press('#text', 'Enter');
    await page.locator('.msg.notice.error', { hasText: 'These files come to 2.3 MB together' }).waitFor();
    expect(sent).toEqual([]);
  });
});
