import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackModule } from '../../../src/channels/slack/slack-module.js';
import type { TicketDesk } from '../../../src/skills/tickets/ticket-desk.js';
import { ticketsModule } from '../../../src/skills/tickets/tickets-module.js';
import { basicRules, keywordMatcher } from '../../support/keyword-matcher.js';
import { testProviders } from '../../support/test-database.js';
import type { RecordedCall } from './fakes/fake-slack-api.js';
import { appHomeOpened } from './fakes/slack-payloads.js';
import { postedText, type SlackTestBot, startSlackTestBot, USERS } from './slack-test-bot.js';

/** App Home's "Your open tickets": the viewer's own, and for an agent those assigned to them. */
describe.each(testProviders())('Slack App Home: "Your open tickets" (%s)', (provider) => {
  let slack: SlackTestBot;
  beforeAll(async () => {
    slack = await startSlackTestBot(provider, {
      matcher: keywordMatcher([...basicRules]),
      modules: [ticketsModule, createSlackModule()],
    });
    const desk = slack.app.services.shared.tickets as TicketDesk;
    const profile = async (id: string) => (await slack.app.services.users.byId(id))!;
    const file = async (user: string, subject: string, shared: boolean) =>
      desk.create({
        requester: await profile(user),
        subject,
        issueType: 'other',
        description: `${subject}: details for support.`,
        shared,
        ccEmails: [],
        channel: 'web',
        conversationId: null,
        idempotencyKey: `${user}-${subject}`,
      });
    await file('usr_alice', 'Alice own pixel problem', false);
    await file('usr_bob', 'Bob shared payout question', true);
    await file('usr_nora', 'Northpeak invoice is wrong', false);
    const assigned = await file('usr_nora', 'Northpeak feed stopped', false);
    await desk.assignTo(await profile('usr_sam'), assigned.id, 'usr_sam');
  });
  afterAll(() => slack.close());

  async function home(user: string): Promise<string> {
    const mark = slack.mark();
    await slack.sendEvent(appHomeOpened(user));
    const view = await slack.fake.waitFor(
      'views.publish',
      (c: RecordedCall) => slack.fake.calls.indexOf(c) >= mark && c.args.user_id === user,
    );
    return postedText(view);
  }

  it("Alice opens App Home → her ticket, not Bob's shared one", async () => {
    const text = await home(USERS.alice.id);
    expect(text).toContain('Your open tickets');
    expect(text).toContain('Alice own pixel problem');
    expect(text).not.toContain('Bob shared payout question');
  });

  it("Sam (agent) opens App Home → the ticket assigned to him, no other company's", async () => {
    const text = await home(USERS.sam.id);
    expect(text).toContain('Northpeak feed stopped');
    expect(text).not.toContain('Northpeak invoice is wrong');
    expect(text).not.toContain('Alice own pixel problem');
  });
});
