import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackModule } from '../../../src/channels/slack/slack-module.js';
import type { UserProfile } from '../../../src/domain/user.js';
import type { AgentDesk } from '../../../src/skills/handoff/agent-desk.js';
import { createHandoffModule } from '../../../src/skills/handoff/handoff-module.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import { appHomeOpened, blockActions, slackTs } from './fakes/slack-payloads.js';
import { buttonIn, postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

const matcher = keywordMatcher([[/\b(agent|human|person)\b/i, 'agent.handoff', 'handoff'], ...basicRules]);

/** The labels of the App Home's main buttons, left to right. */
function homeButtons(home: RecordedCall): string[] {
  const view = home.args.view as {
    blocks: Array<{ block_id?: string; elements?: Array<{ text: { text: string } }> }>;
  };
  const actions = view.blocks.find((b) => b.block_id === 'hd_home_actions');
  return (actions?.elements ?? []).map((e) => e.text.text);
}

describe.each(testProviders())(
  'the Slack App Home offers a person only while one is free (%s)',
  (provider) => {
    let slack: SlackTestBot;
    let desk: AgentDesk;
    beforeAll(async () => {
      let inner: { desk: AgentDesk } | null = null;
      slack = await startSlackTestBot(provider, {
        matcher,
        modules: [
          ticketsModule,
          createHandoffModule({ onCreated: (created) => (inner = created) }),
          // As the app wires it: the handoff module shares the check its chat prompts make.
          createSlackModule(),
        ],
      });
      desk = (inner as unknown as { desk: AgentDesk }).desk;
    });
    afterAll(() => slack.close());

    const since = (mark: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark;
    const profile = async (id: string): Promise<UserProfile> => (await slack.app.services.users.byId(id))!;

    async function openHome(user: string): Promise<RecordedCall> {
      const mark = slack.mark();
      await slack.sendEvent(appHomeOpened(user));
      return slack.fake.waitFor('views.publish', (c) => since(mark)(c) && c.args.user_id === user);
    }

    it('shows "File a ticket" instead of the person button while no agent is available, and the person again once one is', async () => {
      await slack.app.services.db.agentProfile.updateMany({ data: { availability: 'offline' } });

      const closed = await openHome(USERS.alice.id);
      expect(homeButtons(closed)).toEqual(['File a ticket', 'Search docs']);
      expect(postedText(closed)).not.toMatch(/Talk to an agent/);

      // Clicking it starts a ticket, as the chat's "File a ticket" does.
      const button = buttonIn(closed, 'File a ticket');
      const mark = slack.mark();
      await slack.sendInteractive({
        ...blockActions({
          user: USERS.alice.id,
          channel: 'D0ALICE',
          message: { ts: slackTs() },
          button: {
            action_id: button.action_id,
            text: button.text,
            ...(button.value ? { value: button.value } : {}),
          },
          responseUrl: slack.fake.responseUrl('home-ticket'),
        }),
        container: { type: 'view', view_id: 'V0HOME' },
        channel: undefined,
        message: undefined,
        view: { id: 'V0HOME', type: 'home' },
      });
      await slack.settle();
      expect(slack.inbound.at(-1)?.value).toMatchObject({ skill: 'core', intent: 'ticket.create' });
      expect(slack.fake.calls.slice(mark).some((c) => /No agent is available/.test(postedText(c)))).toBe(
        false,
      );

      // Sam comes online: the next time Alice opens the tab, she can ask for him.
      await desk.setAvailability(await profile('usr_sam'), 'online');
      const open = await openHome(USERS.alice.id);
      expect(homeButtons(open)).toEqual(['New ticket', 'Search docs', 'Talk to an agent']);

      // And gone again: the tab reflects it as soon as it is opened.
      await desk.setAvailability(await profile('usr_sam'), 'offline');
      expect(homeButtons(await openHome(USERS.alice.id))).toEqual(['File a ticket', 'Search docs']);
    });
  },
);

describe('the Slack App Home when the live-chat check fails', () => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot('sqlite', {
      matcher,
      modules: [
        ticketsModule,
        createSlackModule({
          liveChatOpen: async () => {
            throw new Error('availability query timed out');
          },
        }),
      ],
    });
  });
  afterAll(() => slack.close());

  it('is still published, with its person button, as before the check existed', async () => {
    const mark = slack.mark();
    await slack.sendEvent(appHomeOpened(USERS.alice.id));
    const home = await slack.fake.waitFor('views.publish', (c) => slack.fake.calls.indexOf(c) >= mark);
    expect(homeButtons(home)).toEqual(['New ticket', 'Search docs', 'Talk to an agent']);
  });
});
