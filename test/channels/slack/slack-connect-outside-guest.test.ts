import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackModule } from '../../../src/channels/slack/slack-module.js';
import { importPartnerCsv } from '../../../src/skills/partners/import/partner-import.js';
import { partnersModule } from '../../../src/skills/partners/partners-module.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { demoFormModule } from './demo-form-module.js';
import { FAKE_TEAM, type FakeSlackApi, type RecordedCall } from './fakes/fake-slack-api.js';
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

/**
 * Slack Connect: a channel (or DM) shared with another company. Its members write to the bot,
 * but the help desk serves the workspace the bot is installed in ("Acme Support", FAKE_TEAM):
 * a member of the other company gets no turn, no account data and no record, only a private
 * answer saying whom the desk serves. Slack says who they are in every payload (`user_team` on
 * events, `user.team_id` on interactions) and in `users.info` (`team_id`).
 */
const PARTNER_COMPANY = 'T0PARTNERCO';
const EVE = { id: 'U0OUTSIDER', name: 'eve', realName: 'Eve Outsider', email: 'eve@partnerco.example' };
const SHARED = 'C0SHARED';
const GUEST_ANSWER = /serves Acme Support members only/;

const matcher = keywordMatcher([
  [/partner/i, 'partner.query', 'partners'],
  ...basicRules,
  [/\b(feedback|ticket)\b/i, 'ticket.create', 'demo'],
]);

/** users.info answers with Eve's own company, as Slack does for an external member. */
function eveFromAnotherCompany(fake: FakeSlackApi): void {
  fake.users.set(EVE.id, EVE);
  const self = fake as unknown as {
    answer(method: string, args: Record<string, unknown>): Record<string, unknown>;
  };
  const answer = self.answer.bind(fake);
  self.answer = (method, args) => {
    const out = answer(method, args);
    if (method === 'users.info' && args.user === EVE.id)
      return { ...out, user: { ...(out.user as object), team_id: PARTNER_COMPANY } };
    return out;
  };
}

/** A payload as Eve sends it: her own team on the user, our workspace as the installation's. */
function asEve<T extends { user: Record<string, unknown> }>(payload: T): T {
  return { ...payload, user: { ...payload.user, team_id: PARTNER_COMPANY } };
}

