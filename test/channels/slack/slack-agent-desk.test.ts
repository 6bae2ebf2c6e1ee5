import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { slackModule } from '../../../src/channels/slack/slack-module.js';
import { handoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { testProviders } from '../../support/test-database.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import {
  appHomeOpened,
  blockActions,
  directMessage,
  selectAction,
  threadReply,
  viewSubmission,
} from './fakes/slack-payloads.js';
import {
  AGENTS_CHANNEL,
  agentDeskMatcher,
  buttonIn,
  postedText,
  type SlackTestBot,
  startSlackTestBot,
  USERS,
} from './slack-test-bot.js';

const matcher = agentDeskMatcher;

describe.each(testProviders())('agents in Slack (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider, {
      modules: [ticketsModule, handoffModule, slackModule],
      matcher,
    });
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;
  const ephemeralTo = (mark: number, user: string) =>
    slack.fake.waitFor('chat.postEphemeral', (c) => since(mark)(c) && c.args.user === user);

  function clickIn(user: string, call: RecordedCall, ts: string, label: string) {
    const button = buttonIn(call, label);
    return slack.sendInteractive(
      blockActions({
        user,
        channel: String(call.args.channel ?? AGENTS_CHANNEL),
        message: { ts, blocks: call.args.blocks },
        button: {
          action_id: button.action_id,
          text: button.text,
          ...(button.value ? { value: button.value } : {}),
          ...(button.block_id ? { block_id: button.block_id } : {}),
        },
        responseUrl: slack.fake.responseUrl('desk'),
      }),
    );
  }

  /** The latest version of the escalation message (posted, then updated). */
  function escalationNow(ts: string): RecordedCall {
    const updates = slack.fake.callsTo('chat.update').filter((c) => c.args.ts === ts);
    return updates.at(-1) ?? slack.fake.callsTo('chat.postMessage').find((c) => c.result?.ts === ts)!;
  }

  it('agents set their availability from the App Home', async () => {
    let mark = slack.mark();
    await slack.sendEvent(appHomeOpened(USERS.sam.id));
    const home = await slack.fake.waitFor('views.publish', since(mark));
    expect(postedText(home)).toContain('For agents');
    mark = slack.mark();
    await clickIn(USERS.sam.id, home, '1700000000.000001', 'Online');
    const republished = await slack.fake.waitFor('views.publish', since(mark));
    expect(postedText(republished)).toMatch(/You're \*Online\*/);
    await slack.fake.waitFor('views.publish', since(mark));

    // A requester's App Home has no agent section.
    mark = slack.mark();
    await slack.sendEvent(appHomeOpened(USERS.alice.id));
    const requester = await slack.fake.waitFor('views.publish', since(mark));
    expect(postedText(requester)).not.toContain('For agents');
  });

  it('claims, transfers by modal and by command, sets the status and closes', async () => {
    await slack.sendCommand({
      token: 't',
      team_id: 'T0HELPDESK',
      channel_id: 'C0AGENTS',
      user_id: USERS.riley.id,
      command: '/helpdesk',
      text: 'online',
      response_url: slack.fake.responseUrl('riley'),
      trigger_id: '1.2.riley',
    });
    let mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.alice.id, 'I want a human'));
    const escalation = await slack.nextPost(mark, AGENTS_CHANNEL);
    const ts = String(escalation.result?.ts);
    expect(postedText(escalation)).toContain('Claim');

    mark = slack.mark();
    await clickIn(USERS.sam.id, escalation, ts, 'Claim');
    await slack.fake.waitFor(
      'chat.update',
      (c) => since(mark)(c) && postedText(c).includes('Sam Agent is talking'),
    );

    // Someone else typing in the thread is not relayed.
    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.riley.id, AGENTS_CHANNEL, ts, 'hello from riley'));
    expect(String((await ephemeralTo(mark, USERS.riley.id)).args.text)).toMatch(/Only the agent who claimed/);

    // Transfer with the modal: nothing chosen is an error in the modal; then to Riley.
    mark = slack.mark();
    await clickIn(USERS.sam.id, escalationNow(ts), ts, 'Transfer');
    const opened = await slack.fake.waitFor('views.open', since(mark));
    const view = opened.result?.view as Record<string, unknown>;
    const empty = await slack.sendInteractive(viewSubmission(USERS.sam.id, view, {}));
    expect(empty.json()).toEqual({
      response_action: 'errors',
      errors: { agent: 'Choose an agent or a team.' },
    });
    const rileyOption = (
      view.blocks as Array<{
        block_id: string;
        element: { options: Array<{ value: string; text: { text: string } }> };
      }>
    )
      .find((b) => b.block_id === 'agent')!
      .element.options.find((o) => o.text.text.startsWith('Riley Agent'))!;
    mark = slack.mark();
    await slack.sendInteractive(
      viewSubmission(USERS.sam.id, view, {
        agent: { type: 'static_select', selected_option: rileyOption },
        note: { type: 'plain_text_input', value: 'tracking expert needed' },
      }),
    );
    await slack.fake.waitFor('chat.update', (c) => since(mark)(c) && postedText(c).includes('Transferred'));
    const note = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && String(c.args.text).includes('tracking expert needed'),
    );
    expect(note.args.thread_ts).toBe(ts);

    // Riley claims from the thread, sets the status with the menu, and moves it on to a team.
    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.riley.id, AGENTS_CHANNEL, ts, '!claim'));
    await slack.fake.waitFor(
      'chat.update',
      (c) => since(mark)(c) && postedText(c).includes('Riley Agent is talking'),
    );
    const ticketId = (await slack.database.prisma.handoff.findFirstOrThrow({ where: { status: 'assigned' } }))
      .ticketId;
    mark = slack.mark();
    await slack.sendInteractive(
      selectAction({
        user: USERS.riley.id,
        channel: AGENTS_CHANNEL,
        messageTs: ts,
        actionId: 'hd_desk:status',
        blockId: buttonIn(escalationNow(ts), 'Close chat').block_id!,
        value: 'in_progress',
        label: 'In Progress',
      }),
    );
    await slack.settle();
    expect((await slack.database.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status).toBe(
      'in_progress',
    );

    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.riley.id, AGENTS_CHANNEL, ts, '!transfer nowhere special'));
    expect(String((await ephemeralTo(mark, USERS.riley.id)).args.text)).toMatch(/isn't an agent or a team/);
    mark = slack.mark();
    await slack.sendEvent(
      threadReply(USERS.riley.id, AGENTS_CHANNEL, ts, '!transfer team_finance billing question'),
    );
    await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && String(c.args.text).includes('billing question'),
    );

    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.riley.id, AGENTS_CHANNEL, ts, '!help'));
    expect(String((await ephemeralTo(mark, USERS.riley.id)).args.text)).toContain('!note');

    // Sam (a member of the finance team) takes it again and closes it.
    mark = slack.mark();
    await clickIn(USERS.sam.id, escalationNow(ts), ts, 'Claim');
    await slack.fake.waitFor(
      'chat.update',
      (c) => since(mark)(c) && postedText(c).includes('Sam Agent is talking'),
    );
    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.sam.id, AGENTS_CHANNEL, ts, '!close'));
    await slack.fake.waitFor('chat.update', (c) => since(mark)(c) && postedText(c).includes('Closed'));
    await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && c.args.channel === 'D0ALICE' && postedText(c).includes('closed the chat'),
    );
  });
  it('offers a solution only with its text: the status menu asks for it in a modal, `!status` after the words', async () => {
    let mark = slack.mark();
    await slack.sendCommand({
      token: 't',
      team_id: 'T0HELPDESK',
      channel_id: 'C0AGENTS',
      user_id: USERS.sam.id,
      command: '/helpdesk',
      text: 'online',
      response_url: slack.fake.responseUrl('sam'),
      trigger_id: '1.2.sam',
    });
    await slack.fake.waitFor('response_url', (c) => since(mark)(c) && postedText(c).includes('online'));
    mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.nora.id, 'I want a human about the feed import'));
    const escalation = await slack.nextPost(mark, AGENTS_CHANNEL);
    const ts = String(escalation.result?.ts);
    mark = slack.mark();
    await clickIn(USERS.sam.id, escalation, ts, 'Claim');
    await slack.fake.waitFor(
      'chat.update',
      (c) => since(mark)(c) && postedText(c).includes('Sam Agent is talking'),
    );
    const handoffId = buttonIn(escalation, 'Claim').value!;
    const { ticketId } = await slack.database.prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    const ticket = () => slack.database.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    // Claiming moves the ticket to In Progress right after the chat.
    await expect.poll(async () => (await ticket()).status).toBe('in_progress');
    const replies = async () =>
      (await slack.database.prisma.ticketComment.findMany({ where: { ticketId, internal: false } })).map(
        (c) => c.body,
      );
    const toNora = (text: string) =>
      slack.fake.waitFor(
        'chat.postMessage',
        (c) => since(mark)(c) && c.args.channel === 'D0NORA' && postedText(c).includes(text),
      );

    // Typed without the solution: a hint how to write it, nothing changed.
    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.sam.id, AGENTS_CHANNEL, ts, '!status solution offered'));
    expect(String((await ephemeralTo(mark, USERS.sam.id)).args.text)).toMatch(
      /needs the solution for the user: `!status solution offered &lt;what they should do&gt;`\. Nothing was changed/,
    );
    expect((await ticket()).status).toBe('in_progress');

    // From the menu: a modal asks for the solution; left empty, the field says so.
    mark = slack.mark();
    await slack.sendInteractive(
      selectAction({
        user: USERS.sam.id,
        channel: AGENTS_CHANNEL,
        messageTs: ts,
        actionId: 'hd_desk:status',
        blockId: buttonIn(escalationNow(ts), 'Close chat').block_id!,
        value: 'solution_offered',
        label: 'Solution Offered',
      }),
    );
    const opened = await slack.fake.waitFor('views.open', since(mark));
    const view = opened.result?.view as Record<string, unknown>;
    expect(postedText(opened)).toContain('Solution for the user');
    const empty = await slack.sendInteractive(
      viewSubmission(USERS.sam.id, view, { solution: { type: 'plain_text_input', value: '  ' } }),
    );
    expect(empty.json()).toEqual({
      response_action: 'errors',
      errors: { solution: 'Write the solution for the user.' },
    });
    await slack.settle();
    expect((await ticket()).status).toBe('in_progress');

    mark = slack.mark();
    await slack.sendInteractive(
      viewSubmission(USERS.sam.id, view, {
        solution: { type: 'plain_text_input', value: 'Re-upload the feed as UTF-8.' },
      }),
    );
    expect(String((await ephemeralTo(mark, USERS.sam.id)).args.text)).toMatch(/Solution Offered/);
    expect((await ticket()).status).toBe('solution_offered');
    expect(await replies()).toContain('Re-upload the feed as UTF-8.');
    expect(postedText(await toNora('Re-upload the feed as UTF-8.'))).toMatch(/Solution Offered/);

    // Typed with the solution after the status words: one more solution for Nora.
    mark = slack.mark();
    await slack.sendEvent(
      threadReply(USERS.sam.id, AGENTS_CHANNEL, ts, '!status Solution Offered: or split it in two files'),
    );
    await toNora('or split it in two files');
    expect(await replies()).toContain('or split it in two files');

    mark = slack.mark();
    await slack.sendEvent(threadReply(USERS.sam.id, AGENTS_CHANNEL, ts, '!close'));
    await slack.fake.waitFor('chat.update', (c) => since(mark)(c) && postedText(c).includes('Closed'));
  });

  it("keeps a user's message for the agents' thread through a Slack outage and posts it once", async () => {
    let mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.bob.id, 'I need a person about my invoice'));
    const escalation = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => since(mark)(c) && c.args.channel === AGENTS_CHANNEL && !c.args.thread_ts,
    );
    const ts = String(escalation.result?.ts);
    const handoffId = buttonIn(escalation, 'Claim').value!;

    mark = slack.mark();
    slack.fake.outage = true;
    onTestFinished(() => {
      slack.fake.outage = false;
    });
    await slack.sendEvent(directMessage(USERS.bob.id, 'invoice 7731 was charged twice'));
    const inThread = (c: RecordedCall) =>
      since(mark)(c) && c.args.thread_ts === ts && String(c.args.text).includes('invoice 7731');
    // Slack refused the line; it waits in the outbox instead of being lost.
    await expect
      .poll(() => slack.fake.calls.some((c) => c.method === 'chat.postMessage' && inThread(c)), {
        timeout: 10_000,
      })
      .toBe(true);
    await expect
      .poll(() =>
        slack.database.prisma.outboundMessage.count({
          where: { channel: 'slack-agents', conversationId: `slack-agents:${handoffId}`, status: 'pending' },
        }),
      )
      .toBe(1);

    slack.fake.outage = false;
    const posted = await slack.fake.waitFor(
      'chat.postMessage',
      (c) => inThread(c) && c.status === 200,
      15_000,
    );
    expect(posted.args.text).toBe('*Bob Brand:* invoice 7731 was charged twice');
    await slack.settle();
    await new Promise((r) => setTimeout(r, 600));
    expect(
      slack.fake.callsTo('chat.postMessage').filter((c) => inThread(c) && c.status === 200),
    ).toHaveLength(1);
    const row = await slack.database.prisma.outboundMessage.findFirstOrThrow({
      where: { conversationId: `slack-agents:${handoffId}` },
    });
    expect(row.status).toBe('sent');
  });
});
