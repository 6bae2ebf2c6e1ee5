import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsModule } from '../../../src/skills/docs/docs-module.js';
import { startTicketBot, type TicketBot } from './ticket-test-bot.js';

describe('suggested help articles in the ticket flow', () => {
  let bot: TicketBot;
  beforeAll(async () => {
    bot = await startTicketBot('sqlite', { docs: docsModule });
  });
  afterAll(() => bot.close());

  it('the README example ticket is shown the "Pixel not firing" section before it is filed', async () => {
    const user = bot.chat('readme-pixel');
    await user.say('open a ticket: the pixel stopped firing on campaign 48213');
    await user.click("Yes, that's it");
    expect(user.text()).toMatch(/describe the problem/i);
    await user.say('pixel not firing since yesterday on checkout page, no conversions recorded');
    expect(user.text()).toContain('these help articles might already answer');
    expect(user.text()).toContain('Pixel not firing');
    await user.click('No, file the ticket');
    expect(user.text()).toMatch(/Should everyone in your account see this ticket/);
  });
});
