import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormReply } from '../../../src/core/reply.js';
import { loadResponses } from '../../../src/core/responses.js';
import { emptyDraft } from '../../../src/skills/tickets/create-flow/ticket-draft.js';
import { ticketForm } from '../../../src/skills/tickets/create-flow/ticket-form.js';
import type { Chat } from '../../support/conversation.js';
import { testProviders } from '../../support/test-database.js';
import { fakeDocs, startTicketBot, type TicketBot } from './ticket-test-bot.js';

const SUGGESTIONS = /these help articles might already answer/;
const LOOK_ALIKE = /open ticket that looks the same/;

/** The form of the latest replies. */
const formOf = (user: Chat): FormReply | undefined =>
  user.replies.find((r): r is FormReply => r.type === 'form');

/** The ticket form, in the chat or as a Slack modal or a Teams card: same checks as the guided questions. */
describe.each(testProviders())('the ticket form on %s', (provider) => {
  let bot: TicketBot;
  let n = 0;
  const newUser = (name: string) => bot.chat(`${name}-${provider}-${++n}`);

  beforeAll(async () => {
    // Messages are cut at 2,000 characters here; a form's inputs have their own limits.
    bot = await startTicketBot(provider, { docs: fakeDocs().module, env: { MAX_MESSAGE_CHARS: '2000' } });
  });
  afterAll(() => bot.close());

  /** A guided ticket up to its summary card. */
  async function atSummary(user: Chat): Promise<void> {
    await user.say('open a ticket: deep links open the home page instead of the product');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('Deep links for product pages redirect to the home page on mobile.');
    await user.click('No, only me');
    expect(user.text()).toContain('Subject: Deep links open the home page');
  }

  it('"Edit everything in a form" at the summary: a new description is checked against articles and look-alikes again', async () => {
    const user = newUser('form-recheck');
    await user.say('open a ticket: coupon codes rejected at checkout');
    await user.click(/Yes, that's it|Promotional Content/);
    await user.click('No, not campaign-specific');
    await user.say('Every partner coupon code is rejected at checkout with an invalid code error.');
    await user.click('No, only me');
    await user.click('Confirm');
    const first = Number(user.text().match(/#(\d+)/)?.[1]);

    await atSummary(user);
    await user.click('Edit a field');
    await user.click('Edit everything in a form');
    const values = {
      subject: 'Deep links open the home page instead of the product',
      issueType: 'tracking_reporting',
      campaignId: '',
      description: 'After a password reset, partner coupon codes are rejected at checkout as invalid codes.',
      access: 'private',
      cc: '',
    };
    await user.click('Continue', values);
    expect(user.text()).toMatch(SUGGESTIONS);
    await user.click('No, file the ticket');
    expect(user.text()).toMatch(new RegExp(`${LOOK_ALIKE.source}: \\*\\*#${first}\\*\\*`));
    await user.click('No, file a new ticket');
    expect(user.text()).toContain('Description: After a password reset');

    // The same subject and description again: nothing new to check, straight back to the summary.
    await user.click('Edit a field');
    await user.click('Edit everything in a form');
    await user.click('Continue', { ...values, access: 'shared' });
    expect(user.text()).not.toMatch(SUGGESTIONS);
    expect(user.text()).toContain('Access: Shared');
  });

  it("a cancelled ticket's form, submitted later from the old message, leaves the ticket being written alone", async () => {
    const user = newUser('old-form');
    await user.say('open a ticket');
    await user.click('Fill in a form instead');
    const oldSubmit = formOf(user)!.submit;
    await user.say('cancel');
    expect(user.text()).toMatch(/cancelled/i);

    await user.say('open a ticket: coupon codes rejected at checkout');
    await user.click(/Yes, that's it|Promotional Content/);
    expect(user.text()).toMatch(/about one specific campaign/);
    const notCampaign = user.actions().find((a) => a.label === 'No, not campaign-specific')!;

    const old = {
      subject: 'Old idea',
      issueType: 'other',
      campaignId: '',
      description: 'Something I already decided not to file as a ticket.',
      access: 'private',
      cc: '',
    };
    await user.send({ text: '', value: { ...oldSubmit.value, form: old } });
    expect(user.text()).toMatch(/That form is from an earlier ticket request, so I left it out/);
    expect(user.text()).toMatch(/about one specific campaign/);
    expect(user.text()).not.toContain('Old idea');

    // The ticket being written still takes its own buttons, and files what the user wrote for it.
    await user.send({ text: '', value: notCampaign.value! });
    expect(user.text()).toMatch(/describe the problem/i);
    await user.say('Every partner coupon code is rejected at checkout with an invalid code error.');
    await user.click('No, only me');
    expect(user.text()).toMatch(/Subject: coupon codes rejected at checkout/i);
    await user.click('Confirm');
    expect(user.text()).toMatch(/Ticket #\d+ filed/);

    // With no ticket being written, the old form (or one carrying no draft at all) is still not taken.
    const before = (await bot.tickets()).length;
    await user.send({ text: '', value: { ...oldSubmit.value, form: old } });
    expect(user.text()).toMatch(/That form is from a ticket request that's over/);
    await user.send({ text: '', value: { skill: 'tickets', action: 'form-submit', form: old } });
    expect(user.text()).toMatch(/That form is from a ticket request that's over/);
    expect(await bot.tickets()).toHaveLength(before);
  });

  it('every text input shows its limit; a longer text gets its error with the values kept, never a cut', async () => {
    const user = newUser('long-form');
    await user.say('open a ticket');
    await user.click('Fill in a form instead');
    const limits = Object.fromEntries(formOf(user)!.inputs.map((i) => [i.id, i.maxLength]));
    // A Slack modal's text input takes at most 3,000 characters; Teams and the web chat show the same.
    expect(limits).toEqual({
      subject: 140,
      issueType: undefined,
      campaignId: 3000,
      description: 3000,
      access: undefined,
      cc: 3000,
    });

    const tooLong = `The export fails. ${'Log line: request id abc123 timed out after 30s. '.repeat(65)}END`;
    expect(tooLong.length).toBe(3206);
    const values = {
      subject: 'Nightly export fails',
      issueType: 'tracking_reporting',
      campaignId: '',
      description: tooLong,
      access: 'shared',
      cc: 'data@acme.example, '.repeat(160),
    };
    await user.click('Continue', values);
    const form = formOf(user)!;
    expect(form.errors).toEqual({
      description:
        'At most 3000 characters (this one has 3206). Please shorten it, and send long logs as a file in the chat.',
      cc: `At most 3000 characters (this one has ${values.cc.length}).`,
    });
    expect(form.inputs.find((i) => i.id === 'description')?.value).toBe(tooLong);

    // Longer than a chat message here (2,000), within the form's limit: filed whole.
    const description = tooLong.slice(0, 2968);
    await user.click('Continue', { ...values, description, cc: 'data@acme.example' });
    expect(user.text()).toContain('Subject: Nightly export fails');
    await user.click('Confirm');
    expect(user.text()).toMatch(/Ticket #\d+ filed/);
    const [filed] = await bot.app.services.db.ticket.findMany({ where: { subject: 'Nightly export fails' } });
    expect(filed?.description).toBe(description.trim());
  });
});

describe('the ticket form opened on a draft from the chat', () => {
  it('marks a description longer than the form takes as soon as it opens', async () => {
    const responses = await loadResponses('content/responses');
    const draft = { ...emptyDraft(), subject: 'Nightly export fails', description: 'x'.repeat(3001) };
    expect(ticketForm(responses, 'brand', 'k', draft).errors).toEqual({
      description: expect.stringMatching(/^At most 3000 characters \(this one has 3001\)/),
    });
    expect(
      ticketForm(responses, 'brand', 'k', { ...draft, description: 'x'.repeat(3000) }).errors,
    ).toBeUndefined();
  });
});
