import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsModule } from '../../../src/skills/docs/docs-module.js';
import { testProviders } from '../../support/test-database.js';
import { startTicketBot, type TicketBot } from './ticket-test-bot.js';

const LONG_QUESTION =
  'why does the quarterly invoice for our enterprise program show a platform fee twice, once under services ' +
  'and once under adjustments, when the contract says it is charged once';

describe.each(testProviders())('a ticket from a question the help docs did not answer on %s', (provider) => {
  let bot: TicketBot;
  let n = 0;
  const newUser = (name: string) => bot.chat(`${name}-${provider}-${++n}`);

  beforeAll(async () => {
    bot = await startTicketBot(provider, { docs: docsModule });
  });
  afterAll(() => bot.close());

  it('"Did this help? No", then "File a ticket": the question is the subject and description', async () => {
    const user = newUser('nohelp');
    await user.say('how do i reset my password');
    await user.click('No');
    await user.click('File a ticket');
    expect(user.text()).not.toMatch(/What's the problem, in one line/);
    expect(user.text()).toContain('ticket about your question');
    expect(user.text()).toContain('**How do i reset my password**');
    await user.click(/Yes, that's it|Login/);
    await user.click('No, not campaign-specific');
    expect(user.text()).toMatch(/Should everyone in your account see this ticket/);
    await user.click('No, only me');
    expect(user.text()).toContain('Subject: How do i reset my password');
    expect(user.text()).toContain('Description: how do i reset my password');
    await user.click('Confirm');
    expect(user.text()).toMatch(/Ticket #\d+ filed/);
  });

  it('a question longer than a subject gives a subject of at most 140 characters and the whole question as description', async () => {
    const user = newUser('long');
    await user.say(LONG_QUESTION);
    await user.click('File a ticket');
    expect(user.text()).not.toMatch(/What's the problem, in one line/);
    const slots = (await bot.app.services.conversations.byId(user.last!.conversationId))?.state.flow?.slots;
    expect(String(slots?.subject).length).toBeLessThanOrEqual(140);
    expect(LONG_QUESTION.startsWith(String(slots?.subject).replace(/…$/, '').toLowerCase())).toBe(true);
    expect(slots?.description).toBe(LONG_QUESTION);
  });

  it('a ticket asked for by typing, or after a helpful answer, starts from its own text', async () => {
    const typed = newUser('typed');
    await typed.say('how do i reset my password');
    await typed.click('No');
    await typed.say('open a ticket');
    expect(typed.text()).toMatch(/What's the problem, in one line/);

    const helped = newUser('helped');
    await helped.say('how do i reset my password');
    await helped.click('Yes, thanks');
    await helped.say('help');
    await helped.click('File a ticket');
    expect(helped.text()).toMatch(/What's the problem, in one line/);
  });
});
