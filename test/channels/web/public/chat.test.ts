import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatPageKit, hasChromium, say, startChatPageKit } from './chat-page-kit.js';

// The chat page and its conversation on the server: shown again after a reload, started again when
// the server no longer knows it, and an answer lost on the way back shown after all.
describe.skipIf(!hasChromium())('the chat page and its conversation, in Chromium', () => {
  let kit: ChatPageKit;
  beforeAll(async () => {
    kit = await startChatPageKit();
  }, 60_000);
  afterAll(() => kit?.close());

  it('shows the conversation so far after a reload, with the open form, and goes on in it', async () => {
    const page = await kit.open('alice');
    await say(page, 'open a ticket: the pixel stopped firing on campaign 48213');
    await page.getByRole('button', { name: 'Fill in a form instead' }).click();
    await page.locator('form.bot-form').waitFor();
    const conversation = await page.evaluate(() => sessionStorage.getItem('hd-conv-alice'));
    const formTitle = await page.locator('form.bot-form strong').first().innerText();

    const shownAgain = page.waitForResponse((r) => r.url().includes('/messages?'));
    await page.reload();
    expect((await shownAgain).status()).toBe(200);
    await page.locator('form.bot-form').waitFor();
    expect(await page.locator('#log').innerText()).toContain(
      'open a ticket: the pixel stopped firing on campaign 48213',
    );
    expect(await page.locator('form.bot-form strong').first().innerText()).toBe(formTitle);
    expect(await page.locator('form.bot-form').count()).toBe(1);

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await page.locator('form.bot-form').getByRole('button', { name: 'Cancel' }).click();
    expect(JSON.parse((await sent).postData() ?? '{}').conversation).toBe(conversation);
  });

  it('keeps the chat on screen when the help desk no longer knows the conversation, and gets the message answered in a new one', async () => {
    const page = await kit.open('erin');
    await say(page, 'hi');
    await page.locator('.msg.bot').first().waitFor();
    const old = await page.evaluate(() => sessionStorage.getItem('hd-conv-erin'));

    // The server restarted on a fresh database: the next message's conversation is unknown.
    const ids: string[] = [];
    await page.route('**/api/chat', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      ids.push(body.id);
      if (body.conversation === old)
        return route.fulfill({
          status: 404,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'not_found', message: `Unknown conversation: ${old}` }),
        });
      return route.continue();
    });
    await say(page, 'how do I set up the tracking pixel?');
    await page.locator('.msg.notice.warning', { hasText: 'started a new chat' }).waitFor();
    await expect.poll(() => page.locator('.msg.bot').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const log = await page.locator('#log').innerText();
    expect(log).toContain('hi');
    expect(log).toContain('how do I set up the tracking pixel?');
    expect(ids).toEqual([ids[0], ids[0]]);
    const now = await page.evaluate(() => sessionStorage.getItem('hd-conv-erin'));
    expect(now).not.toBe(old);
    expect(now).toBeTruthy();
  });

  it('shows the answer to a message whose answer was lost on the way back, once', async () => {
    const page = await kit.open('hal');
    let lost = true;
    await page.route('**/api/chat', async (route) => {
      if (!lost) return route.continue();
      lost = false;
      await route.fetch(); // the server handled it...
      await route.abort('connectionreset'); // ...and the answer never arrived
    });
    await say(page, 'hello');
    await page.locator('.msg.bot').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    expect(await page.locator('.msg.bot').count()).toBe(1);
    expect(await page.locator('.msg.bot').innerText()).toMatch(/hal/i);
    const hal = await kit.bot.database.prisma.channelIdentity.findFirst({ where: { externalId: 'hal' } });
    expect(
      await kit.bot.database.prisma.message.count({ where: { authorId: hal!.userId, direction: 'in' } }),
    ).toBe(1);
  });
});
