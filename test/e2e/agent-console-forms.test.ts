import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HandoffKit, startHandoffKit } from '../skills/handoff/handoff-kit.js';
import { hasChromium, launchChromium } from '../support/chromium.js';
import { httpRequest } from '../support/http-client.js';

/** What the agent sees: the page's own `hidden` must win over the page's CSS. */
const shown = (locator: Locator) => expect.poll(() => locator.isVisible());

describe.skipIf(!hasChromium())('the agent console shows its forms only when they apply, in Chromium', () => {
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
  beforeEach(() => kit.reset());

  const chat = (body: Record<string, string>) =>
    httpRequest(kit.bot.app.port, {
      method: 'POST',
      path: '/api/chat',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'alice', ...body }),
    });

  it('the sign-in form shows without an agent id and goes away once the agent is signed in', async () => {
    const anonymous = await browser.newPage();
    await anonymous.goto(`${base}/agent`);
    await anonymous.locator('#sign-in').waitFor();
    await shown(anonymous.locator('#desk')).toBe(false);
    await anonymous.close();

    const page = await browser.newPage();
    await page.goto(`${base}/agent?agent=sam`);
    await page.locator('#me').filter({ hasText: 'Sam Agent' }).waitFor();
    await page.locator('#desk').waitFor();
    await shown(page.locator('#sign-in')).toBe(false);
    await page.close();
  });

  it('Transfer is offered only on a chat the agent holds; Solution Offered asks for the solution only when picked', async () => {
    await kit.desk.setAvailability(await kit.agent('sam'), 'online');
    await chat({ text: 'I want to talk to an agent' });
    await kit.settle();

    const page = await browser.newPage();
    await page.goto(`${base}/agent?agent=sam`);
    await page.locator('#me').filter({ hasText: 'Sam Agent' }).waitFor();
    const transferForm = page.locator('#chat form.transfer');
    const solutionForm = page.locator('#chat form.solution');
    const closeChat = page.locator('#chat .close-chat');
    const claim = page.locator('#chat .claim');

    // Opened from the queue, not claimed yet: nothing to transfer or close.
    await page.locator('#queue li', { hasText: 'Alice Brand' }).click();
    await page.locator('#chat .meta', { hasText: 'pending' }).waitFor();
    await shown(claim).toBe(true);
    await shown(transferForm).toBe(false);
    await shown(closeChat).toBe(false);
    await shown(solutionForm).toBe(false);

    // Claimed: the chat is Sam's, and the transfer form is there.
    await claim.click();
    await page.locator('#chat .meta', { hasText: 'assigned' }).waitFor();
    await shown(transferForm).toBe(true);
    await shown(closeChat).toBe(true);
    await shown(claim).toBe(false);
    await shown(solutionForm).toBe(false);

    // Another status is set at once, with no form.
    await page.selectOption('#chat .ticket-status', 'in_progress');
    await page.locator('.toast', { hasText: 'Ticket status set to In Progress' }).waitFor();
    await shown(solutionForm).toBe(false);

    // Solution Offered opens the solution form; Cancel puts it away and sends nothing.
    await page.selectOption('#chat .ticket-status', 'solution_offered');
    await shown(solutionForm).toBe(true);
    await page.click('#chat .solution-cancel');
    await shown(solutionForm).toBe(false);
    expect(await page.inputValue('#chat .ticket-status')).toBe('');
    expect(kit.tickets.log.statuses.map((s) => s.status)).not.toContain('solution_offered');

    // Picked again and sent with the solution: the status goes out and the form goes away.
    await page.selectOption('#chat .ticket-status', 'solution_offered');
    await shown(solutionForm).toBe(true);
    await page.fill('#chat .solution-text', 'The March batch pays out on Friday.');
    await page.click('#chat form.solution button[type=submit]');
    await page.locator('.toast', { hasText: 'the user gets the solution with it' }).waitFor();
    await shown(solutionForm).toBe(false);
    expect(kit.tickets.log.statuses.at(-1)).toMatchObject({
      status: 'solution_offered',
      note: 'The March batch pays out on Friday.',
    });

    // Transferred to the finance team: no longer Sam's chat, so no transfer form.
    await page.selectOption('#chat .transfer-target', 'team:team_finance');
    await page.fill('#chat .transfer-note', 'Payout question for finance');
    await transferForm.getByRole('button', { name: 'Transfer' }).click();
    await page.locator('.toast', { hasText: 'Chat transferred.' }).waitFor();
    await page.locator('#chat .meta', { hasText: 'transferred' }).waitFor();
    await shown(transferForm).toBe(false);
    await shown(closeChat).toBe(false);
    await page.close();
  });
});
