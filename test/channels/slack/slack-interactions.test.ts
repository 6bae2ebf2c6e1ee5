import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackModule } from '../../../src/channels/slack/slack-module.js';
import { testProviders } from '../../support/test-database.js';
import { demoFormModule, demoMatcher } from './demo-form-module.js';
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
  viewSubmission,
} from './fakes/slack-payloads.js';
import { buttonIn, postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

describe.each(testProviders())('Slack interactivity over signed HTTP (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider, {
      modules: [demoFormModule, slackModule],
      matcher: demoMatcher,
    });
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;

  /** Clicks a button of a message the bot posted, as Slack would send it. */
  function click(
    user: string,
    post: RecordedCall,
    label: string | RegExp,
    options: { ephemeral?: boolean } = {},
  ) {
    const button = buttonIn(post, label);
    const ts = String(post.result?.ts ?? slackTs());
    return slack.sendInteractive(
      blockActions({
        user,
        channel: String(post.args.channel ?? 'D0ALICE'),
        message: {
          ts,
          ...(post.args.thread_ts ? { thread_ts: String(post.args.thread_ts) } : {}),
          blocks: post.args.blocks,
        },
        button: {
          action_id: button.action_id,
          text: button.text,
          ...(button.value !== undefined ? { value: button.value } : {}),
        },
        responseUrl: slack.fake.responseUrl(`click-${ts}`),
        ...(options.ephemeral ? { ephemeral: true } : {}),
      }),
    );
  }

  it('answers /helpdesk privately (response_url, ephemeral); the conversation is the user DM', async () => {
    const mark = slack.mark();
    const answer = await slack.sendCommand(
      slashCommand(USERS.alice.id, 'C0GENERAL', 'hello', slack.fake.responseUrl('cmd-hello')),
    );
    expect(answer.status).toBe(200);
    const response = await slack.fake.waitFor('response_url', since(mark));
    expect(response.args.response_type).toBe('ephemeral');
    expect(postedText(response)).toMatch(/Alice/);
    const seen = slack.inbound.at(-1);
    expect(seen?.conversationKey).toBe('D0ALICE');
    expect(seen?.eventId).toMatch(/^command:/);
  });

  it('a bare /helpdesk shows the help card', async () => {
    const mark = slack.mark();
    await slack.sendCommand(
      slashCommand(USERS.alice.id, 'C0GENERAL', '', slack.fake.responseUrl('cmd-empty')),
    );
    const response = await slack.fake.waitFor('response_url', since(mark));
    expect(postedText(response)).toMatch(/Here's what I can do/);
  });

  it('opens a form from /helpdesk as a modal, shows validation errors in it, and confirms after a valid submit', async () => {
    const mark = slack.mark();
    const command = slashCommand(USERS.alice.id, 'C0GENERAL', 'feedback', slack.fake.responseUrl('cmd-form'));
    await slack.sendCommand(command);
    const opened = await slack.fake.waitFor('views.open', since(mark));
    expect(opened.args.trigger_id).toBe(command.trigger_id);
    const view = opened.result?.view as Record<string, unknown>;
    expect(view.callback_id).toBe('hd_form');
    expect((view.blocks as Array<{ block_id: string }>).map((b) => b.block_id)).toEqual([
      'subject',
      'area',
      'description',
      'shared',
    ]);

    const invalid = await slack.sendInteractive(
      viewSubmission(USERS.alice.id, view, {
        subject: { type: 'plain_text_input', value: null },
        area: { type: 'static_select', selected_option: null },
        description: { type: 'plain_text_input', value: 'pixel stopped' },
        shared: { type: 'checkboxes', selected_options: [] },
      }),
    );
    expect(invalid.status).toBe(200);
    expect(invalid.json()).toEqual({
      response_action: 'errors',
      errors: { subject: 'Please give a subject.', area: 'Please choose an area.' },
    });

    const mark2 = slack.mark();
    const valid = await slack.sendInteractive(
      viewSubmission(USERS.alice.id, view, {
        subject: { type: 'plain_text_input', value: 'Pixel down' },
        area: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Tracking' }, value: 'tracking' },
        },
        description: { type: 'plain_text_input', value: 'pixel stopped' },
        shared: {
          type: 'checkboxes',
          selected_options: [{ text: { type: 'plain_text', text: 'Share' }, value: 'true' }],
        },
      }),
    );
    expect(valid.status).toBe(200);
    expect(valid.text).toBe('');
    const confirmation = await slack.nextPost(mark2, 'D0ALICE');
    expect(postedText(confirmation)).toContain('Thanks! Sent *Pixel down* (tracking, shared: true)');
  });

  it('closing the modal sends its cancel action', async () => {
    const mark = slack.mark();
    await slack.sendCommand(
      slashCommand(USERS.alice.id, 'D0ALICE', 'feedback', slack.fake.responseUrl('cmd-close')),
    );
    const opened = await slack.fake.waitFor('views.open', since(mark));
    const view = opened.result?.view as Record<string, unknown>;
    const mark2 = slack.mark();
    await slack.sendInteractive({
      ...viewSubmission(USERS.alice.id, view, {}),
      type: 'view_closed',
      is_cleared: false,
    });
    const post = await slack.nextPost(mark2, 'D0ALICE');
    expect(postedText(post)).toContain('nothing was sent');
  });

  it('a button click runs the action; a form from a click opens as a modal with the click trigger', async () => {
    const mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.alice.id, 'help'));
    const help = await slack.nextPost(mark, 'D0ALICE');
    const mark2 = slack.mark();
    const answer = await click(USERS.alice.id, help, 'File a ticket');
    expect(answer.status).toBe(200);
    const opened = await slack.fake.waitFor('views.open', since(mark2));
    expect(opened.args.trigger_id).toBeTruthy();
    expect(slack.inbound.at(-1)?.value).toEqual({ skill: 'core', intent: 'ticket.create' });
  });

  it('a form in a message (no trigger) has an Open form button that opens the modal', async () => {
    const mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.alice.id, 'feedback please'));
    const post = await slack.nextPost(mark, 'D0ALICE');
    expect(postedText(post)).toContain('Send feedback to the support team');
    const mark2 = slack.mark();
    await click(USERS.alice.id, post, 'Open form');
    const opened = await slack.fake.waitFor('views.open', since(mark2));
    const view = opened.args.view as {
      blocks: Array<{ block_id: string; element: { initial_value?: string } }>;
    };
    expect(view.blocks.find((b) => b.block_id === 'description')?.element.initial_value).toBe(
      'feedback please',
    );
  });

  it('"Create ticket from message" prefills the form from the message and confirms in its thread', async () => {
    const source = {
      ts: slackTs(),
      user: USERS.pat.id,
      text: 'The <https://example.com/pixel|pixel> stopped firing on campaign 48213',
    };
    const mark = slack.mark();
    await slack.sendInteractive(
      messageShortcut(USERS.alice.id, 'C0GENERAL', source, slack.fake.responseUrl('sc')),
    );
    const opened = await slack.fake.waitFor('views.open', since(mark));
    const view = opened.result?.view as Record<string, unknown>;
    const description = (
      view.blocks as Array<{ block_id: string; element: { initial_value?: string } }>
    ).find((b) => b.block_id === 'description');
    expect(description?.element.initial_value).toBe(
      'The pixel (https://example.com/pixel) stopped firing on campaign 48213',
    );

    const mark2 = slack.mark();
    await slack.sendInteractive(
      viewSubmission(USERS.alice.id, view, {
        subject: { type: 'plain_text_input', value: 'Pixel' },
        area: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Tracking' }, value: 'tracking' },
        },
      }),
    );
    const confirmation = await slack.nextPost(mark2, 'C0GENERAL', source.ts);
    expect(postedText(confirmation)).toContain('Thanks! Sent *Pixel*');
  });

  it('the ticket reaction starts the form from the message in its thread, with its files', async () => {
    const ts = slackTs();
    slack.fake.history.set('C0GENERAL', [
      {
        ts,
        user: USERS.pat.id,
        text: 'Payouts are late again',
        files: [
          {
            id: 'F1',
            name: 'statement.pdf',
            mimetype: 'application/pdf',
            size: 1200,
            url_private: 'https://files.slack.com/files-pri/T0HELPDESK-F1/statement.pdf',
          },
        ],
      },
    ]);
    const mark = slack.mark();
    await slack.sendEvent(reactionAdded(USERS.alice.id, 'ticket', 'C0GENERAL', ts, USERS.pat.id));
    const post = await slack.nextPost(mark, 'C0GENERAL', ts);
    expect(postedText(post)).toContain('Send feedback to the support team');
    expect(slack.inbound.at(-1)?.text).toBe('Payouts are late again');
    expect(slack.inbound.at(-1)?.attachments.map((a) => a.name)).toEqual(['statement.pdf']);

    // Any other reaction is just a reaction.
    const mark2 = slack.mark();
    await slack.sendEvent(reactionAdded(USERS.alice.id, 'thumbsup', 'C0GENERAL', ts, USERS.pat.id));
    await slack.settle();
    expect(slack.fake.calls.slice(mark2).filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('a click on an ephemeral answer is answered ephemerally through its response_url', async () => {
    const mark = slack.mark();
    await slack.sendCommand(
      slashCommand(USERS.alice.id, 'C0GENERAL', 'what can you do', slack.fake.responseUrl('cmd-help')),
    );
    const response = await slack.fake.waitFor('response_url', since(mark));
    const mark2 = slack.mark();
    await click(
      USERS.alice.id,
      { ...response, args: { ...response.args, channel: 'C0GENERAL' } },
      'My tickets',
      { ephemeral: true },
    );
    const answer = await slack.fake.waitFor('response_url', since(mark2));
    expect(answer.args.response_type).toBe('ephemeral');
    expect(slack.inbound.at(-1)?.conversationKey).toBe('D0ALICE');
  });

  it("App Home buttons run in the user's DM; a form opens with the click trigger", async () => {
    const mark = slack.mark();
    await slack.sendEvent(appHomeOpened(USERS.alice.id));
    const home = await slack.fake.waitFor('views.publish', since(mark));
    const button = buttonIn(home, 'New ticket');
    const mark2 = slack.mark();
    const payload = blockActions({
      user: USERS.alice.id,
      channel: 'D0ALICE',
      message: { ts: slackTs() },
      button: {
        action_id: button.action_id,
        text: button.text,
        ...(button.value ? { value: button.value } : {}),
      },
      responseUrl: slack.fake.responseUrl('home'),
    });
    const fromHome = {
      ...payload,
      container: { type: 'view', view_id: 'V0HOME' },
      channel: undefined,
      message: undefined,
      view: { id: 'V0HOME', type: 'home' },
    };
    await slack.sendInteractive(fromHome);
    await slack.fake.waitFor('views.open', since(mark2));
    expect(slack.inbound.at(-1)).toMatchObject({
      conversationKey: 'D0ALICE',
      value: { skill: 'core', intent: 'ticket.create' },
    });
  });

  it('mentions and clicks in a channel thread keep to that thread', async () => {
    const mark = slack.mark();
    const mention = appMention(USERS.alice.id, 'C0GENERAL', 'help');
    await slack.sendEvent(mention);
    const help = await slack.nextPost(mark, 'C0GENERAL', mention.ts);
    const mark2 = slack.mark();
    await click(USERS.alice.id, help, 'My tickets');
    const next = await slack.nextPost(mark2, 'C0GENERAL', mention.ts);
    expect(next.args.thread_ts).toBe(mention.ts);
  });
});
