import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormReply } from '../../../src/core/reply.js';
import { testProviders } from '../../support/test-database.js';
import { fakeDocs, startTicketBot, type TicketBot } from './ticket-test-bot.js';

const PIXEL_DETAILS =
  'Since Monday no conversions are recorded; the pixel on the thank-you page does not fire at all.';

describe.each(testProviders())('filing a ticket by conversation on %s', (provider) => {
  let bot: TicketBot;
  let docs: ReturnType<typeof fakeDocs>;
  let n = 0;
  /** A new requester of the demo brand account for each story, so stories do not see each other's tickets. */
  const newUser = (name: string) => bot.chat(`${name}-${provider}-${++n}`);

  beforeAll(async () => {
    docs = fakeDocs();
    bot = await startTicketBot(provider, { docs: docs.module });
  });
  afterAll(() => bot.close());

  it('one shot: pre-fills subject, campaign and issue type, asks only the rest, numbers from 1000', async () => {
    const user = newUser('oneshot');
    await user.say('open a ticket: the tracking pixel stopped firing on campaign 48213');
    expect(user.text()).toMatch(/sounds like a \*\*Tracking, Reporting and Technical Settings\*\* issue/);
    expect(user.actions().map((a) => a.label)).toContain('Fill in a form instead');
    await user.click("Yes, that's it");
    expect(user.text()).toMatch(/describe the problem/i);
    await user.say(PIXEL_DETAILS);
    expect(user.text()).toMatch(/Should everyone in your account see this ticket/);
    await user.click('No, only me');
    expect(user.text()).toContain('Subject: The tracking pixel stopped firing on campaign 48213');
    expect(user.text()).toContain('Campaign: ID 48213');
    expect(user.text()).toContain('Access: Private (only you)');
    await user.click('Confirm');
    expect(user.text()).toMatch(/^Ticket #(\d+) filed/);
    const id = Number(user.text().match(/#(\d+)/)?.[1]);
    expect(id).toBeGreaterThanOrEqual(1000);
    const ticket = await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket).toMatchObject({
      issueType: 'tracking_reporting',
      campaignSpecific: true,
      campaignId: '48213',
      shared: false,
      status: 'open',
      channel: 'web',
    });
    const events = await bot.app.services.db.ticketEvent.findMany({ where: { ticketId: id } });
    expect(events.map((e) => e.type)).toEqual(['created']);
  });

  it('guided: one question at a time, with buttons for every choice, shared with CC', async () => {
    const user = newUser('guided');
    await user.say('I need to open a ticket');
    expect(user.text()).toMatch(/What's the problem, in one line/);
    await user.say('Commission report totals look wrong');
    expect(user.text()).toMatch(/sounds like a \*\*Tracking, Reporting and Technical Settings\*\* issue/);
    await user.click('Choose another');
    expect(user.actions().map((a) => a.label)).toContain('Payments and Finance');
    await user.click('Payments and Finance');
    expect(user.text()).toMatch(/about one specific campaign/);
    await user.say('no');
    expect(user.text()).toMatch(/describe the problem/i);
    await user.say('The March invoice total differs from the commission report by 120 EUR.');
    await user.say('yes');
    expect(user.text()).toMatch(/Anyone to copy on updates/);
    await user.say('finance@acme.example, agency@partner.example');
    expect(user.text()).toContain('CC: finance@acme.example, agency@partner.example');
    expect(user.text()).toContain('Campaign: Not campaign-specific');
    await user.say('confirm');
    expect(user.text()).toMatch(/Ticket #\d+ filed/);
    const id = Number(user.text().match(/#(\d+)/)?.[1]);
    const ticket = await bot.app.services.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket).toMatchObject({ issueType: 'payments_finance', shared: true, campaignSpecific: false });
    expect(JSON.parse(ticket.ccEmails)).toEqual(['finance@acme.example', 'agency@partner.example']);
  });

  it('a 141-character subject gets a shorter one to confirm, or the user writes their own', async () => {
    const user = newUser('long');
    await user.say('new ticket');
    const long = `Conversions from the spring campaign stopped showing in reports after we changed the checkout page template ${'x'.repeat(40)}`;
    const subject = long.slice(0, 141);
    expect(subject).toHaveLength(141);
    await user.say(subject);
    expect(user.text()).toMatch(/That subject has 141 characters; a subject can have at most 140/);
    await user.click("I'll write my own");
    expect(user.text()).toMatch(/type a subject of at most 140 characters/);
    await user.say('Spring campaign conversions missing from reports');
    expect(user.text()).toMatch(/Is that the right issue type\?/);

    const other = newUser('long2');
    await other.say('new ticket');
    await other.say(subject);
    await other.click('Use the shorter one');
    const flow = await bot.app.services.conversations.byId(other.last!.conversationId);
    const proposed = String(flow?.state.flow?.slots.subject);
    expect(proposed.length).toBeLessThanOrEqual(140);
    expect(subject.startsWith(proposed.replace(/…$/, ''))).toBe(true);
    // The long text was really a description: it is not asked for again.
    await other.click(/Yes, that's it|Payments and Finance|Tracking/);
    await other.click('No, not campaign-specific');
    expect(other.text()).toMatch(/Should everyone in your account see this ticket/);
  });

  it('a campaign name instead of its ID gets a request for the number', async () => {
    const user = newUser('campaign');
    await user.say('open a ticket about promo codes not tracking');
    await user.click("Yes, that's it");
    await user.click('Yes, one campaign');
    expect(user.text()).toMatch(/campaign \*\*ID\*\*/);
    await user.say('Summer Sale EU');
    expect(user.text()).toMatch(
      /\*\*Summer Sale EU\*\* looks like a campaign name. I need the campaign \*\*ID\*\* \(a number\)/,
    );
    expect(user.text()).toMatch(/Program › Campaigns/);
    await user.say('it is 88213');
    expect(user.text()).toMatch(/describe the problem/i);
  });

  it('a bad CC address is refused with the reason, then corrected', async () => {
    const user = newUser('cc');
    await user.say('open a ticket: partner applications page shows an error');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('When I open Partners › Applications I get a 500 error page since this morning.');
    await user.click('Yes, share it');
    await user.say('ops@acme.example, bob@acme');
    expect(user.text()).toMatch(/\*\*bob@acme\*\* isn't a valid e-mail address/);
    await user.say('ops@acme.example, bob@acme.example');
    expect(user.text()).toContain('CC: ops@acme.example, bob@acme.example');
  });

  it('files sent during the flow are attached; unsupported ones are refused', async () => {
    const user = newUser('files');
    await user.say('open a ticket: banner images do not load in the ads library');
    await user.say('', [
      { name: 'screenshot.png', mimeType: 'image/png', size: 3, content: new Uint8Array([1, 2, 3]) },
      { name: 'setup.exe', mimeType: 'application/octet-stream', size: 10 },
    ]);
    expect(user.text()).toMatch(/Attached: screenshot.png/);
    expect(user.text()).toMatch(/can't attach \*\*setup.exe\*\*/);
    expect(user.text()).toMatch(/Is that the right issue type/);
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('The banner previews stay blank in the ads library for every partner.', [
      { name: 'har.har', mimeType: 'application/json', size: 20, url: 'https://files.example/har.har' },
    ]);
    await user.click('No, only me');
    expect(user.text()).toContain('Attachments: screenshot.png, har.har');
    await user.click('Confirm');
    const id = Number(user.text().match(/#(\d+)/)?.[1]);
    const files = await bot.app.services.db.attachment.findMany({
      where: { ticketId: id },
      orderBy: { name: 'asc' },
    });
    expect(files.map((f) => [f.name, f.mimeType, f.size, f.url])).toEqual([
      ['har.har', 'application/json', 20, 'https://files.example/har.har'],
      ['screenshot.png', 'image/png', 3, null],
    ]);
    expect([...(files[1]!.content ?? [])]).toEqual([1, 2, 3]);
  });

  it('suggested articles: "yes, that solved it" files nothing and is recorded as deflected', async () => {
    const user = newUser('deflect');
    const before = (await bot.tickets()).length;
    await user.say('open a ticket: I forgot my password and cannot sign in');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('The reset e-mail never arrives when I ask for a new password.');
    expect(user.text()).toMatch(/these help articles might already answer/);
    expect(user.text()).toContain('Reset your password');
    await user.click('Yes, that solved it');
    expect(user.text()).toMatch(/I didn't file a ticket/);
    expect(docs.deflections.at(-1)).toEqual({ helpful: true, sectionIds: ['reset-your-password#steps'] });
    expect(await bot.tickets()).toHaveLength(before);
  });

  it('suggested articles: "no" continues to the ticket', async () => {
    const user = newUser('nodeflect');
    await user.say('open a ticket: password reset link expired immediately');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('Every password reset link says it has expired, even right after it arrives.');
    await user.click('No, file the ticket');
    expect(docs.deflections.at(-1)?.helpful).toBe(false);
    await user.click('No, only me');
    await user.click('Confirm');
    expect(user.text()).toMatch(/Ticket #\d+ filed/);
  });

  it('a look-alike open ticket of the account is offered: add as a comment instead, or file anyway', async () => {
    const user = newUser('dup');
    await user.say('open a ticket: postback URL returns 404 for campaign 7001');
    await user.click("Yes, that's it");
    await user.say('Our server-to-server postback gets a 404 from your endpoint since yesterday.');
    await user.click('No, only me');
    await user.click('Confirm');
    const first = Number(user.text().match(/#(\d+)/)?.[1]);

    await user.say('open a ticket: postback returns 404 on campaign 7001');
    await user.click("Yes, that's it");
    await user.say('The server to server postback still answers 404 since yesterday evening.');
    expect(user.text()).toMatch(new RegExp(`open ticket that looks the same: \\*\\*#${first}\\*\\*`));
    await user.click('Add it as a comment');
    expect(user.text()).toMatch(new RegExp(`Added to \\*\\*#${first}\\*\\* as a comment`));
    const comments = await bot.app.services.db.ticketComment.findMany({ where: { ticketId: first } });
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/still answers 404/);

    await user.say('open a ticket: postback returns 404 on campaign 7001');
    await user.click("Yes, that's it");
    await user.say('The server to server postback still answers 404 since yesterday evening.');
    await user.click('No, file a new ticket');
    expect(user.text()).toMatch(/Should everyone in your account see this ticket/);
  });

  it('summary: edit a field, then cancel files nothing', async () => {
    const user = newUser('edit');
    const before = (await bot.tickets()).length;
    await user.say('open a ticket: deep links open the home page instead of the product');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('Deep links for product pages redirect to the home page on mobile.');
    await user.click('No, only me');
    await user.click('Edit a field');
    expect(user.actions().map((a) => a.label)).toEqual([
      'Subject',
      'Issue type',
      'Campaign',
      'Description',
      'Access',
      'Edit everything in a form',
    ]);
    await user.click('Subject');
    await user.say('Deep links land on the home page on mobile');
    expect(user.text()).toContain('Subject: Deep links land on the home page on mobile');
    await user.click('Cancel');
    expect(user.text()).toMatch(/I didn't file the ticket/);
    expect(await bot.tickets()).toHaveLength(before);
  });

  it('summary: a new description is checked again against help articles and look-alike tickets', async () => {
    const user = newUser('recheck');
    await user.say('open a ticket: coupon codes rejected at checkout');
    await user.click(/Yes, that's it|Promotional Content/);
    await user.click('No, not campaign-specific');
    await user.say('Every partner coupon code is rejected at checkout with an invalid code error.');
    await user.click('No, only me');
    await user.click('Confirm');
    const first = Number(user.text().match(/#(\d+)/)?.[1]);

    await user.say('open a ticket: deep links open the home page instead of the product');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('Deep links for product pages redirect to the home page on mobile.');
    await user.click('No, only me');
    expect(user.text()).toContain('Subject: Deep links open the home page');
    await user.click('Edit a field');
    await user.click('Description');
    await user.say('After a password reset, partner coupon codes are rejected at checkout as invalid codes.');
    expect(user.text()).toMatch(/these help articles might already answer/);
    await user.click('No, file the ticket');
    expect(user.text()).toMatch(new RegExp(`open ticket that looks the same: \\*\\*#${first}\\*\\*`));
    await user.click('No, file a new ticket');
    expect(user.text()).toContain('Description: After a password reset');

    await user.click('Edit a field');
    await user.click('Subject');
    await user.say('Coupon codes rejected at checkout after a password reset');
    expect(user.text()).toMatch(/these help articles might already answer/);
  });

  it('the whole ticket as one form: errors by input id, then filed', async () => {
    const user = newUser('form');
    await user.say('open a ticket');
    await user.click('Fill in a form instead');
    const form = user.replies.find((r): r is FormReply => r.type === 'form');
    expect(form?.inputs.map((i) => i.id)).toEqual([
      'subject',
      'issueType',
      'campaignId',
      'description',
      'access',
      'cc',
    ]);
    await user.click('Continue', {
      subject: 'x'.repeat(141),
      issueType: 'tracking_reporting',
      campaignId: 'Summer Sale',
      description: 'short',
      access: 'private',
      cc: 'not-an-email',
    });
    const errors = user.replies.find((r): r is FormReply => r.type === 'form')?.errors;
    expect(Object.keys(errors ?? {}).sort()).toEqual(['campaignId', 'cc', 'description', 'subject']);
    expect(errors?.subject).toMatch(/141/);
    await user.click('Continue', {
      subject: 'Click IDs missing in the daily export',
      issueType: 'tracking_reporting',
      campaignId: '5512',
      description: 'The daily CSV export has empty click ID columns since 2 June.',
      access: 'shared',
      cc: 'data@acme.example',
    });
    expect(user.text()).toContain('Campaign: ID 5512');
    expect(user.text()).toContain('CC: data@acme.example');
    await user.click('Confirm');
    expect(user.text()).toMatch(/Ticket #\d+ filed/);
  });

  it('Confirm clicked twice, a retried event and two confirms at once file exactly one ticket', async () => {
    const user = newUser('twice');
    await user.say('open a ticket: product feed import fails with a timeout');
    await user.click("Yes, that's it");
    await user.click('No, not campaign-specific');
    await user.say('The nightly product feed import stops with a timeout after 10 minutes.');
    await user.click('No, only me');
    const confirm = user.actions().find((a) => a.label === 'Confirm')!.value!;
    const before = (await bot.tickets()).length;
    await user.send({ text: '', value: confirm, eventId: 'evt-confirm-1' });
    const filed = user.text().match(/#(\d+)/)?.[1];
    const retried = await user.send({ text: '', value: confirm, eventId: 'evt-confirm-1' });
    expect(retried).toEqual([]);
    await user.send({ text: '', value: confirm });
    expect(user.text()).toContain(`That ticket is already filed: **#${filed}**`);
    expect(await bot.tickets()).toHaveLength(before + 1);

    const racer = newUser('race');
    await racer.say('open a ticket: promo code report is empty');
    await racer.click("Yes, that's it");
    await racer.click('No, not campaign-specific');
    await racer.say('The promo code report shows no rows for any code this month.');
    await racer.click('No, only me');
    const value = racer.actions().find((a) => a.label === 'Confirm')!.value!;
    const count = (await bot.tickets()).length;
    await Promise.all([racer.send({ text: '', value }), racer.send({ text: '', value })]);
    expect(await bot.tickets()).toHaveLength(count + 1);
  });

  it('a question typed at the issue-type step is not taken as the issue type', async () => {
    const user = newUser('issue-question');
    await user.say('I need to open a ticket');
    await user.say('commissions for october look wrong, partner 100234 says they got paid twice');
    expect(user.text()).toMatch(/Which issue type fits best\?/);
    await user.say('how do i set up the tracking pixel?');
    expect(user.text()).not.toMatch(/about one specific campaign/);
    expect(user.text()).toMatch(/switch to your new request\?/);
    await user.click('No, continue');
    expect(user.text()).toMatch(/Which issue type fits best\?/);
    await user.say('active partners in Canada');
    expect(user.text()).not.toMatch(/about one specific campaign/);
    expect(user.text()).toMatch(/Which issue type fits best\?/);
    await user.say('payments');
    expect(user.text()).toMatch(/about one specific campaign/);
    await user.say('cancel');
  });

  it('partner users get the partner issue types', async () => {
    const pat = bot.chat('pat');
    await pat.say('open a ticket');
    await pat.say('My payout for May never arrived');
    expect(pat.text()).toMatch(/\*\*Finance, Tax and Brand Contracts\*\*/);
    await pat.click('Choose another');
    expect(pat.actions().map((a) => a.label)).toEqual([
      'Account Setup and Settings',
      'Finding and Messaging Brands',
      'Tracking, Reporting and Technical',
      'Links, Ads, Codes and Products',
      'Finance, Tax and Brand Contracts',
      'Campaigns',
      'Login',
      'Other',
    ]);
    await pat.say('cancel');
    expect(pat.text()).toMatch(/cancelled/i);
  });
});
