import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDesk } from '../../../../src/skills/tickets/ticket-desk.js';
import { type ChatPageKit, hasChromium, say, startChatPageKit } from './chat-page-kit.js';

/** What dom.js rich() makes of a text, as HTML (a string script: Vitest would rewrite an import() in a function). */
const richHtml = (page: Page, text: string): Promise<string> =>
  page.evaluate(`import('/static/dom.js').then(({ rich }) => {
    const box = document.createElement('div');
    box.append(rich(${JSON.stringify(text)}));
    return box.innerHTML;
  })`);

describe.skipIf(!hasChromium())('text in the chat page, in Chromium', () => {
  let kit: ChatPageKit;
  beforeAll(async () => {
    kit = await startChatPageKit();
  }, 60_000);
  afterAll(() => kit?.close());

  it('rich(): the bot’s markdown is formatted; backslash-escaped characters are shown as typed', async () => {
    const page = await kit.open('ann');
    expect(await richHtml(page, 'See **#1000** in _the_ [help center](https://help.example.com/a)')).toBe(
      'See <strong>#1000</strong> in <em>the</em> <a href="https://help.example.com/a" target="_blank" rel="noopener">help center</a>',
    );
    expect(await richHtml(page, 'logs in \\[the folder\\](https://evil.example/login)')).toBe(
      'logs in [the folder](https://evil.example/login)',
    );
    expect(await richHtml(page, '\\*\\*not bold\\*\\* \\_nor italic\\_ a\\\\b C:\\Users')).toBe(
      '**not bold** _nor italic_ a\\b C:\\Users',
    );
    // An escaped star inside bold ends nothing; the bold's text is unescaped too.
    expect(await richHtml(page, '**a \\*\\* b** “x\\_y”')).toBe('<strong>a ** b</strong> “x_y”');
    expect(await richHtml(page, '<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it("a colleague's comment on a shared ticket is shown as typed, not as a link with a hidden target", async () => {
    const { bot } = kit;
    const alice = bot.chat('alice');
    const bob = bot.chat('bob');
    await alice.say('hello');
    await bob.say('hello');
    const desk = bot.app.services.shared.tickets as TicketDesk;
    const ticket = await desk.create({
      requester: alice.last!.user,
      subject: 'Pixel stopped firing',
      issueType: 'other',
      description: 'No conversions since Monday on checkout.',
      shared: true,
      ccEmails: [],
      channel: 'web',
      conversationId: null,
      idempotencyKey: 'colleague-comment',
    });
    const typed =
      'Same here since **Monday**, our logs are in [the shared folder](https://evil.example/login)';
    expect((await desk.addComment(bob.last!.user, ticket.id, typed)).ok).toBe(true);

    const page = await kit.open('alice');
    await say(page, `status of ${ticket.id}`);
    const card = page.locator('.msg.bot .card', { hasText: 'Latest from Bob' });
    await card.waitFor();
    expect(await card.locator('a[href^="https://evil.example"]').count(), 'a hidden link').toBe(0);
    expect(await card.locator('strong', { hasText: 'Monday' }).count()).toBe(0);
    expect(await card.textContent()).toContain(`“${typed}”`);
  });
});
