import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../../src/app-modules.js';
import { type AppMatcher, loadIntentMatcher } from '../../../src/nlu-matcher.js';
import { testProviders } from '../../support/test-database.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import {
  appHomeOpened,
  appMention,
  blockActions,
  directMessage,
  messageShortcut,
  reactionAdded,
  slackTs,
  slashCommand,
  threadReply,
  viewSubmission,
} from './fakes/slack-payloads.js';
import {
  AGENTS_CHANNEL,
  buttonIn,
  postedText,
  type SlackTestBot,
  startSlackTestBot,
  USERS,
} from './slack-test-bot.js';

/**
 * The bot's real modules and intent engine behind the Slack channel: the ticket,
 * status, docs and live-agent stories a Slack user goes through, end to end over
 * signed HTTP to a fake Web API.
 */
let matcher: AppMatcher;
beforeAll(async () => {
  matcher = await loadIntentMatcher({ intentsDir: resolve('intents'), cacheDir: resolve('data/cache') });
});

describe.each(testProviders())('Slack end to end with every module (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider, { modules: appModules, matcher });
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;

  /** A DM from a user; resolves with the bot's answer in the DM. */
  async function dm(user: string, text: string): Promise<RecordedCall> {
    const mark = slack.mark();
    await slack.sendEvent(directMessage(user, text));
    return slack.nextPost(mark, `D${user.slice(1)}`);
  }

  /** The first post to `channel` after `mark` whose text contains `text`. */
  function postContaining(mark: number, channel: string, text: string): Promise<RecordedCall> {
    return slack.fake.waitFor(
      'chat.postMessage',
      (c) =>
        since(mark)(c) &&
        c.args.channel === channel &&
        `${String(c.args.text)}\n${postedText(c)}`.includes(text),
    );
  }

  /**
   * Help-article suggestions come before a ticket is filed when the help center finds a
   * confident match (its index may still be building); the stories go past them.
   */
  async function pastSuggestions(user: string, post: RecordedCall): Promise<RecordedCall> {
    if (!postedText(post).includes('help articles might already answer')) return post;
    return click(user, post, 'No, file the ticket');
  }

  /** Clicks a button of a bot message; resolves with the next post in the same place. */
  async function click(user: string, post: RecordedCall, label: string | RegExp): Promise<RecordedCall> {
    const mark = slack.mark();
    await sendClick(user, post, label);
    return slack.nextPost(mark, String(post.args.channel), post.args.thread_ts as string | undefined);
  }

  function sendClick(user: string, post: RecordedCall, label: string | RegExp) {
    const button = buttonIn(post, label);
    return slack.sendInteractive(
      blockActions({
        user,
        channel: String(post.args.channel),
        message: {
          ts: String(post.result?.ts),
          ...(post.args.thread_ts ? { thread_ts: String(post.args.thread_ts) } : {}),
          blocks: post.args.blocks,
        },
        button: {
          action_id: button.action_id,
          text: button.text,
          ...(button.value !== undefined ? { value: button.value } : {}),
          ...(button.block_id ? { block_id: button.block_id } : {}),
        },
        responseUrl: slack.fake.responseUrl('click'),
      }),
    );
  }

  it('files a ticket by conversation in a DM, with buttons', async () => {
    const start = await dm(
      USERS.alice.id,
      'open a ticket: the tracking pixel stopped firing on campaign 48213',
    );
    expect(postedText(start)).toMatch(/sounds like a \*Tracking, Reporting and Technical Settings\* issue/);
    const describe = await click(USERS.alice.id, start, "Yes, that's it");
    expect(postedText(describe)).toMatch(/describe the problem/i);
    const access = await pastSuggestions(
      USERS.alice.id,
      await dm(
        USERS.alice.id,
        'Since Monday no conversions are recorded; the pixel on the thank-you page does not fire.',
      ),
    );
    expect(postedText(access)).toMatch(/Should everyone in your account see this ticket/);
    const summary = await pastSuggestions(USERS.alice.id, await click(USERS.alice.id, access, 'No, only me'));
    expect(postedText(summary)).toContain('*Campaign*\nID 48213');
    const filed = await click(USERS.alice.id, summary, 'Confirm');
    const number = /Ticket #(\d+) filed/.exec(postedText(filed))?.[1];
    expect(number).toBeDefined();
    const ticket = await slack.database.prisma.ticket.findUniqueOrThrow({ where: { id: Number(number) } });
    expect(ticket).toMatchObject({ channel: 'slack', creatorId: 'usr_alice', campaignId: '48213' });

    // Status of that ticket, and the App Home lists it.
    const status = await dm(USERS.alice.id, `status of ${number}`);
    expect(postedText(status)).toContain(`#${number}`);
    expect(postedText(status)).toMatch(/Open/);
    const mark = slack.mark();
    await slack.sendEvent(appHomeOpened(USERS.alice.id));
    const home = await slack.fake.waitFor('views.publish', since(mark));
    expect(postedText(home)).toContain(`#${number}`);
  });

  it('files a ticket through the form modal: errors shown in the modal, then the summary in the DM', async () => {
    const start = await dm(USERS.bob.id, 'I need to open a ticket');
    expect(postedText(start)).toMatch(/What's the problem, in one line/);
    const mark = slack.mark();
    await sendClick(USERS.bob.id, start, 'Fill in a form instead');
    const opened = await slack.fake.waitFor('views.open', since(mark));
    const view = opened.result?.view as Record<string, unknown>;
    const ids = (view.blocks as Array<{ block_id?: string; type: string }>)
      .filter((b) => b.type === 'input')
      .map((b) => b.block_id);
    expect(ids).toEqual(['subject', 'issueType', 'campaignId', 'description', 'access', 'cc']);

    const values = (subject: string, description: string) => ({
      subject: { type: 'plain_text_input', value: subject },
      issueType: {
        type: 'static_select',
        selected_option: {
          text: { type: 'plain_text', text: 'Payments and Finance' },
          value: 'payments_finance',
        },
      },
      campaignId: { type: 'plain_text_input', value: null },
      description: { type: 'plain_text_input', value: description },
      access: {
        type: 'static_select',
        selected_option: { text: { type: 'plain_text', text: 'Only me' }, value: 'private' },
      },
      cc: { type: 'plain_text_input', value: null },
    });
    const invalid = await slack.sendInteractive(
      viewSubmission(USERS.bob.id, view, values('x'.repeat(141), 'short')),
    );
    const body = invalid.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['description', 'subject']);

    const mark2 = slack.mark();
    const valid = await slack.sendInteractive(
      viewSubmission(
        USERS.bob.id,
        view,
        values(
          'Partner payouts on hold',
          'Three partners report their payouts have been on hold for two weeks.',
        ),
      ),
    );
    expect(valid.text).toBe('');
    const summary = await pastSuggestions(USERS.bob.id, await slack.nextPost(mark2, 'D0BOB'));
    expect(postedText(summary)).toContain('*Subject*\nPartner payouts on hold');
    const filed = await click(USERS.bob.id, summary, 'Confirm');
    expect(postedText(filed)).toMatch(/Ticket #\d+ filed/);
  });

  it('answers a help-doc question with the section link', async () => {
    const answer = await dm(USERS.nora.id, 'how do I set up two-factor authentication?');
    expect(postedText(answer)).toMatch(/<https:\/\/help\.example\.com\/articles\/[a-z-]+#[^|]+\|/);
  });

  it("answers about the user's partners in a mention's thread, with paging", async () => {
    const mark = slack.mark();
    const mention = appMention(USERS.alice.id, 'C0PARTNERS', 'active partners in Canada');
    await slack.sendEvent(mention);
    const list = await slack.nextPost(mark, 'C0PARTNERS', mention.ts);
    expect(postedText(list)).toMatch(/24 partners: contract Active · in Canada/);
    expect(postedText(list)).toContain('Showing 1–10 of 24, sorted by name.');
    const next = await click(USERS.alice.id, list, 'More');
    expect(postedText(next)).toContain('Showing 11–20 of 24, sorted by name.');
    expect(next.args.thread_ts).toBe(mention.ts);
  });

  it('the ticket reaction starts a ticket from the message in its thread, prefilled', async () => {
    const ts = slackTs();
    slack.fake.history.set('C0GENERAL', [
      { ts, user: USERS.pat.id, text: 'The promo code report shows no rows for any code this month' },
    ]);
    const mark = slack.mark();
    await slack.sendEvent(reactionAdded(USERS.alice.id, 'ticket', 'C0GENERAL', ts, USERS.pat.id));
    const post = await slack.nextPost(mark, 'C0GENERAL', ts);
    expect(postedText(post)).toMatch(/sounds like a \*[^*]+\* issue/);
    expect(slack.inbound.at(-1)?.conversationKey).toBe(`C0GENERAL:${ts}`);
  });

  it('"Create ticket from message" files a ticket prefilled from the message, confirmed in its thread', async () => {
    const source = {
      ts: slackTs(),
      user: USERS.pat.id,
      text: 'The nightly product feed import fails with a timeout after 10 minutes',
    };
    let mark = slack.mark();
    await slack.sendInteractive(
      messageShortcut(USERS.bob.id, 'C0FEEDS', source, slack.fake.responseUrl('shortcut')),
    );
    const start = await pastSuggestions(USERS.bob.id, await slack.nextPost(mark, 'C0FEEDS', source.ts));
    expect(postedText(start)).toMatch(/sounds like a \*[^*]+\* issue/);
    mark = slack.mark();
    await sendClick(USERS.bob.id, start, 'Fill in a form instead');
    const opened = await slack.fake.waitFor('views.open', since(mark));
    const view = opened.result?.view as {
      blocks: Array<{ block_id?: string; element?: { initial_value?: string } }>;
    };
    expect(view.blocks.find((b) => b.block_id === 'subject')?.element?.initial_value).toBe(
      'The nightly product feed import fails with a timeout after 10 minutes',
    );
    mark = slack.mark();
    await slack.sendInteractive(
      viewSubmission(USERS.bob.id, opened.result?.view as Record<string, unknown>, {
        subject: { type: 'plain_text_input', value: 'Product feed import times out' },
        issueType: {
          type: 'static_select',
          selected_option: {
            text: { type: 'plain_text', text: 'Promotional Content' },
            value: 'promotional_content',
          },
        },
        campaignId: { type: 'plain_text_input', value: null },
        description: { type: 'plain_text_input', value: source.text },
        access: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Only me' }, value: 'private' },
        },
        cc: { type: 'plain_text_input', value: null },
      }),
    );
    const summary = await pastSuggestions(USERS.bob.id, await slack.nextPost(mark, 'C0FEEDS', source.ts));
    const filed = await click(USERS.bob.id, summary, 'Confirm');
    expect(filed.args.thread_ts).toBe(source.ts);
    const number = Number(/Ticket #(\d+) filed/.exec(postedText(filed))?.[1]);
    const ticket = await slack.database.prisma.ticket.findUniqueOrThrow({ where: { id: number } });
    expect(ticket).toMatchObject({
      creatorId: 'usr_bob',
      subject: 'Product feed import times out',
      channel: 'slack',
    });
  });

  it('hands a user over to an agent in the agents channel and relays both ways through the thread', async () => {
    // Sam goes online with the slash command.
    let mark = slack.mark();
    await slack.sendCommand(
      slashCommand(USERS.sam.id, 'C0AGENTS', 'online', slack.fake.responseUrl('sam-online')),
    );
    const online = await slack.fake.waitFor('response_url', since(mark));
    expect(postedText(online)).toMatch(/online/);

    mark = slack.mark();
    const queued = await dm(USERS.nora.id, 'can I talk to a person please');
    expect(postedText(queued)).toMatch(/in line/);
    const escalation = await slack.nextPost(mark, AGENTS_CHANNEL);
    expect(postedText(escalation)).toMatch(/Nora Northpeak/);
    expect(postedText(escalation)).toMatch(/#\d+/);
    const threadTs = String(escalation.result?.ts);

    // Riley is no agent in Slack until linked: Pat (a requester) cannot claim.
    mark = slack.mark();
    await sendClick(USERS.pat.id, escalation, 'Claim');
    const refused = await slack.fake.waitFor('chat.postEphemeral', since(mark));
    expect(refused.args.user).toBe(USERS.pat.id);
    expect(String(refused.args.text)).toMatch(/not registered as an agent/);

    mark = slack.mark();
    await sendClick(USERS.sam.id, escalation, 'Claim');
    const claimed = await slack.fake.waitFor('chat.update', since(mark));
    expect(postedText(claimed)).toMatch(/Sam Agent is talking to the user/);
    await postContaining(mark, 'D0NORA', 'Sam Agent* has joined');
    await postContaining(mark, AGENTS_CHANNEL, 'Sam Agent claimed this chat');

    // The user's messages appear in the thread...
    mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.nora.id, 'the pixel is still not firing'));
    const relayed = await postContaining(
      mark,
      AGENTS_CHANNEL,
      '*Nora Northpeak:* the pixel is still not firing',
    );
    expect(relayed.args.thread_ts).toBe(threadTs);

    // ...and the agent's replies in the thread reach the user, without an echo in the thread.
    mark = slack.mark();
    await slack.sendEvent(
      threadReply(USERS.sam.id, AGENTS_CHANNEL, threadTs, 'Hi Nora, checking the pixel now'),
    );
    await postContaining(mark, 'D0NORA', 'Hi Nora, checking the pixel now');
    await slack.settle();
    const echoes = slack.fake.calls
      .slice(mark)
      .filter(
        (c) =>
          c.method === 'chat.postMessage' &&
          c.args.channel === AGENTS_CHANNEL &&
          String(c.args.text).includes('checking the pixel'),
      );
    expect(echoes).toHaveLength(0);

    // An internal note and a status from the thread; neither reaches the user.
    mark = slack.mark();
    await slack.sendEvent(
      threadReply(USERS.sam.id, AGENTS_CHANNEL, threadTs, '!note pixel domain changed last week'),
    );
    const noted = await slack.fake.waitFor('chat.postEphemeral', since(mark));
    expect(String(noted.args.text)).toMatch(/note saved/i);
    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.sam.id, AGENTS_CHANNEL, threadTs, '!status in progress'));
    const status = await slack.fake.waitFor('chat.postEphemeral', since(mark));
    expect(String(status.args.text)).toMatch(/In Progress/);
    await slack.settle();
    expect(
      slack.fake.calls
        .slice(mark)
        .some(
          (c) =>
            c.method === 'chat.postMessage' &&
            c.args.channel === 'D0NORA' &&
            postedText(c).includes('pixel domain'),
        ),
    ).toBe(false);

    // Close from the escalation message's button.
    const updated = slack.fake
      .callsTo('chat.update')
      .filter((c) => c.args.ts === threadTs)
      .at(-1)!;
    mark = slack.mark();
    await sendClick(
      USERS.sam.id,
      { ...updated, args: { ...updated.args, channel: AGENTS_CHANNEL }, result: { ts: threadTs } },
      'Close chat',
    );
    await postContaining(mark, 'D0NORA', 'closed the chat');
    const final = await slack.fake.waitFor(
      'chat.update',
      (c) => since(mark)(c) && postedText(c).includes('Closed'),
    );
    expect(postedText(final)).not.toContain('Claim');
  });
});
