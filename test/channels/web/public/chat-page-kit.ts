import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../support/chromium.js';
import { startTestBot, type TestBot } from '../../../support/conversation.js';

export { hasChromium } from '../../../support/chromium.js';

/** The whole bot with its HTTP server on a fresh SQLite database, and a Chromium to open the chat page in. */
export interface ChatPageKit {
  readonly bot: TestBot;
  open(user: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startChatPageKit(env: Record<string, string> = {}): Promise<ChatPageKit> {
  const bot = await startTestBot('sqlite', { http: true, env });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await bot.close();
    throw error;
  }
  const base = `http://127.0.0.1:${bot.app.port}`;
  return {
    bot,
    async open(user) {
      const page = await browser.newPage();
      // Ready once it has read its sentences and the API's limits.
      const setupRead = page.waitForResponse((r) => r.url().endsWith('/api/chat/page-setup'));
      await page.goto(`${base}/?user=${encodeURIComponent(user)}`);
      await setupRead;
      return page;
    },
    async close() {
      await browser.close();
      await bot.close();
    },
  };
}

/** Types a message in the chat page's message box and presses Enter. */
export async function say(page: Page, text: string): Promise<void> {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

/** The text of every message the page posted to /api/chat from now on. */
export function sentTexts(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/chat')) sent.push(JSON.parse(r.postData() ?? '{}').text ?? '');
  });
  return sent;
}
