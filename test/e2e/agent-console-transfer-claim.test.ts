import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandoffKit, startHandoffKit } from '../skills/handoff/handoff-kit.js';
import { hasChromium, launchChromium } from '../support/chromium.js';
import { httpRequest } from '../support/http-client.js';

describe.skipIf(!hasChromium())('Claim on a chat transferred to another agent, in Chromium', () => {
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

  const chat = (user: string, text: string) =>
    httpRequest(kit.bot.app.port, {
      method: 'POST',
      path: '/api/chat',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, text }),
    });

  it('is offered to others only once the agent it was transferred to has no free slot, as the desk decides', async () => {
    const sam = await kit.agent('sam');
    const riley = await kit.agent('riley');
    await kit.desk.setAvailability(sam, 'online');
    await kit.desk.setAvailability(riley, 'online');
    await kit.bot.app.services.db.agentProfile.updateMany({ data: { maxChats: 1 } });
    await chat('alice', 'I want to talk to an agent about my payouts');
    const alice = (await kit.desk.queue()).at(-1)!;
    expect((await kit.desk.claim(sam, alice.handoffId)).ok).toBe(true);
    await chat('bob', 'I want to talk to an agent about my pixel');
    const bob = (await kit.desk.queue()).at(-1)!;
    await kit.desk.transfer(sam, alice.handoffId, { agentId: riley.id }, 'payouts');
    await kit.settle();

    const page = await browser.newPage();
    await page.goto(`${base}/agent?agent=sam`);
    await page.locator('#live.on').waitFor();
    const item = page.locator('#queue li', { hasText: 'Alice Brand' });
    await item.click();
    await page.locator('#chat .meta', { hasText: 'transferred' }).waitFor();
    // Riley can take it: it is theirs.
    expect(await item.getByRole('button', { name: 'Claim' }).count()).toBe(0);
    expect(await page.locator('#chat .claim').isVisible()).toBe(false);
    expect(await kit.desk.claim(sam, alice.handoffId)).toEqual({ ok: false, reason: 'taken' });

    // Riley takes another chat and is full: the console shows Claim without a reload.
    expect((await kit.desk.claim(riley, bob.handoffId)).ok).toBe(true);
    await item.getByRole('button', { name: 'Claim' }).waitFor();
    await page.locator('#chat .claim').waitFor({ state: 'visible' });
    await page.locator('#chat .claim').click();
    await page.locator('#mine li', { hasText: 'Alice Brand' }).waitFor();
    expect(await kit.desk.chat(alice.handoffId)).toMatchObject({ status: 'assigned', agentId: sam.id });
  });
});
