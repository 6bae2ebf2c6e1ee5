import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatPageKit, hasChromium, sentTexts, startChatPageKit } from './chat-page-kit.js';

// README: text is cut at MAX_MESSAGE_CHARS (default 8000); "the web and terminal chats refuse a
// longer message and say so".
describe.skipIf(!hasChromium())('the chat page and the message limit, in Chromium', () => {
  let kit: ChatPageKit;
  beforeAll(async () => {
    kit = await startChatPageKit();
  }, 60_000);
  afterAll(() => kit?.close());

  it('a pasted message over the limit is not cut: nothing is sent, the text stays, the page says how long it is and the limit', async () => {
    const page = await kit.open('fay');
    const sent = sentTexts(page);
    const pasted = `${'The pixel stopped firing on checkout. '.repeat(526)}END-OF-LOG`;
    expect(pasted.length).toBe(19_998);
    await page.locator('#text').focus();
    await page.keyboard.insertText(pasted); // what a paste does
    expect(await page.locator('#text').inputValue()).toBe(pasted);
    await page.press('#text', 'Enter');

    const note = page.locator('#text-limit');
    await note.filter({ hasText: 'Nothing was sent' }).waitFor();
    expect(await note.textContent()).toContain('19,998 characters');
    expect(await note.textContent()).toContain('the limit is 8,000');
    expect(await page.locator('#text').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#text').inputValue()).toBe(pasted);
    expect(await page.locator('.msg').count()).toBe(0);
    expect(sent).toEqual([]);

    // Shortened to the part that matters, it goes out whole and the note goes away.
    await page.fill('#text', 'The pixel stopped firing on checkout. END-OF-LOG');
    expect(await note.isHidden()).toBe(true);
    await page.press('#text', 'Enter');
    await page.locator('.msg.bot').first().waitFor();
    expect(sent).toEqual(['The pixel stopped firing on checkout. END-OF-LOG']);
  });

  it('a message of exactly the limit is sent whole, with a count shown while it is near the limit', async () => {
    const page = await kit.open('gil');
    const sent = sentTexts(page);
    const text = `${'x'.repeat(7_990)} checkout`;
    expect(text.length).toBe(7_999);
    await page.locator('#text').focus();
    await page.keyboard.insertText(`${text}!`);
    expect(await page.locator('#text-limit').textContent()).toContain('8,000 / 8,000');
    await page.press('#text', 'Enter');
    await page.locator('.msg.bot').first().waitFor();
    expect(sent).toEqual([`${text}!`]);
    expect(await page.locator('#text-limit').isHidden()).toBe(true);
  });
});

describe.skipIf(!hasChromium())('the chat page and a raised MAX_MESSAGE_CHARS, in Chromium', () => {
  let kit: ChatPageKit;
  beforeAll(async () => {
    kit = await startChatPageKit({ MAX_MESSAGE_CHARS: '12000' });
  }, 60_000);
  afterAll(() => kit?.close());

  it('the page takes the server’s limit: 10,000 characters are sent whole, 12,001 are refused naming 12,000', async () => {
    const page = await kit.open('hal');
    const sent = sentTexts(page);
    await page.locator('#text').focus();
    await page.keyboard.insertText(`${'y'.repeat(12_000)}z`);
    await page.press('#text', 'Enter');
    await page.locator('#text-limit', { hasText: 'the limit is 12,000' }).waitFor();
    expect(sent).toEqual([]);

    const text = `${'y'.repeat(9_990)} checkout`;
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
    await page.locator('.msg.bot').first().waitFor();
    expect(sent).toEqual([text]);
    expect(await page.locator('.msg.notice.error').count()).toBe(0);
  });
});
