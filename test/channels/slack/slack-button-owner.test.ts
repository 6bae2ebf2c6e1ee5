import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProviders } from '../../support/test-database.js';
import { demoFormModule } from './demo-form-module.js';
import { FAKE_TEAM, type RecordedCall } from './fakes/fake-slack-api.js';
import { appMention, directMessage, threadReply } from './fakes/slack-payloads.js';
import {
  press as pressAs,
  pressForNextPost,
  pressRefused,
  rileyGoesOnline,
  startOwnerTestBot,
} from './slack-owner-fixture.js';
import { AGENTS_CHANNEL, buttonIn, postedText, type SlackTestBot, USERS } from './slack-test-bot.js';

/**
 * The bot talks with one person in a channel thread, where everyone in the channel sees its
 * buttons. A press by someone else is answered privately and runs nothing; the person's own
 * presses go on as before; the agents' desk buttons stay anyone's (any agent claims).
 */
describe.each(testProviders())('Slack buttons belong to whom they were shown to (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    // Tickets, the help center's suggestions, live agents, and the demo form for the "Open form" button.
    slack = await startOwnerTestBot(provider, {
      modules: [demoFormModule],
      rules: [[/^feedback\b/i, 'demo.feedback', 'demo']],
    });
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;
  const press = (user: string, post: RecordedCall, label: string | RegExp) =>
    pressAs(slack, user, post, label);

  /** The owner presses: resolves with the bot's next post in the same thread. */
  const ownerPresses = (user: string, post: RecordedCall, label: string | RegExp) =>
    pressForNextPost(slack, user, post, label);

  async function conversationIn(key: string) {
    return slack.database.prisma.conversation.findUniqueOrThrow({
      where: { channel_workspace_externalId: { channel: 'slack', workspace: FAKE_TEAM, externalId: key } },
      select: { state: true, version: true },
    });
  }

  /**
   * Someone else presses `label` on `post`: they alone are told whose buttons these are, in the
   * thread; no turn runs, nothing is posted, and the conversation is as it was.
   */
  async function othersPressIsRefused(user: string, post: RecordedCall, label: string | RegExp) {
    const channel = String(post.args.channel);
    const threadTs = String(post.args.thread_ts);
    const before = await conversationIn(`${channel}:${threadTs}`);
    const { told, mark, seen } = await pressRefused(slack, user, post, label);
    expect(told.args).toMatchObject({ channel, thread_ts: threadTs, user });
    expect(String(told.args.text)).toContain(`These buttons are for <@${USERS.alice.id}>`);
    expect(slack.inbound).toHaveLength(seen);
    expect(slack.fake.callsTo('chat.postMessage').filter(since(mark))).toEqual([]);
    expect(slack.fake.callsTo('views.open').filter(since(mark))).toEqual([]);
    expect(await conversationIn(`${channel}:${threadTs}`)).toEqual(before);
  }

  it("Bob's presses on the ticket questions Alice is asked in her thread are refused; hers go on", async () => {
    const mark = slack.mark();
    const mention = appMention(
      USERS.alice.id,
      'C0GENERAL',
      'open a ticket: password reset link expired immediately',
    );
    await slack.sendEvent(mention);
    const issueType = await slack.nextPost(mark, 'C0GENERAL', mention.ts);
    expect(postedText(issueType)).toMatch(/sounds like a \*[^*]+\* issue/);

    await othersPressIsRefused(USERS.bob.id, issueType, "Yes, that's it");
    const campaign = await ownerPresses(USERS.alice.id, issueType, "Yes, that's it");
    expect(postedText(campaign)).toMatch(/campaign/i);

    await othersPressIsRefused(USERS.bob.id, campaign, 'No, not campaign-specific');
    const describeIt = await ownerPresses(USERS.alice.id, campaign, 'No, not campaign-specific');
    expect(postedText(describeIt)).toMatch(/describe/i);

    const next = slack.mark();
    await slack.sendEvent(
      threadReply(
        USERS.alice.id,
        'C0GENERAL',
        mention.ts,
        'Every password reset link says it has expired, even right after it arrives.',
      ),
    );
    const suggestions = await slack.nextPost(next, 'C0GENERAL', mention.ts);
    expect(postedText(suggestions)).toMatch(/help articles might already answer/);

    await othersPressIsRefused(USERS.bob.id, suggestions, 'No, file the ticket');
    await othersPressIsRefused(USERS.bob.id, suggestions, 'Yes, that solved it');
    const access = await ownerPresses(USERS.alice.id, suggestions, 'No, file the ticket');
    expect(postedText(access)).toMatch(/Should everyone in your account see this ticket/);
  });

  it('the "Open form" button of a form sent in a thread opens the modal only for its user', async () => {
    const mark = slack.mark();
    const mention = appMention(USERS.alice.id, 'C0FEEDBACK', 'feedback the export is slow');
    await slack.sendEvent(mention);
    const summary = await slack.nextPost(mark, 'C0FEEDBACK', mention.ts);
    expect(postedText(summary)).toContain('Open form');

    await othersPressIsRefused(USERS.bob.id, summary, 'Open form');
    await othersPressIsRefused(USERS.bob.id, summary, 'Not now');

    const own = slack.mark();
    await press(USERS.alice.id, summary, 'Open form');
    const opened = await slack.fake.waitFor('views.open', since(own));
    expect(opened.args.view).toMatchObject({ callback_id: 'hd_form' });
  });

  it('in a DM the buttons carry no owner: the user presses them as before', async () => {
    const mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.bob.id, 'open a ticket: the export is slow'));
    const issueType = await slack.nextPost(mark, 'D0BOB');
    expect(buttonIn(issueType, "Yes, that's it").value).not.toContain(USERS.bob.id);
    const next = await ownerPresses(USERS.bob.id, issueType, "Yes, that's it");
    expect(postedText(next)).toMatch(/campaign/i);
  });

  it("any agent claims a chat waiting in the agents' channel", async () => {
    let mark = slack.mark();
    await rileyGoesOnline(slack, '1.2.riley-owner');
    await slack.fake.waitFor('response_url', since(mark));

    mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.nora.id, 'I want a human'));
    const escalation = await slack.nextPost(mark, AGENTS_CHANNEL);
    expect(postedText(escalation)).toContain('Claim');

    // Sam is not who went online, nor who the card was posted for: the desk's buttons are every agent's.
    mark = slack.mark();
    await press(USERS.sam.id, escalation, 'Claim');
    await slack.fake.waitFor(
      'chat.update',
      (c) => since(mark)(c) && postedText(c).includes('Sam Agent is talking'),
    );
    expect(slack.fake.callsTo('chat.postEphemeral').filter(since(mark))).toEqual([]);
  });
});