describe('Slack Connect: a member of another company', () => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot('sqlite', {
      modules: [slackModule, partnersModule, demoFormModule],
      matcher,
      configureFake: eveFromAnotherCompany,
    });
    // A colleague writes first (creating the workspace's account), then its directory is imported.
    const mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.newbie.id, 'hi'));
    await slack.nextPost(mark, 'D0NEWBIE');
    const summary = await importPartnerCsv(
      slack.database.prisma,
      slack.database.provider,
      'Partner ID,Partner name,Country,Contract status,Account manager\n' +
        '900001,Secret Rival Deals,CA,Active,Dana Whitfield\n900002,Hidden Coupons,CA,Active,Dana Whitfield\n',
      { accountId: `acc_slack_${FAKE_TEAM}` },
    );
    expect(summary.created).toBe(2);
  });
  afterAll(() => slack.close());

  const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;

  /** Nothing of Eve is stored: no identity, no user, no message reached a turn. */
  async function expectNothingStoredForEve(): Promise<void> {
    const identities = await slack.database.prisma.channelIdentity.count({
      where: { channel: 'slack', externalId: EVE.id },
    });
    expect(identities).toBe(0);
    expect(slack.inbound.filter((m) => m.user.externalId === EVE.id)).toEqual([]);
  }

  it('mentioning the bot in a shared channel: told privately whom the desk serves, shown no partner', async () => {
    const mark = slack.mark();
    const mention = {
      ...appMention(EVE.id, SHARED, 'active partners in Canada'),
      team: PARTNER_COMPANY,
      user_team: PARTNER_COMPANY,
      source_team: PARTNER_COMPANY,
    };
    await slack.sendEvent(mention);
    const told = await slack.fake.waitFor('chat.postEphemeral', since(mark));
    expect(told.args).toMatchObject({ channel: SHARED, user: EVE.id });
    expect(String(told.args.text)).toMatch(GUEST_ANSWER);
    expect(String(told.args.text)).toMatch(/contact your own company's help desk/);
    await slack.settle();
    const posted = slack.fake.calls.filter((c) => since(mark)(c) && c.method === 'chat.postMessage');
    expect(posted.map((c) => postedText(c)).join('\n')).not.toMatch(/Secret Rival Deals|Hidden Coupons/);
    expect(posted).toEqual([]);
    await expectNothingStoredForEve();
  });

  it('her reply in a thread the bot answers in is left alone', async () => {
    const mark = slack.mark();
    const parent = slackTs();
    await slack.sendEvent({
      ...appMention(USERS.alice.id, SHARED, 'hi'),
      ts: parent,
    });
    await slack.nextPost(mark, SHARED, parent);
    const mark2 = slack.mark();
    await slack.sendEvent({
      type: 'message',
      text: 'active partners in Canada',
      user: EVE.id,
      ts: slackTs(),
      team: PARTNER_COMPANY,
      user_team: PARTNER_COMPANY,
      thread_ts: parent,
      parent_user_id: USERS.alice.id,
      channel: SHARED,
      channel_type: 'channel',
    });
    await slack.settle();
    expect(slack.fake.calls.filter((c) => since(mark2)(c) && c.method.startsWith('chat.'))).toEqual([]);
    await expectNothingStoredForEve();
  });

  it('a direct message: answered in the DM, no turn runs', async () => {
    const mark = slack.mark();
    await slack.sendEvent(
      directMessage(EVE.id, 'active partners in Canada', {
        team: PARTNER_COMPANY,
        user_team: PARTNER_COMPANY,
      }),
    );
    const answer = await slack.nextPost(mark, 'D0OUTSIDER');
    expect(postedText(answer)).toMatch(GUEST_ANSWER);
    expect(postedText(answer)).not.toMatch(/Secret Rival Deals/);
    await expectNothingStoredForEve();
  });

  it('/helpdesk (its team known only from users.info): answered privately through response_url', async () => {
    const mark = slack.mark();
    await slack.sendCommand(
      slashCommand(EVE.id, SHARED, 'active partners in Canada', slack.fake.responseUrl('eve-cmd')),
    );
    const response = await slack.fake.waitFor('response_url', since(mark));
    expect(response.args.response_type).toBe('ephemeral');
    expect(postedText(response)).toMatch(GUEST_ANSWER);
    await expectNothingStoredForEve();
  });

  it('pressing a button of the bot (user.team_id her own): told privately, nothing runs', async () => {
    // A DM button has no owner; Eve presses one of a message she was shown (a shared DM, say).
    const mark = slack.mark();
    await slack.sendEvent(directMessage(USERS.alice.id, 'help'));
    const card = await slack.nextPost(mark, 'D0ALICE');
    const button = buttonIn(card, /./);
    const mark2 = slack.mark();
    await slack.sendInteractive(
      asEve(
        blockActions({
          user: EVE.id,
          channel: SHARED,
          message: { ts: String(card.result?.ts), blocks: card.args.blocks },
          button: {
            action_id: button.action_id,
            text: button.text,
            ...(button.value ? { value: button.value } : {}),
          },
          responseUrl: slack.fake.responseUrl('eve-click'),
        }),
      ),
    );
    const told = await slack.fake.waitFor('chat.postEphemeral', since(mark2));
    expect(told.args).toMatchObject({ channel: SHARED, user: EVE.id });
    expect(String(told.args.text)).toMatch(GUEST_ANSWER);
    await expectNothingStoredForEve();
  });

  it('the "Create ticket from message" shortcut: answered privately, no form opens', async () => {
    const mark = slack.mark();
    await slack.sendInteractive(
      asEve(
        messageShortcut(
          EVE.id,
          SHARED,
          { ts: slackTs(), user: EVE.id, text: 'please file a ticket about partner 900001' },
          slack.fake.responseUrl('eve-shortcut'),
        ),
      ),
    );
    const response = await slack.fake.waitFor('response_url', since(mark));
    expect(postedText(response)).toMatch(GUEST_ANSWER);
    await slack.settle();
    expect(slack.fake.calls.filter((c) => since(mark)(c) && c.method === 'views.open')).toEqual([]);
    await expectNothingStoredForEve();
  });

  it('submitting a form modal: the modal says whom the desk serves; the form is not submitted', async () => {
    const mark = slack.mark();
    await slack.sendCommand(
      slashCommand(USERS.alice.id, 'D0ALICE', 'feedback', slack.fake.responseUrl('a-form')),
    );
    const opened = await slack.fake.waitFor('views.open', since(mark));
    const view = opened.result?.view as Record<string, unknown>;
    const answer = await slack.sendInteractive(
      asEve(
        viewSubmission(EVE.id, view, {
          subject: { type: 'plain_text_input', value: 'Partner list' },
          area: {
            type: 'static_select',
            selected_option: { text: { type: 'plain_text', text: 'Tracking' }, value: 'tracking' },
          },
          description: { type: 'plain_text_input', value: 'x' },
          shared: { type: 'checkboxes', selected_options: [] },
        }),
      ),
    );
    const body = answer.json() as { response_action?: string; view?: unknown };
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view)).toMatch(GUEST_ANSWER);
    await expectNothingStoredForEve();
  });

  it('the ticket reaction on a message: told privately, nothing filed', async () => {
    const ts = slackTs();
    slack.fake.history.set(SHARED, [{ ts, user: EVE.id, text: 'partner 900001 is wrong' }]);
    const mark = slack.mark();
    await slack.sendEvent(reactionAdded(EVE.id, 'ticket', SHARED, ts, EVE.id));
    const told = await slack.fake.waitFor('chat.postEphemeral', since(mark));
    expect(told.args).toMatchObject({ channel: SHARED, user: EVE.id });
    expect(String(told.args.text)).toMatch(GUEST_ANSWER);
    await expectNothingStoredForEve();
  });

  it('opening the App Home: a tab saying whom the desk serves, no tickets', async () => {
    const mark = slack.mark();
    await slack.sendEvent(appHomeOpened(EVE.id));
    const published = await slack.fake.waitFor('views.publish', since(mark));
    expect(published.args.user_id).toBe(EVE.id);
    expect(postedText(published)).toMatch(GUEST_ANSWER);
    await expectNothingStoredForEve();
  });

  it('a colleague of the workspace in the same shared channel is still answered with the directory', async () => {
    const mark = slack.mark();
    const mention = {
      ...appMention(USERS.newbie.id, SHARED, 'active partners in Canada'),
      user_team: FAKE_TEAM,
    };
    await slack.sendEvent(mention);
    const answer = await slack.nextPost(mark, SHARED, mention.ts);
    expect(postedText(answer)).toMatch(/Secret Rival Deals/);
  });
});
