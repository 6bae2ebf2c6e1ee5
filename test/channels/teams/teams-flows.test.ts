import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../../src/app-modules.js';
import { type AppMatcher, loadIntentMatcher } from '../../../src/nlu-matcher.js';
import { testProviders } from '../../support/test-database.js';
import {
  AGENTS_CHANNEL,
  channelConversation,
  executeInvoke,
  fileAttachment,
  personalConversationId,
  teamsUser,
} from './fakes/teams-activities.js';
import { allActions, startTeamsTestBot, type TeamsTestBot } from './fakes/teams-test-bot.js';

/**
 * The bot's real modules and intent engine behind the Teams channel: the ticket,
 * status, docs and live-agent stories a Teams user goes through, over real HTTP
 * through CloudAdapter to a fake Bot Connector.
 */
let matcher: AppMatcher;
beforeAll(async () => {
  matcher = await loadIntentMatcher({ intentsDir: resolve('intents'), cacheDir: resolve('data/cache') });
});

describe.each(testProviders())('Teams end to end with every module (%s)', (provider) => {
  let bot: TeamsTestBot;
  // Teams people whose e-mail (from the member API) links them to the seeded directory.
  const people = {
    alice: teamsUser('alice', 'Alice B.', 'alice@acme.example'),
    bob: teamsUser('bob', 'Bob B.', 'bob@acme.example'),
    nora: teamsUser('nora', 'Nora N.', 'nora@northpeak.example'),
    sam: teamsUser('sam', 'Sam A.', 'sam@support.example'),
  };

  beforeAll(async () => {
    bot = await startTeamsTestBot(provider, {
      modules: appModules,
      matcher,
      env: { TEAMS_AGENTS_CHANNEL: AGENTS_CHANNEL },
    });
    for (const user of Object.values(people)) {
      bot.connector.members.set(user.id, { ...user, userPrincipalName: user.email });
    }
  });
  afterAll(async () => bot?.close());

  it('files a ticket by conversation with card buttons, takes a file on the way, and tells its status', async () => {
    const alice = bot.chat(people.alice);
    await alice.say('open a ticket: the tracking pixel stopped firing on campaign 48213');
    expect(alice.text()).toMatch(/sounds like a \*\*Tracking, Reporting and Technical Settings\*\* issue/);
    await alice.click("Yes, that's it");
    expect(alice.text()).toMatch(/describe the problem/i);
    await alice.say('', { attachments: [fileAttachment('pixel-console.png', 'png')] });
    expect(alice.text()).toMatch(/pixel-console\.png/);
    await alice.say(
      'Since Monday no conversions are recorded; the pixel on the thank-you page does not fire.',
    );
    expect(alice.text()).toMatch(/help articles might already answer[\s\S]*Pixel not firing/);
    await alice.click('No, file the ticket');
    expect(alice.text()).toMatch(/Should everyone in your account see this ticket/);
    await alice.click('No, only me');
    expect(alice.text()).toMatch(/48213/);
    await alice.click('Confirm');
    const number = /Ticket #(\d+) filed/.exec(alice.text())?.[1];
    expect(number).toBeDefined();
    const ticket = await bot.database.prisma.ticket.findUniqueOrThrow({
      where: { id: Number(number) },
      include: { attachments: true },
    });
    expect(ticket).toMatchObject({ channel: 'teams', creatorId: 'usr_alice', campaignId: '48213' });
    expect(ticket.attachments).toEqual([
      expect.objectContaining({
        name: 'pixel-console.png',
        mimeType: 'image/png',
        url: 'https://contoso-my.sharepoint.com/personal/alice/Documents/Microsoft Teams Chat Files/pixel-console.png',
      }),
    ]);

    await alice.say(`status of ${number}`);
    expect(alice.text()).toContain(`#${number}`);
    expect(alice.text()).toMatch(/Open/);

    // An agent answers on the ticket: Alice hears it in her Teams chat, proactively.
    const sam = (await bot.app.services.users.byId('usr_sam'))!;
    const mark = bot.connector.calls.length;
    await bot.app.services.shared.tickets!.setStatus(sam, Number(number), 'solution_offered');
    const update = await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= mark &&
        c.conversationId === personalConversationId(people.alice) &&
        JSON.stringify(c.body).includes(`#${number}`),
    );
    expect(JSON.stringify(update.body)).toMatch(/Solution Offered/);
  });

  it('files a ticket through the form card: errors shown in the card, then the summary', async () => {
    const bob = bot.chat(people.bob);
    await bob.say('I need to open a ticket');
    expect(bob.text()).toMatch(/What's the problem, in one line/);
    await bob.click('Fill in a form instead');
    const [form] = bob
      .cards()
      .filter((c) => c.body.some((e: { type: string }) => e.type.startsWith('Input.')));
    const ids = form.body
      .filter((e: { type: string }) => e.type.startsWith('Input.'))
      .map((e: { id: string }) => e.id);
    expect(ids).toEqual(['subject', 'issueType', 'campaignId', 'description', 'access', 'cc']);
    const submit = allActions(form).find((a) => a.style === 'positive')!.title as string;

    const values = (subject: string, description: string) => ({
      subject,
      issueType: 'payments_finance',
      campaignId: '',
      description,
      access: 'private',
      cc: '',
    });
    await bob.click(submit, values('x'.repeat(141), 'short'));
    expect(bob.text()).toMatch(/need a fix/);
    const invalid = bob
      .cards()
      .find((c) => c.body.some((e: { type: string }) => e.type.startsWith('Input.')));
    const errorTexts = invalid.body.filter((e: { color?: string }) => e.color === 'Attention');
    expect(errorTexts.length).toBeGreaterThanOrEqual(2);
    const nextTo = (id: string) =>
      invalid.body[invalid.body.findIndex((e: { id?: string }) => e.id === id) + 1];
    expect(nextTo('subject')).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(nextTo('description')).toMatchObject({ type: 'TextBlock', color: 'Attention' });

    await bob.click(
      submit,
      values(
        'Partner payouts on hold',
        'Three partners report their payouts have been on hold for two weeks.',
      ),
    );
    expect(bob.text()).toMatch(/help articles might already answer[\s\S]*payout is on hold/);
    await bob.click('No, file the ticket');
    expect(bob.text()).toMatch(/Partner payouts on hold/);
    await bob.click('Confirm');
    expect(bob.text()).toMatch(/Ticket #\d+ filed/);
  });

  it('answers a help-doc question with a link to the section', async () => {
    const nora = bot.chat(people.nora);
    await nora.say('how do I set up two-factor authentication?');
    expect(nora.text()).toMatch(/\]\(https:\/\/help\.example\.com\/articles\/[a-z0-9-]+#[^)]+\)/);
  });

  it("answers a question about the user's partners with a list card, paged with More", async () => {
    const nora = bot.chat(people.nora);
    await nora.say('active partners in Canada');
    const [list] = nora.cards().filter((c) => c.msteams?.width === 'Full');
    expect(list.body[0].text).toMatch(/^\d+ partners: contract Active · in Canada$/);
    const firstPage = nora.text();
    expect(nora.text()).toMatch(/Showing 1–10 of \d+/);
    await nora.click('More');
    expect(nora.text()).toMatch(/Showing 11–20 of \d+/);
    expect(nora.text()).not.toBe(firstPage);
    await nora.click('Details');
    expect(nora.text()).toMatch(/Canada/);
  });

  it('hands a user over to an agent who went online in Teams, through the agents channel', async () => {
    const sam = bot.chat(people.sam);
    await sam.say('/helpdesk online');
    expect(sam.text()).toMatch(/online/);

    const before = bot.connector.calls.length;
    const nora = bot.chat(people.nora);
    await nora.say('can I talk to a person please');
    expect(nora.text()).toMatch(/in line/);
    const posted = await bot.connector.waitFor(
      (c) => c.kind === 'create' && bot.connector.calls.indexOf(c) >= before,
    );
    const card = posted.body.activity.attachments[0].content;
    expect(JSON.stringify(card)).toMatch(/Nora Northpeak/);

    const claim = allActions(card).find((a) => a.title === 'Claim')!;
    const answer = await bot.post(
      executeInvoke(
        bot.connector.serviceUrl,
        people.sam,
        channelConversation(AGENTS_CHANNEL, posted.newId!),
        { verb: claim.verb, title: 'Claim', data: claim.data },
        posted.newId!,
      ),
    );
    expect(JSON.stringify(answer.body.value)).toMatch(/Claimed by Sam Agent/);
    await bot.connector.waitFor(
      (c) =>
        c.conversationId === personalConversationId(people.nora) &&
        /Sam Agent.*joined/.test(c.body.text ?? ''),
    );
  });
});
